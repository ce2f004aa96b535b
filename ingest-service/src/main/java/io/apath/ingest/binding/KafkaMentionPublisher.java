package io.apath.ingest.binding;

import io.apath.contracts.Mention;
import io.apath.ingest.domain.MentionPublisher;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends mentions to {@code mentions.v1} keyed by customer, so one customer's mentions stay in order on one partition.
 * The producer is idempotent with acks=all; the future completes in the producer's callback, i.e. after the broker's
 * acknowledgement. Each record carries its mention id as a header so the idempotency window can be rebuilt from the
 * topic without parsing values.
 */
class KafkaMentionPublisher implements MentionPublisher {

    static final String MENTION_ID_HEADER = "apath-mention-id";

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final MentionJsonWriter json;

    KafkaMentionPublisher(Producer<String, byte[]> producer, String topic, JsonMapper json) {
        this.producer = producer;
        this.topic = topic;
        this.json = new MentionJsonWriter(json);
    }

    @Override
    public CompletableFuture<Void> publish(Mention mention) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(topic, mention.customerKey().value(), json.write(mention));
            record.headers().add(MENTION_ID_HEADER, mention.mentionId().value().getBytes(StandardCharsets.UTF_8));
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    acknowledged.complete(null);
                } else {
                    acknowledged.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            // send() throws when it cannot even queue the record (no metadata within max.block.ms, buffer full).
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }
}
