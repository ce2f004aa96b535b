package io.apath.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apath.contracts.CustomerJourney;
import io.apath.contracts.Intent;
import io.apath.contracts.MentionId;
import io.apath.contracts.Stage;
import io.apath.contracts.Topics;
import io.apath.localkafka.KafkaBrokerExtension;
import io.apath.localkafka.KafkaEndpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One real broker, the three services wired through it, mentions in over HTTP, journey events and state out of
 * Kafka (read_committed). Breaks if any service or binding in between is not wired.
 */
@ExtendWith(KafkaBrokerExtension.class)
class PipelineEndToEndIT {

    private static final JsonMapper JSON = new JsonMapper();
    private static final String TENANT = "e2e" + UUID.randomUUID().toString().substring(0, 8);
    private static final String API_KEY = "key-" + UUID.randomUUID();
    private static final String FAN = TENANT + ":mastodon:fan-1";
    private static final String GRUMBLER = TENANT + ":mastodon:grumbler-2";

    private static PipelineServices services;
    private static KafkaEndpoint kafka;

    @BeforeAll
    static void startServices(KafkaEndpoint broker, @TempDir Path stateDir) {
        kafka = broker;
        services = PipelineServices.start(
                broker.bootstrapServers(), PipelineServices.Ports.ANY, stateDir, Map.of(TENANT, API_KEY));
    }

    @AfterAll
    static void stopServices() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void mentionsFromTwoCustomersBecomeJourneyEventsAndState() {
        SampleReplay replay = new SampleReplay(services.ingestUrl(), Map.of(TENANT, API_KEY));
        // Recent times: the complaint's response window (4 business hours) must still be open while the test runs,
        // or journey's SLA timer would rightly add a ResponseOverdue.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> mentions = List.of(
                // a neutral post that names the brand, as a monitored mention does: one naming nothing ("Just
                // landed, saw the new lounge at the airport") is a toss-up between INFORMATIONAL and IRRELEVANT for
                // any model, and journey rightly ignores an irrelevant post
                mention(
                        "fan-1",
                        "post-1",
                        "Acme announces a new lounge at the airport, opening next week",
                        now.minus(3, ChronoUnit.HOURS).toString()),
                mention(
                        "fan-1",
                        "post-2",
                        "Thank you for the great service today, love it!",
                        now.minus(2, ChronoUnit.HOURS).toString()),
                mention(
                        "grumbler-2",
                        "post-3",
                        "Worst delay ever, my bag is lost and nobody answers",
                        now.minus(1, ChronoUnit.MINUTES).toString()));
        assertThat(replay.replay(mentions)).isEqualTo(new SampleReplay.Result(3, 0));
        // The same post again: accepted by ingest, but it must not count twice in the journey.
        replay.replay(List.of(mentions.get(1)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, CustomerJourney> state = JourneyStateReader.readAll(kafka.bootstrapServers());
            assertThat(state).containsKeys(FAN, GRUMBLER);
            assertThat(state.get(FAN).stage()).isEqualTo(Stage.ATTRACTION);
            assertThat(state.get(FAN).mentionCount()).isEqualTo(2);
            assertThat(state.get(GRUMBLER).stage()).isEqualTo(Stage.ATTENTION);
            assertThat(state.get(GRUMBLER).intentCounts()).containsKey(Intent.COMPLAINT);
        });

        // The fan: noticed, then advanced by the praise. The grumbler: noticed, and a confident complaint opens a
        // response window for the brand.
        List<ConsumerRecord<String, String>> events =
                await().atMost(Duration.ofSeconds(30)).until(() -> journeyEventsOf(TENANT), found -> found.size() >= 4);
        assertThat(events.stream().filter(e -> e.key().equals(FAN)).map(e -> header(e, "ce_type")))
                .containsExactly("io.apath.journey.CustomerNoticed", "io.apath.journey.StageAdvanced");
        assertThat(events.stream().filter(e -> e.key().equals(GRUMBLER)).map(e -> header(e, "ce_type")))
                .containsExactly("io.apath.journey.CustomerNoticed", "io.apath.journey.ResponseDue");
        ConsumerRecord<String, String> advanced = events.stream()
                .filter(e -> header(e, "ce_type").endsWith("StageAdvanced"))
                .findFirst()
                .orElseThrow();
        assertThat(advanced.key()).isEqualTo(FAN);
        assertThat(header(advanced, "ce_partitionkey")).isEqualTo(FAN);
        JsonNode body = JSON.readTree(advanced.value());
        assertThat(body.get("from").asString()).isEqualTo("ATTENTION");
        assertThat(body.get("to").asString()).isEqualTo("ATTRACTION");
        assertThat(body.get("evidence").get(0).get("mentionId").asString())
                .isEqualTo(MentionId.of(TENANT, "mastodon", "post-2").value());
    }

    private static String mention(String author, String nativeId, String text, String createdAt) {
        return JSON.writeValueAsString(Map.of(
                "tenant",
                TENANT,
                "platform",
                "mastodon",
                "nativeId",
                nativeId,
                "kind",
                "POST",
                "author",
                Map.of("id", author, "handle", "@" + author),
                "text",
                text,
                "lang",
                "en",
                "createdAt",
                createdAt));
    }

    /** Every journey event of this test's tenant so far, read_committed from the beginning. */
    private static List<ConsumerRecord<String, String>> journeyEventsOf(String tenant) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.JOURNEY_EVENTS.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    if (record.key().startsWith(tenant + ":")) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
