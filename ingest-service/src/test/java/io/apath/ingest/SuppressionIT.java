package io.apath.ingest;

import static io.apath.ingest.Mentions.json;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apath.contracts.CustomerKey;
import io.apath.contracts.DeadLetterHeaders;
import io.apath.contracts.Suppression;
import io.apath.localkafka.KafkaBrokerExtension;
import io.apath.localkafka.KafkaEndpoint;
import io.apath.localkafka.TopicToEnd;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An author on {@code suppressions.v1} is dropped at intake and counted; lifting the suppression lets them in. */
@ExtendWith(KafkaBrokerExtension.class)
class SuppressionIT {

    private static final String TENANT = Mentions.tenant("suppr");
    private static final String KEY = "key-" + TENANT;

    private static void write(String bootstrap, String key, String value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> record = new ProducerRecord<>("suppressions.v1", key, value);
            record.headers().add("traceparent", "00-test-01".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    /** Values and header names of the records on {@code topic}. */
    private static List<Map.Entry<String, List<String>>> read(String bootstrap, String topic) {
        List<Map.Entry<String, List<String>>> found = new ArrayList<>();
        TopicToEnd.read(bootstrap, topic, r -> {
            List<String> headers = new ArrayList<>();
            r.headers().forEach(h -> headers.add(h.key()));
            found.add(Map.entry(r.value() == null ? "null" : new String(r.value(), StandardCharsets.UTF_8), headers));
        });
        return found;
    }

    @Test
    void unreadableSuppressionsGoToTheDeadLetterTopicWithErrorHeaders(KafkaEndpoint kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        String marker = "poison-" + TENANT;
        try (RunningIngest ingest = RunningIngest.start(bootstrap, Map.of(TENANT, KEY))) {
            write(bootstrap, TENANT + ":mastodon:" + marker, "{\"not json " + marker);
            write(bootstrap, "no-colons-" + marker, "{\"marker\":\"" + marker + "\"}");

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(read(bootstrap, "suppressions.v1.dlq"))
                            .filteredOn(e -> e.getKey().contains(marker))
                            .hasSize(2)
                            .allSatisfy(e -> assertThat(e.getValue())
                                    .contains(
                                            "traceparent",
                                            DeadLetterHeaders.EXCEPTION_MESSAGE,
                                            DeadLetterHeaders.ORIGINAL_TOPIC,
                                            DeadLetterHeaders.ORIGINAL_OFFSET)));
            assertThat(ingest.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        }
    }

    private static double gauge(RunningIngest ingest) {
        return ingest.get("/actuator/prometheus")
                .body()
                .lines()
                .filter(l -> l.startsWith("ingest_suppressions_size"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(-1);
    }

    private static String status(HttpResponse<String> response) {
        return Mentions.JSON
                .readTree(response.body())
                .get("items")
                .get(0)
                .get("status")
                .asString();
    }

    @Test
    void suppressedAuthorsAreDroppedAndCountedUntilTheSuppressionIsLifted(KafkaEndpoint kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        try (RunningIngest ingest = RunningIngest.start(bootstrap, Map.of(TENANT, KEY))) {
            CustomerKey erased = CustomerKey.of(TENANT, "mastodon", "erased-1");
            double before = gauge(ingest);
            write(
                    bootstrap,
                    erased.value(),
                    Mentions.JSON.writeValueAsString(new Suppression(erased, TENANT, "erasure", Instant.now())));
            await().atMost(Duration.ofSeconds(30)).until(() -> gauge(ingest) > before);

            HttpResponse<String> dropped = ingest.post(
                    "/v1/mentions",
                    "application/json",
                    KEY,
                    json("s-1", "erased-1", "please forget me").getBytes(UTF_8));
            assertThat(dropped.statusCode()).isEqualTo(202);
            assertThat(status(dropped)).isEqualTo("suppressed");
            assertThat(Mentions.published(bootstrap, TENANT)).isEmpty();
            assertThat(ingest.get("/actuator/prometheus").body())
                    .contains("ingest_mentions_total{outcome=\"suppressed\",source=\"api\",tenant=\"" + TENANT + "\"}");

            write(bootstrap, erased.value(), null);
            await().atMost(Duration.ofSeconds(30)).until(() -> gauge(ingest) == before);
            HttpResponse<String> back = ingest.post(
                    "/v1/mentions",
                    "application/json",
                    KEY,
                    json("s-2", "erased-1", "I am back").getBytes(UTF_8));
            assertThat(status(back)).isEqualTo("accepted");
            assertThat(Mentions.published(bootstrap, TENANT))
                    .extracting(m -> m.nativeId())
                    .containsExactly("s-2");
        }
    }
}
