package io.apath.ingest;

import io.apath.contracts.Mention;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

/** Test data mother for mention JSON, and a reader of what reached {@code mentions.v1}. */
final class Mentions {

    static final JsonMapper JSON = new JsonMapper();

    private Mentions() {}

    static String tenant(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String json(String nativeId, String authorId, String text) {
        return json(null, nativeId, authorId, text);
    }

    static String json(String tenant, String nativeId, String authorId, String text) {
        return "{" + (tenant == null ? "" : "\"tenant\":\"" + tenant + "\",")
                + "\"platform\":\"mastodon\",\"nativeId\":\"" + nativeId + "\",\"kind\":\"POST\","
                + "\"author\":{\"id\":\"" + authorId + "\",\"handle\":\"@" + authorId + "\",\"followers\":12},"
                + "\"text\":\"" + text + "\",\"lang\":\"en\",\"createdAt\":\"2026-10-01T09:00:00Z\"}";
    }

    /** Every mention of {@code tenant} on the topic, in offset order per partition. */
    static List<Mention> published(String bootstrapServers, String tenant) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<Mention> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor("mentions.v1").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && record.key().startsWith(tenant + ":")) {
                        found.add(JSON.readValue(record.value(), Mention.class));
                    }
                }
            }
        }
        return found;
    }
}
