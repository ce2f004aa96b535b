package io.apath.ingest.binding;

import io.apath.ingest.domain.Checkpoints;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Connector checkpoints on a compacted topic (connector id → checkpoint): durable with acks=all and read back in full
 * at start-up, so a restarted or rescheduled ingest continues where the last one stopped.
 */
class KafkaCheckpoints extends TopicFollower implements Checkpoints {

    private final Map<String, String> latest = new ConcurrentHashMap<>();
    private final Producer<String, byte[]> producer;
    private final Duration ackTimeout;

    KafkaCheckpoints(
            String topic, KafkaClientSettings clients, Producer<String, byte[]> producer, Duration ackTimeout) {
        super(topic, clients, "ingest-checkpoints");
        this.producer = producer;
        this.ackTimeout = ackTimeout;
    }

    @Override
    void seekStart(Consumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
        consumer.seekToBeginning(partitions);
    }

    @Override
    void accept(ConsumerRecord<byte[], byte[]> record) {
        String id = new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            latest.remove(id);
        } else {
            latest.put(id, new String(record.value(), StandardCharsets.UTF_8));
        }
    }

    /** Empty until the topic was read to its end: a connector must not start from scratch by mistake. */
    @Override
    public Optional<String> load(String connectorId) {
        if (!loaded()) {
            throw new IllegalStateException("checkpoints are still loading from " + topic());
        }
        return Optional.ofNullable(latest.get(connectorId));
    }

    @Override
    public void save(String connectorId, String checkpoint) {
        try {
            producer.send(new ProducerRecord<>(topic(), connectorId, checkpoint.getBytes(StandardCharsets.UTF_8)))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            latest.put(connectorId, checkpoint);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("checkpoint of " + connectorId + " was not stored", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing a checkpoint", e);
        }
    }
}
