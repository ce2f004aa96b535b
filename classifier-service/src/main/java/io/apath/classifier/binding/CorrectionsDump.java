package io.apath.classifier.binding;

import io.apath.contracts.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The reviewers' corrections as {@code train --corrections} reads them: {@code label-corrections.v1} from its start to
 * its end at the time of the call, reduced as compaction would reduce it (the latest correction of each post, keyed
 * {@code tenant:id}; a tombstone removes the post), optionally one tenant's only, one JSON value per line in the
 * labelling guideline's shape. A plain dump of the topic could hold a post twice (compaction runs late) and mixes
 * every brand's corrections; a brand tunes its own model with its own.
 *
 * <p>A plain Kafka consumer with no group (it assigns every partition and commits nothing), so reading the topic
 * disturbs no one.
 */
public final class CorrectionsDump {

    /** Gives up if the cluster does not answer at all in this time (a wrong address, say). */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** Gives up if the topic's partitions cannot be read to their end in this time. */
    static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

    private CorrectionsDump() {}

    /**
     * @param client Kafka client settings: at least {@code bootstrap.servers}, plus security settings for a real
     *     cluster
     * @param tenant only this tenant's corrections, or null for every tenant's
     * @return how many corrections were written
     */
    public static int write(Properties client, String topic, String tenant, Writer out) {
        Map<String, String> latest = read(client, topic);
        int written = 0;
        try {
            for (Map.Entry<String, String> correction : latest.entrySet()) {
                if (tenant == null || correction.getKey().startsWith(tenant + ":")) {
                    out.write(correction.getValue());
                    out.write('\n');
                    written++;
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    /** The default topic: the catalogue's. */
    public static String defaultTopic() {
        return Topics.LABEL_CORRECTIONS.name();
    }

    /** Key → latest value, in the order read. */
    static Map<String, String> read(Properties client, String topic) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "apath-corrections-dump-" + UUID.randomUUID());
        Map<String, String> latest = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
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
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, READ_TIMEOUT) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "could not read " + topic + " to its end within " + READ_TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.key() == null) {
                        continue; // not a correction: every one is keyed tenant:id
                    }
                    // a re-correction counts once, with its newest labels; a tombstone withdraws the post
                    latest.remove(r.key());
                    if (r.value() != null) {
                        latest.put(r.key(), r.value());
                    }
                }
            }
        }
        return latest;
    }
}
