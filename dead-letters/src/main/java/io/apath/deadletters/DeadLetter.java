package io.apath.deadletters;

import io.apath.contracts.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * One record of a dead-letter topic, read as a replay needs it: where it was read ({@code topic-partition@offset}),
 * the topic it came from, why it failed, and the record to write back: the same key and value, and the headers the
 * original had (the ones that describe the failure dropped, see {@link DeadLetterHeaders#describesFailure}).
 */
record DeadLetter(
        String topic, int partition, long offset, long timestamp, byte[] key, byte[] value, List<Header> headers) {

    DeadLetter {
        headers = List.copyOf(headers);
    }

    static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        return new DeadLetter(
                record.topic(),
                record.partition(),
                record.offset(),
                record.timestamp(),
                record.key(),
                record.value(),
                List.of(record.headers().toArray()));
    }

    /** {@code mentions.v1.dlq-3@17}: where to find this dead letter again. */
    String position() {
        return topic + "-" + partition + "@" + offset;
    }

    /** The topic the record was read from, as its dead-letter headers name it. */
    Optional<String> originalTopic() {
        return text(DeadLetterHeaders.ORIGINAL_TOPIC).or(() -> text("x-original-topic"));
    }

    /**
     * The error's class and message, from whichever dead-letter header names the writer used, on one line (parsers'
     * messages carry line breaks; the report prints one dead letter per line).
     */
    String error() {
        return rawError().replaceAll("\\s*\\R\\s*", " ");
    }

    /** The error's class alone (its message varies from record to record): what a run's report counts by. */
    String errorType() {
        return text(DeadLetterHeaders.EXCEPTION_CLASS)
                .or(() -> text("x-exception-fqcn"))
                .or(() -> text("x-apath-error-class"))
                .orElse("unknown error");
    }

    private String rawError() {
        String type = errorType();
        return text(DeadLetterHeaders.EXCEPTION_MESSAGE)
                .or(() -> text("x-exception-message"))
                .or(() -> text("x-apath-error"))
                .map(message -> type + ": " + message)
                .orElse(type);
    }

    /** True when the error's class or message contains {@code text}, ignoring case. */
    boolean errorContains(String text) {
        return error().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
    }

    /** The headers to replay: the original record's, without those describing the failure. */
    List<Header> replayHeaders() {
        List<Header> kept = new ArrayList<>();
        for (Header header : headers) {
            if (!DeadLetterHeaders.describesFailure(header.key())) {
                kept.add(new RecordHeader(header.key(), header.value()));
            }
        }
        return kept;
    }

    /** The key as text, for the report ({@code (none)} without one). */
    String keyText() {
        return key == null ? "(none)" : new String(key, StandardCharsets.UTF_8);
    }

    private Optional<String> text(String header) {
        Header last = null;
        for (Header h : headers) {
            if (h.key().equals(header)) {
                last = h;
            }
        }
        return last == null || last.value() == null
                ? Optional.empty()
                : Optional.of(new String(last.value(), StandardCharsets.UTF_8));
    }
}
