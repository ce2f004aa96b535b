package io.apath.tenantkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class TenantsFileWatcherTest {

    @TempDir
    Path dir;

    private final MeterRegistry registry = new SimpleMeterRegistry();

    /** As ingest's tenants: API key hashes and a webhook secret. */
    private record IngestTenant(List<String> apiKeySha256, String webhookSecret) {}

    /** As journey's tenants: API key hashes, brand handles and more. */
    private record JourneyTenant(List<String> apiKeySha256, List<String> brandHandles, Map<String, String> rules) {}

    private static final TenantsSection INGEST = TenantsSection.of("ingest", IngestTenant.class);
    private static final TenantsSection JOURNEY = TenantsSection.of("apath.journey", JourneyTenant.class);

    /** Built from start-up configuration that still has the old key and a tenant the file no longer names. */
    private final TenantKeys keys = new TenantKeys(
            Map.of(
                    "acme", new TenantKeys.Secrets(List.of(ApiKeys.hash("old-key")), "old-secret"),
                    "gone", new TenantKeys.Secrets(List.of(ApiKeys.hash("gone-key")), null)),
            tenant -> tenant.matches("[a-z0-9-]+"));

    @Test
    void theFileIsTheWholeSetFromTheStartAndAChangedFileIsAppliedWithoutARestart() throws IOException {
        Path file = write(tenants("key-1", "secret-1"));
        try (TenantsFileWatcher watcher = new TenantsFileWatcher(keys, file, INGEST, Duration.ZERO, registry)) {
            assertThat(keys.tenantOf("key-1")).hasValue("acme");
            assertThat(keys.tenantOf("old-key")).isEmpty();
            assertThat(keys.tenantOf("gone-key")).isEmpty();
            assertThat(keys.webhookSecret("acme")).hasValue("secret-1");
            assertThat(keys.summary()).isEqualTo("1 tenants, 1 API key hashes, 1 webhook secrets");

            write(tenants("key-2", "secret-2"));
            watcher.check();

            assertThat(keys.tenantOf("key-1")).as("revoked").isEmpty();
            assertThat(keys.tenantOf("key-2")).hasValue("acme");
            assertThat(keys.webhookSecret("acme")).hasValue("secret-2");
            assertThat(reloads("applied")).isEqualTo(1);
        }
    }

    @Test
    void anUnchangedFileIsNotReadAgain() throws IOException {
        Path file = write(tenants("key-1", "secret-1"));
        try (TenantsFileWatcher watcher = new TenantsFileWatcher(keys, file, INGEST, Duration.ZERO, registry)) {
            watcher.check();
            watcher.check();
            assertThat(reloads("applied")).isZero();
            assertThat(reloads("refused")).isZero();
        }
    }

    @Test
    void aBadFileIsRefusedWholeAndTheKeysInForceStayUntilAGoodOneArrives() throws IOException {
        Path file = write(tenants("key-1", "secret-1"));
        try (TenantsFileWatcher watcher = new TenantsFileWatcher(keys, file, INGEST, Duration.ZERO, registry)) {
            for (String bad : List.of(
                    "ingest:\n  tenants:\n    acme:\n      api-key-sha256: [not-a-hash]\n",
                    "ingest: [unclosed\n",
                    "ingest:\n  tenants:\n    acme:\n      api-key-sha256: [" + ApiKeys.hash("key-9") + "]\n"
                            + "    \"Bad Name\":\n      api-key-sha256: []\n",
                    // misspelt: Spring would ignore it, and acme would be left without keys
                    "ingest:\n  tenants:\n    acme:\n      api-key-sha265: [" + ApiKeys.hash("key-9") + "]\n")) {
                write(bad);
                watcher.check();
                assertThat(keys.tenantOf("key-1")).as(bad).hasValue("acme");
                assertThat(keys.tenantOf("key-9")).as(bad).isEmpty();
                assertThat(gauge()).isEqualTo(1.0);
            }
            assertThat(reloads("refused")).isEqualTo(4);

            write(tenants("key-3", null));
            watcher.check();
            assertThat(keys.tenantOf("key-3")).hasValue("acme");
            assertThat(keys.webhookSecret("acme")).isEmpty();
            assertThat(gauge()).isZero();
        }
    }

    @Test
    void aFileThatIsMissingAtStartUpStopsTheStartUpWithItsPath() {
        Path missing = dir.resolve("absent.yml");
        assertThatThrownBy(() -> new TenantsFileWatcher(keys, missing, INGEST, Duration.ZERO, registry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void theEnvironmentNamesTheFileAndTheInterval() throws IOException {
        Path file = write(tenants("key-1", null));
        assertThat(TenantsFileWatcher.fromEnvironment(keys, INGEST, new MockEnvironment(), registry))
                .as("no file: keys are read at start-up only")
                .isNull();
        MockEnvironment environment = new MockEnvironment()
                .withProperty(TenantsFileWatcher.FILE_PROPERTY, file.toString())
                .withProperty(TenantsFileWatcher.INTERVAL_PROPERTY, "0s");
        assertThatThrownBy(() -> TenantsFileWatcher.fromEnvironment(keys, INGEST, environment, registry))
                .hasMessage("apath.tenants.reload-interval must be positive, was PT0S");

        environment.setProperty(TenantsFileWatcher.INTERVAL_PROPERTY, "50ms");
        try (TenantsFileWatcher watcher = TenantsFileWatcher.fromEnvironment(keys, INGEST, environment, registry)) {
            write(tenants("key-2", null));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (keys.tenantOf("key-2").isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(keys.tenantOf("key-2")).as("read again on its own").hasValue("acme");
        }
    }

    @Test
    void onlyTheServicesOwnPrefixIsRead() throws IOException {
        Path file = write("apath:\n  journey:\n    tenants:\n      acme:\n        api-key-sha256: ["
                + ApiKeys.hash("journey-key") + "]\n        brand-handles: [\"@acme\"]\n");
        try (TenantsFileWatcher ignored = new TenantsFileWatcher(keys, file, JOURNEY, Duration.ZERO, registry)) {
            assertThat(keys.tenantOf("journey-key")).hasValue("acme");
        }
        assertThat(TenantsFile.read(file, INGEST)).isEmpty();
    }

    @Test
    void aSettingTheServiceDoesNotKnowIsNamedWithTheOnesItDoes() throws IOException {
        Path file = write("ingest:\n  tenants:\n    acme:\n      apiKeySha256: [" + ApiKeys.hash("key-1") + "]\n"
                + "      webhook-secrets: s\n");
        assertThatThrownBy(() -> TenantsFile.read(file, INGEST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tenants file " + file + ": ingest.tenants.acme.webhook-secrets is not a tenant setting "
                        + "(misspelt?); a tenant under ingest.tenants takes api-key-sha256, webhook-secret");

        write("ingest:\n  tenants:\n    acme: key-1\n");
        assertThatThrownBy(() -> TenantsFile.read(file, INGEST))
                .hasMessageContaining("ingest.tenants.acme is not a tenant with settings");

        // relaxed names bind as at start-up; another service's settings and sections are not this one's business
        write("ingest:\n  tenants:\n    acme:\n      apiKeySha256: [" + ApiKeys.hash("key-1") + "]\n"
                + "      WEBHOOK_SECRET: s\n"
                + "apath:\n  journey:\n    tenants:\n      acme:\n        brand-handles: [\"@acme\"]\n");
        assertThat(TenantsFile.read(file, INGEST))
                .containsEntry("acme", new TenantKeys.Secrets(List.of(ApiKeys.hash("key-1")), "s"));
    }

    private static String tenants(String key, String webhookSecret) {
        return "ingest:\n  tenants:\n    acme:\n      api-key-sha256: [" + ApiKeys.hash(key) + "]\n"
                + (webhookSecret == null ? "" : "      webhook-secret: " + webhookSecret + "\n");
    }

    /** As Kubernetes updates a mounted Secret: the new content appears at once, never half-written. */
    private Path write(String content) throws IOException {
        Path file = dir.resolve("tenants.yml");
        Path next = Files.writeString(dir.resolve("tenants.yml.next"), content);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private double reloads(String outcome) {
        return registry.get("apath.tenants.reloads")
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    private double gauge() {
        return registry.get("apath.tenants.reload.failing").gauge().value();
    }
}
