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

    /** Built from start-up configuration that still has the old key and a tenant the file no longer names. */
    private final TenantKeys keys = new TenantKeys(
            Map.of(
                    "acme", new TenantKeys.Secrets(List.of(ApiKeys.hash("old-key")), "old-secret"),
                    "gone", new TenantKeys.Secrets(List.of(ApiKeys.hash("gone-key")), null)),
            tenant -> tenant.matches("[a-z0-9-]+"));

    @Test
    void theFileIsTheWholeSetFromTheStartAndAChangedFileIsAppliedWithoutARestart() throws IOException {
        Path file = write(tenants("key-1", "secret-1"));
        try (TenantsFileWatcher watcher = new TenantsFileWatcher(keys, file, "ingest", Duration.ZERO, registry)) {
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
        try (TenantsFileWatcher watcher = new TenantsFileWatcher(keys, file, "ingest", Duration.ZERO, registry)) {
            watcher.check();
            watcher.check();
            assertThat(reloads("applied")).isZero();
            assertThat(reloads("refused")).isZero();
        }
    }

    @Test
    void aBadFileIsRefusedWholeAndTheKeysInForceStayUntilAGoodOneArrives() throws IOException {
        Path file = write(tenants("key-1", "secret-1"));
        try (TenantsFileWatcher watcher = new TenantsFileWatcher(keys, file, "ingest", Duration.ZERO, registry)) {
            for (String bad : List.of(
                    "ingest:\n  tenants:\n    acme:\n      api-key-sha256: [not-a-hash]\n",
                    "ingest: [unclosed\n",
                    "ingest:\n  tenants:\n    acme:\n      api-key-sha256: [" + ApiKeys.hash("key-9") + "]\n"
                            + "    \"Bad Name\":\n      api-key-sha256: []\n")) {
                write(bad);
                watcher.check();
                assertThat(keys.tenantOf("key-1")).as(bad).hasValue("acme");
                assertThat(keys.tenantOf("key-9")).as(bad).isEmpty();
                assertThat(gauge()).isEqualTo(1.0);
            }
            assertThat(reloads("refused")).isEqualTo(3);

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
        assertThatThrownBy(() -> new TenantsFileWatcher(keys, missing, "ingest", Duration.ZERO, registry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void theEnvironmentNamesTheFileAndTheInterval() throws IOException {
        Path file = write(tenants("key-1", null));
        assertThat(TenantsFileWatcher.fromEnvironment(keys, "ingest", new MockEnvironment(), registry))
                .as("no file: keys are read at start-up only")
                .isNull();
        MockEnvironment environment = new MockEnvironment()
                .withProperty(TenantsFileWatcher.FILE_PROPERTY, file.toString())
                .withProperty(TenantsFileWatcher.INTERVAL_PROPERTY, "0s");
        assertThatThrownBy(() -> TenantsFileWatcher.fromEnvironment(keys, "ingest", environment, registry))
                .hasMessage("apath.tenants.reload-interval must be positive, was PT0S");

        environment.setProperty(TenantsFileWatcher.INTERVAL_PROPERTY, "50ms");
        try (TenantsFileWatcher watcher = TenantsFileWatcher.fromEnvironment(keys, "ingest", environment, registry)) {
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
        try (TenantsFileWatcher ignored =
                new TenantsFileWatcher(keys, file, "apath.journey", Duration.ZERO, registry)) {
            assertThat(keys.tenantOf("journey-key")).hasValue("acme");
        }
        assertThat(TenantsFile.read(file, "ingest")).isEmpty();
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
