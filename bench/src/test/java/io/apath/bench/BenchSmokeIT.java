package io.apath.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every scenario at a "smoke" size, exactly as {@code bench/run --no-build} starts it (its own JVM from the packaged
 * bench jar and its copied libraries, the services from their boot jars), so the harness cannot rot unnoticed. It
 * checks what each scenario counted, never how fast: timing belongs in BENCHMARKS.md, not in a test. Results go under
 * {@code target/smoke/}, never into {@code bench/results/} or BENCHMARKS.md.
 *
 * <p>Skip with {@code -Dapath.skipBenchSmoke=true} (the whole class takes a few minutes on two cores).
 */
class BenchSmokeIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long TIMEOUT_MINUTES = 8;

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path REPO = MODULE.getParent();
    private static final Path SMOKE = MODULE.resolve("target").resolve("smoke");

    @BeforeAll
    static void packagedHarness() {
        assumeFalse(Boolean.getBoolean("apath.skipBenchSmoke"), "apath.skipBenchSmoke=true");
        assertThat(MODULE.resolve("target/bench-0.1.0-SNAPSHOT.jar"))
                .as("failsafe runs after package")
                .exists();
    }

    @Test
    void baselineRunsKafkasOwnTools() throws Exception {
        JsonNode result = run("baseline", "--records=2000", "--e2e-records=50");

        assertThat(result.at("/raw/recordSize").asInt()).isPositive();
        assertThat(result.at("/raw/producer/records").asInt()).isEqualTo(2000);
        assertThat(result.at("/raw/consumer/records").asInt()).isEqualTo(2000);
        assertThat(result.at("/raw/endToEnd/records").asInt()).isEqualTo(50);
    }

    @Test
    void pipelineThroughputDeliversEveryAcceptedMention() throws Exception {
        JsonNode result = run(
                "pipeline-throughput",
                "--mentions=300",
                "--warmup=50",
                "--customers=100",
                "--raw-records=2000",
                "--e2e-records=50");

        assertThat(result.at("/raw/producer/records").asInt()).isEqualTo(2000);
        assertThat(result.at("/pipeline/sent").asInt()).isEqualTo(300);
        assertThat(result.at("/pipeline/accepted").asInt()).isEqualTo(300);
        assertThat(result.at("/pipeline/completed").asBoolean()).isTrue();
    }

    @Test
    void pipelineLatencyMatchesAcceptedMentionsToJourneyState() throws Exception {
        JsonNode result = run(
                "pipeline-latency",
                "--rates=50",
                "--duration=3",
                "--warmup=1",
                "--customers=1000",
                "--e2e-records=50",
                "--drain-seconds=60",
                "--prewarm=3",
                "--prewarm-rate=50");

        JsonNode step = result.at("/steps/0");
        assertThat(step.at("/rate").asInt()).isEqualTo(50);
        assertThat(step.at("/refused").asInt()).isZero();
        assertThat(step.at("/drained").asBoolean()).isTrue();
        assertThat(step.at("/measuredAccepted").asInt()).isPositive();
        assertThat(step.at("/endToEnd/count").asInt() + step.at("/unsettled").asInt())
                .as("every accepted mention is either matched to a journey update or counted as no visible update")
                .isEqualTo(step.at("/measuredAccepted").asInt());
    }

    @Test
    void scalingStartsSeveralInstancesOfClassifierAndJourney() throws Exception {
        JsonNode result = run(
                "scaling", "--instances=2", "--mentions=200", "--warmup=20", "--customers=100", "--raw-records=2000");

        JsonNode point = result.at("/points/0");
        assertThat(point.at("/instances").asInt()).isEqualTo(2);
        assertThat(point.at("/result/accepted").asInt()).isEqualTo(200);
        assertThat(point.at("/result/completed").asBoolean()).isTrue();
    }

    @Test
    void stageStateLoadsAndRestoresEveryCustomer() throws Exception {
        JsonNode result = run("stage-state", "--customers=2000");

        assertThat(result.at("/customersWritten").asInt()).isEqualTo(2000);
        assertThat(result.at("/customersInJourneyState").asInt()).isEqualTo(2000);
        assertThat(result.at("/restoredStateDirBytes").asLong()).isPositive();
        assertThat(result.at("/memoryLoaded/rssMiB").asDouble()).isPositive();
    }

    @Test
    void dlqReplayWritesEveryDeadLetterBack() throws Exception {
        JsonNode result = run("dlq-replay", "--records=2000");

        assertThat(result.at("/records").asInt()).isEqualTo(2000);
        assertThat(result.at("/replayedRecordsOnSource").asLong()).isEqualTo(2000);
        // a line per dead letter (the scenario passes --show all), the error classes, the summary
        assertThat(result.at("/reportLines").asLong()).isEqualTo(2002);
        assertThat(result.at("/recordsPerSecond").asDouble()).isPositive();
    }

    @Test
    void classifierThroughputTakesTheWholeBacklog() throws Exception {
        JsonNode result = run("classifier-throughput", "--mentions=2000", "--customers=500");

        assertThat(result.at("/mentions").asInt()).isEqualTo(2000);
        assertThat(result.at("/backlogAtReady").asLong()).isBetween(1L, 2000L);
        assertThat(result.at("/mentionsPerSecond").asDouble()).isPositive();
    }

    @Test
    void classifierPredictionScoresEveryBenchmark() throws Exception {
        JsonNode result =
                run("classifier-prediction", "--forks=1", "--warmup-iterations=1", "--iterations=1", "--seconds=1");

        assertThat(result.at("/texts").asInt()).isPositive();
        assertThat(result.at("/scores").size()).isEqualTo(3);
        for (JsonNode score : result.at("/scores")) {
            assertThat(score.at("/score").asDouble())
                    .as(score.at("/benchmark").asString())
                    .isPositive();
        }
    }

    @Test
    void journeyWorkReplaysTheBacklog() throws Exception {
        JsonNode result =
                run("journey-work", "--mentions=3000", "--customers=500", "--warmup-iterations=1", "--iterations=2");

        assertThat(result.at("/mentions").asString()).isEqualTo("3000");
        assertThat(result.at("/scores/0/benchmark").asString()).isEqualTo("replayBacklog");
        assertThat(result.at("/scores/0/unit").asString()).isEqualTo("s/op");
        assertThat(result.at("/mentionsPerSecond").asDouble()).isPositive();
    }

    @Test
    void journeyThroughputTakesTheWholeBacklog() throws Exception {
        JsonNode result = run("journey-throughput", "--mentions=2000", "--customers=500");

        assertThat(result.at("/mentions").asInt()).isEqualTo(2000);
        assertThat(result.at("/backlogAtReady").asLong()).isBetween(1L, 2000L);
        assertThat(result.at("/mentionsPerSecond").asDouble()).isPositive();
    }

    @Test
    void journeyLatencyMatchesSentMentionsToJourneyState() throws Exception {
        JsonNode result =
                run("journey-latency", "--rates=50", "--duration=3", "--warmup=1", "--customers=1000", "--prewarm=0");

        JsonNode step = result.at("/steps/0");
        assertThat(step.at("/rate").asInt()).isEqualTo(50);
        assertThat(step.at("/latency/count").asInt())
                .as("mentions matched to a visible journey update")
                .isPositive();
    }

    @Test
    void ingestThroughputAcknowledgesEveryMention() throws Exception {
        JsonNode result =
                run("ingest-throughput", "--duration=3", "--warmup=1", "--customers=1000", "--raw-records=2000");

        assertThat(result.at("/raw/producer/records").asInt()).isEqualTo(2000);
        assertThat(result.at("/closed/acknowledged").asLong()).isPositive();
        assertThat(result.at("/closed/refused").asLong()).isZero();
        assertThat(result.at("/closed/failedRequests").asLong()).isZero();
        assertThat(result.at("/open/acknowledged").asLong()).isPositive();
        assertThat(result.at("/open/refused").asLong()).isZero();
        assertThat(result.at("/open/failedRequests").asLong()).isZero();
        assertThat(result.at("/open/latency/count").asLong())
                .as("every answered request has a latency")
                .isEqualTo(result.at("/open/answeredRequests").asLong());
    }

    /** Runs one scenario as bench/run does and returns the {@code result} object of the JSON it wrote. */
    private static JsonNode run(String scenario, String... options) throws IOException, InterruptedException {
        Path results = SMOKE.resolve("results").resolve(scenario);
        Path work = SMOKE.resolve("work").resolve(scenario);
        deleteRecursively(results);
        deleteRecursively(work);
        Files.createDirectories(results);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-cp",
                MODULE.resolve("target/bench-0.1.0-SNAPSHOT.jar") + File.pathSeparator + MODULE.resolve("target/lib")
                        + File.separator + "*",
                Bench.class.getName(),
                scenario));
        command.addAll(List.of(options));
        command.addAll(List.of(
                "--repo=" + REPO, "--no-append", "--results-dir=" + results, "--work-dir=" + work, "--seed=11"));
        // A smoke run checks that a scenario works, not how fast: without C2 the service JVMs start in far less CPU,
        // and on two cores start-up of five or six JVMs at once is most of a smoke run.
        command.add("--service-jvm-opt=-XX:TieredStopAtLevel=1");
        Path log = SMOKE.resolve(scenario + ".log");
        Process bench = new ProcessBuilder(command)
                .directory(REPO.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            boolean finished = bench.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            assertThat(finished)
                    .as("%s finished within %d min (log: %s)%n%s", scenario, TIMEOUT_MINUTES, log, diagnosis(log))
                    .isTrue();
            assertThat(bench.exitValue())
                    .as("%s exit code (log: %s)%n%s", scenario, log, diagnosis(log))
                    .isZero();
        } finally {
            // SIGTERM, so the bench's shutdown hook stops the broker and service JVMs it started
            bench.destroy();
            bench.waitFor(30, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.list(results)) {
            Path json = files.filter(f -> f.getFileName().toString().endsWith("-" + scenario + ".json"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + scenario + " result in " + results));
            JsonNode written = JSON.readTree(json.toFile());
            assertThat(written.at("/scenario").asString()).isEqualTo(scenario);
            // A passed scenario's work directory goes at once (the bench itself deletes its ~400 MB of boot-jar
            // copies when a run ends; this takes the broker's data and state too): ten scenarios' directories once
            // held ~4 GB, more than a CI machine may have free. Its log and result stay under target/smoke; a failed
            // scenario keeps its directory for diagnosis.
            deleteRecursively(work);
            return written.at("/result");
        }
    }

    /**
     * What a CI report needs when a scenario fails, since the log file stays on the CI machine: the end of the
     * scenario's log and the free disk space where it writes.
     */
    private static String diagnosis(Path log) {
        String tail;
        try {
            List<String> lines = Files.readAllLines(log);
            tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            tail = "(log unreadable: " + e + ")";
        }
        long freeMiB = SMOKE.toFile().getUsableSpace() / (1024 * 1024);
        return "free disk under " + SMOKE + ": " + freeMiB + " MiB; last lines of the log:\n" + tail;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
