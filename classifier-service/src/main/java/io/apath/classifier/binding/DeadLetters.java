package io.apath.classifier.binding;

import io.apath.contracts.DeadLetterHeaders;
import java.util.Map;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Sends a record the classifier could not process to {@code mentions.v1.dlq} (binding {@value #BINDING}): the original
 * bytes, key and headers, plus the {@link DeadLetterHeaders} (spring-kafka's names: original topic, partition, offset,
 * exception class and message), which the {@code dead-letters} command and tools that know spring-kafka's
 * {@code DeadLetterPublishingRecoverer} read. The binding is synchronous: the batch's offsets are committed only after
 * the dead letter is stored.
 */
final class DeadLetters {

    static final String BINDING = "mentions-dlq";

    private final StreamBridge bridge;

    DeadLetters(StreamBridge bridge) {
        this.bridge = bridge;
    }

    /** {@code original}: the record's own headers, kept so a replay writes them back (the failure's are not kept). */
    void send(
            byte[] record,
            Map<String, Object> original,
            Object key,
            Object topic,
            Object partition,
            Object offset,
            Exception error) {
        var builder = MessageBuilder.withPayload(record == null ? new byte[0] : record);
        original.forEach((name, value) -> {
            if (!DeadLetterHeaders.describesFailure(name)) {
                builder.setHeader(name, value);
            }
        });
        builder.setHeader("contentType", MimeTypeUtils.APPLICATION_OCTET_STREAM_VALUE)
                .setHeader(DeadLetterHeaders.EXCEPTION_CLASS, error.getClass().getName())
                .setHeader(DeadLetterHeaders.EXCEPTION_MESSAGE, DeadLetterHeaders.message(error))
                .setHeader(DeadLetterHeaders.ORIGINAL_TOPIC, String.valueOf(topic))
                .setHeader(DeadLetterHeaders.ORIGINAL_PARTITION, String.valueOf(partition))
                .setHeader(DeadLetterHeaders.ORIGINAL_OFFSET, String.valueOf(offset));
        if (key != null) {
            builder.setHeader(KafkaHeaders.KEY, key.toString());
        }
        if (!bridge.send(BINDING, builder.build())) {
            throw new IllegalStateException("dead letter not accepted by binding " + BINDING);
        }
    }
}
