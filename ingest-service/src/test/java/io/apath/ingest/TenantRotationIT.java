package io.apath.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apath.contracts.Mention;
import io.apath.ingest.domain.WebhookSignature;
import io.apath.localkafka.KafkaBrokerExtension;
import io.apath.localkafka.KafkaEndpoint;
import io.apath.tenantkeys.ApiKeys;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rotated tenants file takes effect in a running ingest, as the chart mounts it: loaded as configuration at
 * start-up and watched ({@code apath.tenants.file}). A revoked API key or webhook secret is refused without a
 * restart; a broken file (here: a misspelt setting) changes nothing and says so in a metric.
 */
@ExtendWith(KafkaBrokerExtension.class)
class TenantRotationIT {

    private static final String TENANT = Mentions.tenant("rotate");

    @TempDir
    Path dir;

    @Test
    void aRevokedKeyOrSecretIsRefusedAndItsReplacementAcceptedWithoutARestart(KafkaEndpoint kafka) throws IOException {
        Path file = dir.resolve("tenants.yml");
        write(file, tenants("key-1", "secret-1"));
        try (RunningIngest ingest = RunningIngest.start(
                kafka.bootstrapServers(),
                Map.of(),
                "--spring.config.additional-location=optional:file:" + file,
                "--apath.tenants.file=" + file,
                "--apath.tenants.reload-interval=200ms")) {
            assertThat(post(ingest, "key-1", "r-1")).isEqualTo(202);
            assertThat(webhook(ingest, "secret-1", "r-2")).isEqualTo(202);

            write(file, tenants("key-2", "secret-2"));

            // probed with a body that is refused after the key is checked (400), so the wait publishes nothing
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> probe(ingest, "key-1") == 401 && probe(ingest, "key-2") == 400);
            assertThat(post(ingest, "key-1", "r-3")).isEqualTo(401);
            assertThat(post(ingest, "key-2", "r-4")).isEqualTo(202);
            assertThat(webhook(ingest, "secret-1", "r-5")).isEqualTo(401);
            assertThat(webhook(ingest, "secret-2", "r-6")).isEqualTo(202);
            assertThat(Mentions.published(kafka.bootstrapServers(), TENANT))
                    .extracting(Mention::nativeId)
                    .containsExactlyInAnyOrder("r-1", "r-2", "r-4", "r-6");

            // a misspelt setting would otherwise leave the tenant without keys
            write(
                    file,
                    "ingest:\n  tenants:\n    " + TENANT + ":\n      api-key-sha265: [" + ApiKeys.hash("key-3")
                            + "]\n");

            await().atMost(Duration.ofSeconds(20))
                    .until(() ->
                            ingest.get("/actuator/prometheus").body().contains("apath_tenants_reload_failing 1.0"));
            assertThat(post(ingest, "key-2", "r-7"))
                    .as("the keys in force stay")
                    .isEqualTo(202);
        }
    }

    private static int post(RunningIngest ingest, String key, String nativeId) {
        return ingest.post(
                        "/v1/mentions",
                        "application/json",
                        key,
                        Mentions.json(nativeId, "kim", "rotated").getBytes(UTF_8))
                .statusCode();
    }

    private static int probe(RunningIngest ingest, String key) {
        return ingest.post("/v1/mentions", "application/json", key, "{".getBytes(UTF_8))
                .statusCode();
    }

    private static int webhook(RunningIngest ingest, String secret, String nativeId) {
        byte[] body = Mentions.json(nativeId, "kim", "via webhook").getBytes(UTF_8);
        long now = Instant.now().getEpochSecond();
        return ingest.send(HttpRequest.newBuilder(ingest.url.resolve("/v1/webhooks/generic"))
                        .header("Content-Type", "application/json")
                        .header("X-Apath-Tenant", TENANT)
                        .header("X-Apath-Timestamp", Long.toString(now))
                        .header("X-Hub-Signature-256", WebhookSignature.sign(secret, now, body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build())
                .statusCode();
    }

    private static String tenants(String key, String webhookSecret) {
        return "ingest:\n  tenants:\n    " + TENANT + ":\n      api-key-sha256: [" + ApiKeys.hash(key) + "]\n"
                + "      webhook-secret: " + webhookSecret + "\n";
    }

    /** As Kubernetes swaps a mounted Secret's content: all at once. */
    private static void write(Path file, String content) throws IOException {
        Path next = Files.writeString(file.resolveSibling("tenants.yml.next"), content);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
