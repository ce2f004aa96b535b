package io.apath.ingest.binding;

import io.apath.contracts.CustomerKey;
import io.apath.ingest.domain.SuppressionList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** {@code suppressions.v1} (compacted, from the beginning) → {@link SuppressionList}; a tombstone lifts one. */
class SuppressionFollower extends TopicFollower {

    private final SuppressionList suppressions;

    SuppressionFollower(
            String topic, String bootstrapServers, Map<String, String> overrides, SuppressionList suppressions) {
        super(topic, bootstrapServers, "ingest-suppressions", overrides);
        this.suppressions = suppressions;
    }

    @Override
    void seekStart(Consumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
        consumer.seekToBeginning(partitions);
    }

    @Override
    void accept(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            return;
        }
        // The key is the customer key; the value only says why and since when, which intake does not need.
        String key = new String(record.key(), StandardCharsets.UTF_8);
        if (key.length() > 1 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1); // written by a JSON key serializer
        }
        CustomerKey customer = new CustomerKey(key);
        if (record.value() == null) {
            suppressions.lift(customer);
        } else {
            suppressions.suppress(customer);
        }
    }
}
