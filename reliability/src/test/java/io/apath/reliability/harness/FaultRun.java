package io.apath.reliability.harness;

import static org.awaitility.Awaitility.await;

import io.apath.reliability.check.PipelineInvariants;
import io.apath.reliability.check.PipelineInvariants.Verdict;
import io.apath.reliability.harness.Pipeline.Service;
import io.apath.reliability.load.MentionLoad;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fault experiment: a fresh pipeline in its own directory under {@code target/reliability}, two tenants with their
 * API keys, a load, the invariant check once the pipeline has caught up, and a line of measured numbers appended to
 * {@code target/reliability/results.md} (the source of RELIABILITY.md's table).
 */
public final class FaultRun implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FaultRun.class);
    public static final boolean FULL = "full".equals(System.getProperty("reliability.mode", "short"));

    private final String name;
    private final Map<String, String> apiKeys;
    private final Pipeline pipeline;
    private final long startupMillis;

    private FaultRun(String name, Map<String, String> apiKeys, Pipeline pipeline, long startupMillis) {
        this.name = name;
        this.apiKeys = apiKeys;
        this.pipeline = pipeline;
        this.startupMillis = startupMillis;
    }

    public static FaultRun start(String name) {
        Path work = Path.of(System.getProperty("reliability.work", "target/reliability"))
                .resolve(name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss")));
        Map<String, String> keys = Map.of(
                "rel-a", "rel-a-" + UUID.randomUUID(),
                "rel-b", "rel-b-" + UUID.randomUUID());
        // Only the keys' hashes are configured, as ops would put them in a Secret.
        List<String> ingestArgs = new java.util.ArrayList<>();
        List<String> journeyArgs = new java.util.ArrayList<>();
        List<String> classifierArgs = new java.util.ArrayList<>();
        keys.forEach((tenant, key) -> {
            ingestArgs.add("--ingest.tenants." + tenant + ".api-key-sha256=" + sha256(key));
            ingestArgs.add("--ingest.tenants." + tenant + ".webhook-secret=" + webhookSecret(key));
            journeyArgs.add("--apath.journey.tenants." + tenant + ".api-key-sha256=" + sha256(key));
            classifierArgs.add("--apath.classifier.tenants." + tenant + ".api-key-sha256=" + sha256(key));
        });
        long started = System.nanoTime();
        Pipeline pipeline = Pipeline.start(
                work,
                Map.of(Service.INGEST, ingestArgs, Service.CLASSIFIER, classifierArgs, Service.JOURNEY, journeyArgs));
        long startup = (System.nanoTime() - started) / 1_000_000;
        log.info("{}: pipeline up in {} ms ({})", name, startup, work);
        return new FaultRun(name, keys, pipeline, startup);
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public Map<String, String> apiKeys() {
        return apiKeys;
    }

    public long startupMillis() {
        return startupMillis;
    }

    public MentionLoad load(int customersPerTenant, int concurrency, Duration giveUpAfter) {
        return new MentionLoad(
                pipeline.url(Service.INGEST, "/v1/mentions"),
                apiKeys,
                customersPerTenant,
                name.replaceAll("[^a-z0-9]", "") + Long.toString(System.currentTimeMillis() % 100000, 36),
                concurrency,
                giveUpAfter);
    }

    /**
     * Waits until every acknowledged mention is counted (or {@code timeout} passes), then checks every invariant.
     * Returns the verdict and how long catching up took.
     */
    public Settled settle(MentionLoad load, Duration timeout) {
        load.stop();
        load.awaitSettled(Duration.ofMinutes(3));
        long started = System.nanoTime();
        AtomicReference<Verdict> last = new AtomicReference<>();
        try {
            await().atMost(timeout).pollInterval(Duration.ofSeconds(3)).until(() -> {
                Verdict v = PipelineInvariants.check(pipeline.bootstrapServers(), load.submissions());
                last.set(v);
                return v.pending() == 0;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            log.warn("{}: pipeline did not catch up within {}: {}", name, timeout, last.get());
        }
        long caughtUp = (System.nanoTime() - started) / 1_000_000;
        Verdict verdict = PipelineInvariants.check(pipeline.bootstrapServers(), load.submissions());
        log.info("{}: {} (caught up in {} ms)", name, verdict, caughtUp);
        return new Settled(verdict, caughtUp);
    }

    public record Settled(Verdict verdict, long catchUpMillis) {}

    /** Appends one line of measurements to {@code target/reliability/results.md}. */
    public void record(String fault, String measurements) {
        Path results = Path.of(System.getProperty("reliability.work", "target/reliability"), "results.md");
        String line = "| " + name + " | " + fault + " | " + measurements + " |\n";
        try {
            Files.createDirectories(results.getParent());
            Files.writeString(
                    results, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("RESULT {}", line.trim());
    }

    /** Lets the experiment's clock run: the spacing of faults in wall-clock time is what is being tested. */
    public static void hold(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
    }

    @Override
    public void close() {
        pipeline.close();
    }

    /** The tenant's webhook signing secret (derived from its key so the test can sign, the service only verify). */
    public static String webhookSecret(String apiKey) {
        return "whsec-" + sha256("webhook" + apiKey).substring(0, 32);
    }

    static String sha256(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
