package io.apath.tenantkeys;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;

/**
 * Keeps a service's {@link TenantKeys} equal to its tenants file, so that adding a tenant, revoking an API key or
 * changing a webhook secret takes effect without a restart. Kubernetes updates a mounted Secret in place (within
 * about a minute); the watcher reads the file every {@code reload-interval} and applies it when its bytes changed.
 *
 * <p>While a file is watched it is the whole set: keys configured elsewhere (an environment variable, say) are not
 * kept. A file that cannot be read or holds an invalid tenant, key hash or setting is refused whole: the keys in force stay,
 * the error is logged, {@code apath.tenants.reloads{outcome=refused}} counts it and {@code apath.tenants.reload.failing}
 * stays 1 until a good file arrives.
 */
public final class TenantsFileWatcher implements AutoCloseable {

    /** The tenants file to watch; unset or blank: keys are read once, at start-up. */
    public static final String FILE_PROPERTY = "apath.tenants.file";

    /** How often the file is read; default {@link #DEFAULT_INTERVAL}. */
    public static final String INTERVAL_PROPERTY = "apath.tenants.reload-interval";

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

    private static final Log log = LogFactory.getLog(TenantsFileWatcher.class);

    private final TenantKeys keys;
    private final Path file;
    private final TenantsSection section;
    private final Counter applied;
    private final Counter refused;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final ScheduledExecutorService schedule;
    private byte[] lastDigest;

    /**
     * Applies the file once (a file that is refused now stops the start-up) and then every {@code interval}.
     *
     * @param section where the service's tenants are in the file, e.g. {@code ingest.tenants}, and their settings
     * @param interval how often to read the file; zero: only {@link #check} reads it (tests)
     */
    public TenantsFileWatcher(
            TenantKeys keys, Path file, TenantsSection section, Duration interval, MeterRegistry registry) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.file = Objects.requireNonNull(file, "file");
        this.section = Objects.requireNonNull(section, "section");
        this.applied = reloads("applied", registry);
        this.refused = reloads("refused", registry);
        Gauge.builder("apath.tenants.reload.failing", failing, f -> f.get() ? 1 : 0)
                .description("1 while the tenants file's current content is refused and older keys stay in force")
                .register(registry);
        byte[] bytes = read();
        keys.replace(TenantsFile.read(file, section));
        lastDigest = sha256(bytes);
        log.info("watching tenants file " + file + " every " + interval + " for " + section.prefix() + ".tenants ("
                + keys.summary() + ")");
        if (interval.isZero()) {
            schedule = null;
        } else {
            schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "tenants-file-watcher");
                thread.setDaemon(true);
                return thread;
            });
            long millis = interval.toMillis();
            schedule.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    private static Counter reloads(String outcome, MeterRegistry registry) {
        return Counter.builder("apath.tenants.reloads")
                .description("Tenants file reads that changed the keys in force (applied) or were refused")
                .tag("outcome", outcome)
                .register(registry);
    }

    /**
     * The watcher the environment asks for ({@value #FILE_PROPERTY}, {@value #INTERVAL_PROPERTY}), or null when no
     * tenants file is configured.
     */
    public static TenantsFileWatcher fromEnvironment(
            TenantKeys keys, TenantsSection section, Environment environment, MeterRegistry registry) {
        String file = environment.getProperty(FILE_PROPERTY, "");
        if (file.isBlank()) {
            return null;
        }
        String configured = environment.getProperty(INTERVAL_PROPERTY, "");
        // parsed as Spring Boot binds durations ("30s", "PT30S", "30000"), whatever the environment's converters
        Duration interval = configured.isBlank() ? DEFAULT_INTERVAL : DurationStyle.detectAndParse(configured.trim());
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(INTERVAL_PROPERTY + " must be positive, was " + interval);
        }
        return new TenantsFileWatcher(keys, Path.of(file.trim()), section, interval, registry);
    }

    /** Reads the file and applies it when it changed since the last read; never throws. */
    public synchronized void check() {
        try {
            byte[] digest = sha256(read());
            if (Arrays.equals(digest, lastDigest)) {
                return;
            }
            lastDigest = digest;
            keys.replace(TenantsFile.read(file, section));
            failing.set(false);
            applied.increment();
            log.info("tenants file " + file + " changed: its keys are now in force (" + keys.summary() + ")");
        } catch (RuntimeException e) {
            failing.set(true);
            refused.increment();
            log.error("tenants file " + file + " refused, the keys read before stay in force: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }

    private byte[] read() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read tenants file " + file + ": " + e, e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
