package io.apath.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.CustomerJourney;
import io.apath.contracts.Intent;
import io.apath.contracts.JourneyEvent;
import io.apath.contracts.MentionKind;
import io.apath.contracts.Topics;
import io.apath.journey.domain.JourneyPolicy;
import io.apath.journey.domain.JourneyState;
import io.apath.journey.domain.JourneyUpdate;
import io.apath.journey.domain.Mentions;
import io.apath.journey.topology.JourneySerdes;
import io.apath.localkafka.KafkaBrokerExtension;
import io.apath.localkafka.KafkaEndpoint;
import io.apath.localkafka.LoopbackPorts;
import io.apath.localkafka.TopicToEnd;
import io.apath.tenantkeys.ApiKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two journey-service instances share the partitions on a real broker; one is stopped while the second half of the
 * mentions is still arriving. The final state must equal that of a single-instance run (a third instance with a fresh
 * application id and its own output topics, the documented replay, over the same input), and journey-events.v1
 * (read_committed) must hold no event id twice. Along the way: queries answered by either instance (forwarded to the
 * owner), the funnel summed over both, poison input dead-lettered, and an erasure on the real topics.
 */
@ExtendWith(KafkaBrokerExtension.class)
class JourneyFailoverIT {

    private static final JsonMapper JSON = new JsonMapper();
    private static final JourneySerdes SERDES = JourneySerdes.create();
    private static final String TENANT = "it" + UUID.randomUUID().toString().substring(0, 8);
    private static final String API_KEY = "key-" + TENANT;
    private static final int CUSTOMERS = 24;
    private static final Intent[] INTENT_CYCLE = {
        Intent.INFORMATIONAL, Intent.PRAISE, Intent.PRAISE, Intent.DEAL_SEEKING, Intent.PRAISE,
        Intent.RECOMMENDATION, Intent.COMPLAINT, Intent.PRAISE, Intent.SUPPORT_REQUEST, Intent.PRAISE
    };

    private final HttpClient http = HttpClient.newHttpClient();
    private final String applicationId = "journey-it-" + UUID.randomUUID();

