package io.apath.classifier;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apath.contracts.Mention;
import io.apath.localkafka.KafkaBrokerExtension;
import io.apath.localkafka.KafkaEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The service on a real broker: mentions in, classified mentions out keyed by customer, a poison record to the DLQ. */
@ExtendWith(KafkaBrokerExtension.class)
class ClassifierIT {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Test
    void classifiesMentionsFromTheTopicAndDeadLettersThePoisonRecordWithoutStopping(KafkaEndpoint kafka)
            throws Exception {
        String tenant = "it-" + UUID.randomUUID().toString().substring(0, 8);
        try (ConfigurableApplicationContext service = ClassifierApplication.application()
                        .run(
                                "--server.port=0",
                                "--spring.main.banner-mode=off",
                                "--spring.cloud.stream.kafka.binder.brokers=" + kafka.bootstrapServers(),
                                // R1: with a 10-minute linger only the per-batch flush gets the output out in time
                                "--spring.cloud.stream.kafka.bindings.classify-out-0.producer.configuration.linger.ms="
                                        + 600_000);
                KafkaProducer<String, byte[]> producer = producer(kafka)) {
            Mention before =
                    Mentions.post(tenant, "carol", "p-1", "@acme still waiting 3 weeks for my refund, terrible");
            Mention after = Mentions.post(tenant, "dave", "p-2", "any promo code for the acme store this weekend?");
            producer.send(record(before)).get();
            ProducerRecord<String, byte[]> poison =
                    new ProducerRecord<>("mentions.v1", tenant + ":mastodon:mallory", "{\"oops\":".getBytes(UTF_8));
            poison.headers().add("apath-mention-id", "0123456789abcdef0123456789abcdef".getBytes(UTF_8));
            producer.send(poison).get();
            producer.send(record(after)).get();

            List<ConsumerRecord<String, byte[]>> classified = new ArrayList<>();
            List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
            try (KafkaConsumer<String, byte[]> consumer = consumer(kafka)) {
                consumer.subscribe(List.of("mentions-classified.v1", "mentions.v1.dlq"));
                await().atMost(Duration.ofSeconds(90)).until(() -> {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        if (r.key() != null && r.key().startsWith(tenant)) {
                            (r.topic().endsWith(".dlq") ? dead : classified).add(r);
                        }
                    }
                    return classified.size() >= 2 && !dead.isEmpty();
                });
            }

            assertThat(classified)
                    .extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder(tenant + ":mastodon:carol", tenant + ":mastodon:dave");
            JsonNode first = JSON.readTree(classified.stream()
                    .filter(r -> r.key().endsWith("carol"))
                    .findFirst()
                    .orElseThrow()
                    .value());
            assertThat(first.get("primaryIntent").asString()).isEqualTo("COMPLAINT");
            assertThat(first.get("modelVersion").asString()).startsWith("hashed-ngram-lr-1-");
            assertThat(first.get("language").asString()).isEqualTo("en");
            assertThat(dead).singleElement().satisfies(r -> {
                assertThat(new String(r.value(), UTF_8)).isEqualTo("{\"oops\":");
                assertThat(header(r, "kafka_dlt-original-topic")).isEqualTo("mentions.v1");
                assertThat(header(r, "kafka_dlt-exception-fqcn")).isNotBlank();
                // the record's own headers are kept, so a replay writes them back
                assertThat(header(r, "apath-mention-id")).isEqualTo("0123456789abcdef0123456789abcdef");
            });
        }
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), UTF_8).replace("\"", "");
    }

    private static ProducerRecord<String, byte[]> record(Mention m) {
        return new ProducerRecord<>("mentions.v1", m.customerKey().value(), JSON.writeValueAsBytes(m));
    }

    private static KafkaProducer<String, byte[]> producer(KafkaEndpoint kafka) {
        Properties p = new Properties();
        p.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
        return new KafkaProducer<>(p);
    }

    private static KafkaConsumer<String, byte[]> consumer(KafkaEndpoint kafka) {
        Properties p = new Properties();
        p.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "classifier-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        return new KafkaConsumer<>(p);
    }
}
