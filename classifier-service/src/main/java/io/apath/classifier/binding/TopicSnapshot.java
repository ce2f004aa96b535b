package io.apath.classifier.binding;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every partition of a topic, from its beginning or from a point in time, to the end offsets it had when the
 * read began (read_committed): what the command-line tools ({@code corrections}, {@code review-queue}) need from a
 * real cluster. A plain consumer with no group: it assigns every partition and commits nothing, so reading disturbs
 * no one.
 */
final class TopicSnapshot {

    /** Gives up if the cluster does not answer at all in this time (a wrong address, say). */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** Gives up if no record arrives for this long while the read is not at its end. */
    static final Duration STALL_TIMEOUT = Duration.ofMinutes(2);

    private TopicSnapshot() {}

    /**
     * @param client Kafka client settings: at least {@code bootstrap.servers}, plus security settings for a real
     *     cluster
     * @param from the first record's earliest timestamp, or null for the topic's beginning
     * @param each every record, its value null for a tombstone, in offset order per partition
     */
    static void read(Properties client, String topic, Instant from, Consumer<ConsumerRecord<String, byte[]>> each) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "apath-classifier-cli-" + UUID.randomUUID());
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos;
            try {
                infos = consumer.partitionsFor(topic, CONNECT_TIMEOUT);
            } catch (TimeoutException e) {
                throw new IllegalStateException(
                        "no answer from Kafka at " + props.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG) + " within "
                                + CONNECT_TIMEOUT.toSeconds() + " s (address, or security settings in"
                                + " --consumer-config?)",
                        e);
            }
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException("topic " + topic + " does not exist");
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, CONNECT_TIMEOUT);
            seek(consumer, partitions, from, ends);
            long stalledSince = System.nanoTime();
            while (partitions.stream().anyMatch(p -> consumer.position(p, CONNECT_TIMEOUT) < ends.get(p))) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    stalledSince = System.nanoTime();
                } else if (System.nanoTime() - stalledSince > STALL_TIMEOUT.toNanos()) {
                    throw new IllegalStateException("could not read " + topic + " to its end: no record for "
                            + STALL_TIMEOUT.toSeconds() + " s");
                }
                records.forEach(each);
            }
        }
    }

    private static void seek(
            KafkaConsumer<?, ?> consumer,
            List<TopicPartition> partitions,
            Instant from,
            Map<TopicPartition, Long> ends) {
        if (from == null) {
            consumer.seekToBeginning(partitions);
            return;
        }
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, from.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times, CONNECT_TIMEOUT);
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp offset = offsets.get(p);
            // no record at or after the time: nothing to read there
            consumer.seek(p, offset == null ? ends.get(p) : offset.offset());
        }
    }
}
