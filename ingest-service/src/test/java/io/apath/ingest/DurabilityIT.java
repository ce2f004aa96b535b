package io.apath.ingest;

import static io.apath.ingest.Mentions.json;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apath.localkafka.InProcessKafkaBroker;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A broker of its own that the test stops and restarts: 503 (never a hang, never a false 202) while it is gone,
 * readiness DOWN and back, no record lost or doubled, and an idempotency window that survives an ingest restart and
 * is shared by replicas.
 */
class DurabilityIT {

    private static final String TENANT = Mentions.tenant("durable");
    private static final String KEY = "key-" + TENANT;

    @TempDir
    Path kafkaDir;

    private InProcessKafkaBroker broker;
    private RunningIngest first;
    private RunningIngest second;

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {second, first, broker}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // already stopped by the test
            }
        }
    }

    private static HttpResponse<String> post(RunningIngest ingest, String body) {
        return ingest.post("/v1/mentions", "application/json", KEY, body.getBytes(UTF_8));
    }

    private static String status(HttpResponse<String> response) {
        JsonNode body = Mentions.JSON.readTree(response.body());
        return body.get("items").get(0).get("status").asString();
    }

    private static double windowSize(RunningIngest ingest) {
        return ingest.get("/actuator/prometheus")
                .body()
                .lines()
                .filter(l -> l.startsWith("ingest_idempotency_window_size"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(-1);
    }

    @Test
    void brokerOutageGives503ThenRecoversWithoutLosingOrDoublingAnything() {
        broker = InProcessKafkaBroker.start(kafkaDir, 0);
        int port = Integer.parseInt(
                broker.bootstrapServers().substring(broker.bootstrapServers().lastIndexOf(':') + 1));
        first = RunningIngest.start(broker.bootstrapServers(), Map.of(TENANT, KEY));
        assertThat(post(first, json("before", "ann", "before the outage")).statusCode())
                .isEqualTo(202);

        broker.close();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> first.get("/actuator/health/readiness").statusCode() == 503);
        long started = System.nanoTime();
        HttpResponse<String> during = post(first, json("during", "ann", "while the broker is away"));
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - started);

        assertThat(during.statusCode()).isEqualTo(503);
        assertThat(during.headers().firstValue("Retry-After")).hasValue("5");
        // The default ack timeout is 5 s: the answer comes within it plus request overhead (generous, for a loaded CI
        // machine), never after the producer's 30 s delivery timeout or not at all.
        assertThat(answeredIn).isLessThan(Duration.ofSeconds(12));

        broker = InProcessKafkaBroker.start(kafkaDir, port);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> first.get("/actuator/health/readiness").statusCode() == 200);
        HttpResponse<String> retried = post(first, json("during", "ann", "while the broker is away"));
        assertThat(retried.statusCode()).isEqualTo(202);
        // The first attempt may still have reached the broker after its 503: then the retry is a duplicate.
        assertThat(status(retried)).isIn("accepted", "duplicate");
        assertThat(Mentions.published(broker.bootstrapServers(), TENANT))
                .extracting(m -> m.nativeId())
                .containsExactlyInAnyOrder("before", "during");
    }

    @Test
    void theIdempotencyWindowSurvivesARestartAndIsSharedByReplicas() {
        broker = InProcessKafkaBroker.start(kafkaDir, 0);
        String bootstrap = broker.bootstrapServers();
        first = RunningIngest.start(bootstrap, Map.of(TENANT, KEY));
        String mention = json("restart-1", "bea", "said once");
        assertThat(status(post(first, mention))).isEqualTo("accepted");

        first.close();
        first = RunningIngest.start(bootstrap, Map.of(TENANT, KEY));
        assertThat(status(post(first, mention))).isEqualTo("duplicate");

        second = RunningIngest.start(bootstrap, Map.of(TENANT, KEY));
        double before = windowSize(second);
        String other = json("replica-1", "bea", "said to one replica");
        assertThat(status(post(first, other))).isEqualTo("accepted");
        await().atMost(Duration.ofSeconds(30)).until(() -> windowSize(second) > before);
        assertThat(status(post(second, other))).isEqualTo("duplicate");

        assertThat(Mentions.published(bootstrap, TENANT))
                .extracting(m -> m.nativeId())
                .containsExactlyInAnyOrder("restart-1", "replica-1");
    }
}
