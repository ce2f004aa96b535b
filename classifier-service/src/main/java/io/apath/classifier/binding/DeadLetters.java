package io.apath.classifier.binding;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Sends a record the classifier could not process to {@code mentions.v1.dlq} (binding {@value #BINDING}): the original
 * bytes and key, plus spring-kafka's standard dead-letter headers (original topic, partition, offset, exception class
 * and message) so ops tools that know {@code DeadLetterPublishingRecoverer} read them as usual. The binding is
 * synchronous: the batch's offsets are committed only after the dead letter is stored.
 */
final class DeadLetters {

    static final String BINDING = "mentions-dlq";

    private final StreamBridge bridge;

    DeadLetters(StreamBridge bridge) {
        this.bridge = bridge;
    }

    void send(byte[] record, Object key, Object topic, Object partition, Object offset, Exception error) {
        String message = String.valueOf(error.getMessage());
        var builder = MessageBuilder.withPayload(record == null ? new byte[0] : record)
                .setHeader("contentType", MimeTypeUtils.APPLICATION_OCTET_STREAM_VALUE)
                .setHeader(KafkaHeaders.DLT_EXCEPTION_FQCN, error.getClass().getName())
                .setHeader(
                        KafkaHeaders.DLT_EXCEPTION_MESSAGE,
                        message.length() > 1000 ? message.substring(0, 1000) : message)
                .setHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC, String.valueOf(topic))
                .setHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION, String.valueOf(partition))
                .setHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET, String.valueOf(offset));
        if (key != null) {
            builder.setHeader(KafkaHeaders.KEY, key.toString());
        }
        if (!bridge.send(BINDING, builder.build())) {
            throw new IllegalStateException("dead letter not accepted by binding " + BINDING);
        }
    }
}
