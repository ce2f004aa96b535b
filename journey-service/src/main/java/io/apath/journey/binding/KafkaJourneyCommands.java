package io.apath.journey.binding;

import io.apath.journey.domain.JourneyCommands;
import io.apath.journey.domain.JourneyInput;
import io.apath.journey.topology.JsonSerde;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Privacy requests → {@code journey-commands.v1}, keyed by customer key (so they land on the customer's partition and
 * the topology applies them in order with the customer's mentions). acks=all + idempotence: accepted means durable.
 */
final class KafkaJourneyCommands implements JourneyCommands, AutoCloseable {

    private final KafkaProducer<String, JourneyInput> producer;
    private final String topic;

    KafkaJourneyCommands(KafkaClientSettings clients, String topic, JsonSerde<JourneyInput> serde) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(
                clients.producer(
                        "journey-service-commands",
                        Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)),
                new StringSerializer(),
                serde.serializer());
    }

    @Override
    public void send(JourneyInput command) {
        try {
            producer.send(new ProducerRecord<>(topic, command.customerKey().value(), command))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "interrupted while sending " + command.getClass().getSimpleName(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka did not accept " + command.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
