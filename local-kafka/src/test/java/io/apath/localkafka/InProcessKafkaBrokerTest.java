package io.apath.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.apath.contracts.Topic;
import io.apath.contracts.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InProcessKafkaBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void createsEveryCatalogueTopicWithItsCleanupPolicyAndKeepsRecordsAcrossRestart() throws Exception {
        try (InProcessKafkaBroker broker = InProcessKafkaBroker.start(dataDir, 0)) {
            try (Admin admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                Set<String> names = admin.listTopics().names().get();
                assertThat(names)
                        .containsAll(Topics.ALL.stream().map(Topic::name).toList());

                Map<String, TopicDescription> descriptions = admin.describeTopics(List.of(Topics.JOURNEY_STATE.name()))
                        .allTopicNames()
                        .get();
                assertThat(descriptions.get(Topics.JOURNEY_STATE.name()).partitions())
                        .hasSize(Topics.JOURNEY_STATE.partitions());
                ConfigResource state = new ConfigResource(ConfigResource.Type.TOPIC, Topics.JOURNEY_STATE.name());
                Config config =
                        admin.describeConfigs(List.of(state)).all().get().get(state);
                assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
            }
            produce(broker.bootstrapServers(), "kept");
        }
        // Same data dir: the broker comes back with the record it had.
        try (InProcessKafkaBroker broker = InProcessKafkaBroker.start(dataDir, 0)) {
            assertThat(consumeAll(broker.bootstrapServers())).contains("kept");
        }
    }

    private static void produce(String bootstrap, String value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.MENTIONS.name(), "k", value))
                    .get();
        }
    }

    private static List<String> consumeAll(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-check");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.MENTIONS.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<String> values = new java.util.ArrayList<>();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            return values.stream().collect(Collectors.toList());
        }
    }
}
