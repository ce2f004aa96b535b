package io.apath.ingest.binding;

import io.apath.contracts.Mention;
import io.apath.ingest.domain.MentionPublisher;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Sends mentions through the {@code mentions-out-0} binding, keyed by customer so one customer's mentions stay in
 * order. The binding's producer is synchronous (see ingest-service.yml), so {@code send} returns after the broker's
 * acknowledgement (acks=all) or throws.
 */
class StreamBridgeMentionPublisher implements MentionPublisher {

    static final String BINDING = "mentions-out-0";

    private final StreamBridge streamBridge;

    StreamBridgeMentionPublisher(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    @Override
    public void publish(Mention mention) {
        boolean sent = streamBridge.send(
                BINDING,
                MessageBuilder.withPayload(mention)
                        .setHeader(KafkaHeaders.KEY, mention.customerKey().value())
                        .build());
        if (!sent) {
            throw new IllegalStateException("mention " + mention.mentionId() + " was not sent");
        }
    }
}
