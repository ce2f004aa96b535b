package io.apath.classifier.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apath.classifier.ClassifierApplication;
import io.apath.tenantkeys.ApiKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binder.test.EnableTestBinder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The classifier watches the tenants file under its own prefix: a revoked reviewer key is refused without a restart. */
@SpringBootTest(
        classes = ClassifierApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=classifier-service",
            "spring.cloud.stream.default-binder=integration",
            "spring.main.banner-mode=off",
            "apath.tenants.reload-interval=100ms"
        })
@EnableTestBinder
class TenantsFileRotationTest {

    private static final Path FILE;

    static {
        try {
            FILE = Files.createTempDirectory("tenants").resolve("tenants.yml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(tenants("key-1"));
    }

    @DynamicPropertySource
    static void tenantsFile(DynamicPropertyRegistry registry) {
        registry.add("spring.config.additional-location", () -> "optional:file:" + FILE);
        registry.add("apath.tenants.file", FILE::toString);
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void aRevokedKeyIsRefusedAndItsReplacementAccepted() {
        // "{}" is refused after the key is checked (400), so nothing is written while keys are probed
        assertThat(probe("key-1")).isEqualTo(400);
        assertThat(probe("key-2")).isEqualTo(401);

        write(tenants("key-2"));

        await().atMost(Duration.ofSeconds(20)).until(() -> probe("key-1") == 401);
        assertThat(probe("key-2")).isEqualTo(400);
    }

    private int probe(String key) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/corrections"))
                                    .header("Content-Type", "application/json")
                                    .header("Authorization", "Bearer " + key)
                                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tenants(String key) {
        return "apath:\n  classifier:\n    tenants:\n      acme:\n        api-key-sha256: [" + ApiKeys.hash(key)
                + "]\n        brand-handles: [\"@acme\"]\n";
    }

    private static void write(String content) {
        try {
            Path next = Files.writeString(FILE.resolveSibling("tenants.yml.next"), content);
            Files.move(next, FILE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
