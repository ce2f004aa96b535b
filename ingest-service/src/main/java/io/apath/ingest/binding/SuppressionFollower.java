package io.apath.ingest.binding;

import io.apath.contracts.CustomerKey;
import io.apath.contracts.DeadLetterHeaders;
import io.apath.contracts.Suppression;
import io.apath.ingest.domain.SuppressionList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code suppressions.v1} (compacted, from the beginning) → {@link SuppressionList}; a tombstone lifts one. A record
 * whose value is not a {@code Suppression} for its key goes to {@code suppressions.v1.dlq} with its original bytes and
 * headers, followed by the {@link DeadLetterHeaders}.
 */
class SuppressionFollower extends TopicFollower {

    private static final Logger log = LoggerFactory.getLogger(SuppressionFollower.class);

    private final SuppressionList suppressions;
    private final Producer<String, byte[]> deadLetters;
    private final JsonMapper json;

    SuppressionFollower(
            String topic,
            KafkaClientSettings clients,
            SuppressionList suppressions,
            Producer<String, byte[]> deadLetters,
            JsonMapper json) {
        super(topic, clients, "ingest-suppressions");
        this.suppressions = suppressions;
        this.deadLetters = deadLetters;
        this.json = json;
    }

    @Override
    void seekStart(Consumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
        consumer.seekToBeginning(partitions);
    }

    @Override
    void accept(ConsumerRecord<byte[], byte[]> record) {
        CustomerKey customer;
        try {
            customer = customerKey(record.key());
        } catch (RuntimeException e) {
            deadLetter(record, e);
            return;
        }
        if (record.value() == null) {
            suppressions.lift(customer);
            return;
        }
        // Suppress first, whatever the value: a record keyed by a customer on this topic means someone asked for
        // that customer's mentions to stop, and dropping them by mistake is the safe side of a privacy error.
        suppressions.suppress(customer);
        try {
            Suppression suppression = json.readValue(record.value(), Suppression.class);
            if (!suppression.customerKey().equals(customer)) {
                throw new IllegalArgumentException("value is for another customer than the record key");
            }
        } catch (RuntimeException e) {
            deadLetter(record, e);
        }
    }

    private static CustomerKey customerKey(byte[] key) {
        if (key == null) {
            throw new IllegalArgumentException("record has no key (the customer key)");
        }
        String value = new String(key, StandardCharsets.UTF_8);
        if (value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1); // written by a JSON key serializer
        }
        return new CustomerKey(value);
    }

    private void deadLetter(ConsumerRecord<byte[], byte[]> record, RuntimeException error) {
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(
                record.topic() + ".dlq",
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                record.value());
        record.headers().forEach(dead.headers()::add);
        dead.headers()
                .add(DeadLetterHeaders.ORIGINAL_TOPIC, bytes(record.topic()))
                .add(DeadLetterHeaders.ORIGINAL_PARTITION, bytes(Integer.toString(record.partition())))
                .add(DeadLetterHeaders.ORIGINAL_OFFSET, bytes(Long.toString(record.offset())))
                .add(DeadLetterHeaders.EXCEPTION_CLASS, bytes(error.getClass().getName()))
                .add(DeadLetterHeaders.EXCEPTION_MESSAGE, bytes(DeadLetterHeaders.message(error)));
        deadLetters.send(dead, (metadata, sendError) -> {
            if (sendError != null) {
                log.error(
                        "Could not dead-letter {}-{}@{}",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        sendError);
            }
        });
        log.warn(
                "Dead-lettered unreadable record {}-{}@{}: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                error.getClass().getSimpleName());
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
