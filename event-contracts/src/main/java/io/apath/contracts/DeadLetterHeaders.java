package io.apath.contracts;

import java.util.List;

/**
 * The headers every A-Path dead letter carries beside the record's original key and value: where the record was read
 * and why it could not be processed. They are spring-kafka's {@code DeadLetterPublishingRecoverer} names, because
 * Spring's own dead-letter paths (the Kafka Streams binder's {@code sendToDlq}) write exactly these; so every
 * {@code <topic>.dlq} reads the same, whichever service or library wrote it, and a record can be replayed to the topic
 * its {@link #ORIGINAL_TOPIC} names.
 */
public final class DeadLetterHeaders {

    /** The topic the record was read from, and the one a replay writes it back to. */
    public static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";

    public static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";

    public static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";

    /** The class of the error that stopped the record. */
    public static final String EXCEPTION_CLASS = "kafka_dlt-exception-fqcn";

    public static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";

    /**
     * Prefixes of the headers that describe the failure rather than the record, which a replay drops: these, Spring
     * Cloud Stream's message-channel binder's ({@code x-original-}, {@code x-exception-}), and journey's before
     * 2026-12-07 ({@code x-apath-error}).
     */
    public static final List<String> FAILURE_PREFIXES =
            List.of("kafka_dlt-", "x-original-", "x-exception-", "x-apath-error");

    /** Messages are cut to this many characters: a dead letter says what failed, not a whole stack of causes. */
    public static final int MAX_MESSAGE_LENGTH = 1000;

    private DeadLetterHeaders() {}

    /** True for a header that describes the failure (see {@link #FAILURE_PREFIXES}). */
    public static boolean describesFailure(String header) {
        for (String prefix : FAILURE_PREFIXES) {
            if (header.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The error's message as a dead letter keeps it: never null, at most {@value #MAX_MESSAGE_LENGTH} characters. */
    public static String message(Throwable error) {
        String message = String.valueOf(error.getMessage());
        return message.length() > MAX_MESSAGE_LENGTH ? message.substring(0, MAX_MESSAGE_LENGTH) : message;
    }
}