    @Test
    void failoverKeepsStateExactAndEventsUnique(
            KafkaEndpoint kafka, @TempDir Path stateA, @TempDir Path stateB, @TempDir Path stateSingle)
            throws Exception {
        Instant base = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(20));
        Map<String, List<ClassifiedMention>> perCustomer = new LinkedHashMap<>();
        List<ClassifiedMention> firstHalf = new ArrayList<>();
        List<ClassifiedMention> secondHalf = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            for (int i = 0; i < INTENT_CYCLE.length; i++) {
                ClassifiedMention m = Mentions.by("customer-" + c)
                        .tenant(TENANT)
                        .post("c" + c + "-m" + i)
                        .intent(INTENT_CYCLE[(i + c) % INTENT_CYCLE.length])
                        .kind(i == 8 && c % 3 == 0 ? MentionKind.FOLLOW : MentionKind.POST)
                        .at(base.plus(Duration.ofHours(20L * i + c)))
                        .build();
                perCustomer
                        .computeIfAbsent(m.mention().customerKey().value(), k -> new ArrayList<>())
                        .add(m);
                (i < INTENT_CYCLE.length / 2 ? firstHalf : secondHalf).add(m);
            }
        }

        int portA = freePort();
        int portB = freePort();
        ConfigurableApplicationContext a = start(kafka, portA, stateA, applicationId);
        ConfigurableApplicationContext b = start(kafka, portB, stateB, applicationId);
        try (KafkaProducer<String, ClassifiedMention> producer = producer(kafka)) {
            send(producer, firstHalf);
            // A re-delivered mention must not count twice.
            send(producer, firstHalf.subList(0, 5));
            sendPoison(kafka);

            await().atMost(Duration.ofSeconds(90))
                    .untilAsserted(() -> assertThat(mentionCounts(kafka)).hasSize(CUSTOMERS));
            awaitBothInstancesOwnPartitions(portA);
            // Every customer can be read through either instance: one of them forwards to the owner.
            // (503 while a rebalance moves a store is the documented answer; it must settle to 200.)
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (String customer : perCustomer.keySet()) {
                    assertThat(get(portA, "/v1/customers/" + customer + "/journey")
                                    .statusCode())
                            .as(customer)
                            .isEqualTo(200);
                }
            });
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode funnel =
                        JSON.readTree(get(portB, "/v1/funnel?tenant=" + TENANT).body());
                assertThat(funnel.path("customers").asLong(0)).isEqualTo(CUSTOMERS);
                assertThat(funnel.get("movement")).hasSize(30);
            });
            assertThat(get(portB, "/v1/funnel?tenant=someone-else").statusCode())
                    .isEqualTo(403);
            // The page's customer lists: merged over both instances, and only for the key's own tenant.
            // a merged answer may be 503 (Retry-After) while a peer's store still settles after the rebalance
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> advocates =
                        get(portB, "/v1/customers?tenant=" + TENANT + "&list=newest-advocates");
                assertThat(advocates.statusCode()).isEqualTo(200);
                assertThat(JSON.readTree(advocates.body()).get("customers").isArray())
                        .isTrue();
            });
            assertThat(get(portB, "/v1/customers?tenant=someone-else&list=advocates-at-risk")
                            .statusCode())
                    .isEqualTo(403);
            HttpRequest withoutKey = HttpRequest.newBuilder(
                            URI.create("http://localhost:" + portB + "/v1/funnel?tenant=" + TENANT))
                    .build();
            assertThat(http.send(withoutKey, HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .as("no API key")
                    .isEqualTo(401);
            assertThat(get(portA, "/v3/api-docs").body())
                    .contains("/v1/customers/{key}/journey", "/v1/funnel", "/v1/customers/{key}/consent");
            assertThat(deadLetters(kafka)).isNotEmpty();

            // Mid-stream: the second half trickles in over several seconds; B is stopped once the instances have
            // applied some of it, and A takes over B's partitions from the changelogs while input keeps coming.
            long firstHalfApplied = totalMentions(kafka);
            AtomicInteger sent = new AtomicInteger();
            Thread trickle = new Thread(() -> {
                for (ClassifiedMention m : secondHalf) {
                    send(producer, List.of(m));
                    sent.incrementAndGet();
                    sleep(Duration.ofMillis(40));
                }
            });
            trickle.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> totalMentions(kafka) > firstHalfApplied);
            int sentWhenStopped = sent.get();
            b.close();
            trickle.join();
            assertThat(sentWhenStopped)
                    .as("B stopped while the second half was still arriving")
                    .isBetween(1, secondHalf.size() - 1);
        } finally {
            b.close();
        }
        try {
            Map<String, CustomerJourney> folded = foldedPolicy(perCustomer);
            await().atMost(Duration.ofSeconds(90))
                    .untilAsserted(() -> assertThat(latestState(kafka)).isEqualTo(folded));

            List<ConsumerRecord<String, String>> events = events(kafka);
            List<String> ids = events.stream()
                    .map(e -> JSON.readTree(e.value()).get("eventId").asString())
                    .toList();
            assertThat(new HashSet<>(ids)).as("no event id twice").hasSameSizeAs(ids);
            assertThat(new HashSet<>(ids)).containsAll(expectedEventIds(perCustomer));

            // Every customer has one unanswered confident complaint, 20 days old: the wall-clock punctuator makes each
            // overdue once. Waiting for all of them makes the run complete before it is compared with the replay.
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(events(kafka).stream().filter(e -> JSON.readTree(e.value())
                                    .get("type")
                                    .asString()
                                    .equals("ResponseOverdue")))
                            .hasSize(CUSTOMERS));

            // Erasure on the real topics: tombstone, CustomerErased, suppression.
            String erased = perCustomer.keySet().iterator().next();
            HttpResponse<String> deleted = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + portA + "/v1/customers/" + erased))
                            .header("Authorization", "Bearer " + API_KEY)
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(deleted.statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(latestState(kafka)).doesNotContainKey(erased);
                assertThat(events(kafka)).anySatisfy(e -> {
                    assertThat(e.key()).isEqualTo(erased);
                    assertThat(JSON.readTree(e.value()).get("type").asString()).isEqualTo("CustomerErased");
                });
                assertThat(suppressions(kafka)).contains(erased);
                assertThat(get(portA, "/v1/customers/" + erased + "/journey").statusCode())
                        .isEqualTo(404);
            });
        } finally {
            a.close();
        }

        // The single-instance run: the documented replay (fresh application id, its own state and event topics)
        // over the same input, erasure command included. Its final state and event ids must be the two-instance run's.
        String single = "single-" + UUID.randomUUID().toString().substring(0, 8);
        String singleState = "journey-state." + single;
        String singleEvents = "journey-events." + single;
        createLike(kafka, Topics.MENTIONS_CLASSIFIED.name(), singleState, singleEvents);
        Map<String, CustomerJourney> twoInstances = latestState(kafka, Topics.JOURNEY_STATE.name());
        // Wall-clock outcomes depend on when a run happens (journey-service README, "Replay"): the erased customer's
        // complaint went overdue before the erasure in the first run, but the replay may apply the erasure first.
        String erased = perCustomer.keySet().iterator().next();
        Set<String> twoInstanceEventIds = eventIds(kafka, Topics.JOURNEY_EVENTS.name(), erased);
        try (ConfigurableApplicationContext alone = start(
                kafka,
                freePort(),
                stateSingle,
                "journey-it-" + single,
                "--spring.cloud.stream.bindings.advanceJourneys-out-0.destination=" + singleEvents,
                "--apath.journey.state-topic=" + singleState)) {
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                assertThat(latestState(kafka, singleState)).isEqualTo(twoInstances);
                assertThat(eventIds(kafka, singleEvents, erased)).isEqualTo(twoInstanceEventIds);
            });
        }
    }

    private static long totalMentions(KafkaEndpoint kafka) {
        return mentionCounts(kafka).values().stream().mapToLong(Long::longValue).sum();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Creates {@code topics} with the partition count of {@code model}, as the replay instructions say. */
    private static void createLike(KafkaEndpoint kafka, String model, String... topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            int partitions = admin.describeTopics(List.of(model))
                    .allTopicNames()
                    .get()
                    .get(model)
                    .partitions()
                    .size();
            admin.createTopics(Arrays.stream(topics)
                            .map(t -> new NewTopic(t, partitions, (short) 1)
                                    .configs(
                                            t.startsWith("journey-state.")
                                                    ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact")
                                                    : Map.of()))
                            .toList())
                    .all()
                    .get();
        }
    }

    /** The event ids of a topic (each at most once), without {@code erased}'s ResponseOverdue. */
    private static Set<String> eventIds(KafkaEndpoint kafka, String topic, String erased) {
        List<JsonNode> events = readAll(kafka, topic).stream()
                .map(r -> JSON.readTree(new String(r.value())))
                .toList();
        List<String> ids = events.stream().map(e -> e.get("eventId").asString()).toList();
        assertThat(new HashSet<>(ids)).as("no event id twice in " + topic).hasSameSizeAs(ids);
        Set<String> kept = new HashSet<>();
        for (JsonNode e : events) {
            boolean wallClockOfErased = e.get("type").asString().equals("ResponseOverdue")
                    && e.path("customerKey").asString().equals(erased);
            if (!wallClockOfErased) {
                kept.add(e.get("eventId").asString());
            }
        }
        return kept;
    }

    private ConfigurableApplicationContext start(
            KafkaEndpoint kafka, int port, Path stateDir, String applicationId, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.main.banner-mode=off",
                "--spring.cloud.stream.kafka.streams.binder.brokers=" + kafka.bootstrapServers(),
                "--spring.cloud.stream.kafka.streams.binder.application-id=" + applicationId,
                "--spring.cloud.stream.kafka.streams.binder.configuration.state.dir=" + stateDir,
                "--spring.cloud.stream.kafka.streams.binder.configuration.session.timeout.ms=10000",
                "--apath.journey.tenants." + TENANT + ".api-key-sha256[0]=" + ApiKeys.hash(API_KEY)));
        args.addAll(List.of(more));
        return JourneyApplication.application().run(args.toArray(String[]::new));
    }

    /** Forwarding is only exercised once partitions are spread over both instances. */
    private void awaitBothInstancesOwnPartitions(int port) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode funnel = JSON.readTree(
                    get(port, "/internal/v1/funnel-counts?tenant=" + TENANT).body());
            // A 503 problem (store rebalancing) has no "customers": path() reads it as 0 and the wait goes on.
            assertThat(funnel.path("customers").asLong(0)).isBetween(1L, CUSTOMERS - 1L);
        });
    }

    /** The policy folded over each customer's mentions in order: what the topology must have computed. */
    private static Map<String, CustomerJourney> foldedPolicy(Map<String, List<ClassifiedMention>> perCustomer) {
        JourneyPolicy policy = JourneyPolicy.withDefaults();
        Map<String, CustomerJourney> expected = new HashMap<>();
        perCustomer.forEach((customer, mentions) -> {
            JourneyState state = null;
            for (ClassifiedMention m : mentions) {
                JourneyUpdate update = policy.apply(state, m);
                state = update.changed() ? update.state() : state;
            }
            expected.put(customer, state.journey());
        });
        return expected;
    }

    private static Set<String> expectedEventIds(Map<String, List<ClassifiedMention>> perCustomer) {
        JourneyPolicy policy = JourneyPolicy.withDefaults();
        Set<String> ids = new HashSet<>();
        perCustomer.forEach((customer, mentions) -> {
            JourneyState state = null;
            for (ClassifiedMention m : mentions) {
                JourneyUpdate update = policy.apply(state, m);
                update.events().stream().map(JourneyEvent::eventId).forEach(id -> ids.add(id.value()));
                state = update.changed() ? update.state() : state;
            }
        });
        return ids;
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + API_KEY)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static KafkaProducer<String, ClassifiedMention> producer(KafkaEndpoint kafka) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(
                props, new StringSerializer(), SERDES.classifiedMention().serializer());
    }

    private static void send(KafkaProducer<String, ClassifiedMention> producer, List<ClassifiedMention> mentions) {
        for (ClassifiedMention m : mentions) {
            producer.send(new ProducerRecord<>(
                    Topics.MENTIONS_CLASSIFIED.name(), m.mention().customerKey().value(), m));
        }
        producer.flush();
    }

    private static void sendPoison(KafkaEndpoint kafka) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> raw =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(
                    Topics.MENTIONS_CLASSIFIED.name(), TENANT + ":x:poison", "{not json".getBytes()));
            raw.flush();
        }
    }

    private static Map<String, Long> mentionCounts(KafkaEndpoint kafka) {
        Map<String, Long> counts = new HashMap<>();
        latestState(kafka).forEach((k, v) -> counts.put(k, v.mentionCount()));
        return counts;
    }

    private static Map<String, CustomerJourney> latestState(KafkaEndpoint kafka) {
        return latestState(kafka, Topics.JOURNEY_STATE.name());
    }

    private static Map<String, CustomerJourney> latestState(KafkaEndpoint kafka, String topic) {
        Map<String, CustomerJourney> latest = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : readAll(kafka, topic)) {
            if (r.value() == null) {
                latest.remove(r.key());
            } else {
                latest.put(r.key(), SERDES.customerJourney().deserializer().deserialize(r.topic(), r.value()));
            }
        }
        return latest;
    }

    private static List<ConsumerRecord<String, String>> events(KafkaEndpoint kafka) {
        return readAll(kafka, Topics.JOURNEY_EVENTS.name()).stream()
                .map(r -> new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.key(), new String(r.value())))
                .toList();
    }

    private static List<String> suppressions(KafkaEndpoint kafka) {
        return readAll(kafka, Topics.SUPPRESSIONS.name()).stream()
                .filter(r -> r.value() != null)
                .map(ConsumerRecord::key)
                .toList();
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(KafkaEndpoint kafka) {
        return readAll(kafka, Topics.MENTIONS_CLASSIFIED.deadLetters().name());
    }

    /** This test's tenant's records of a topic, read_committed from the beginning to the current end. */
    private static List<ConsumerRecord<String, byte[]>> readAll(KafkaEndpoint kafka, String topic) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        TopicToEnd.read(kafka.bootstrapServers(), topic, r -> {
            if (r.key() != null && r.key().startsWith(TENANT + ":")) {
                found.add(r);
            }
        });
        return found;
    }

    private static int freePort() {
        return LoopbackPorts.free();
    }
}
