package io.apath.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apath.deadletters.ReplayCommand;
import io.apath.reliability.check.Poison;
import io.apath.reliability.check.Poison.DeadLetterVerdict;
import io.apath.reliability.check.Poison.Pill;
import io.apath.reliability.check.SecurityProbe;
import io.apath.reliability.check.SecurityProbe.Check;
import io.apath.reliability.check.TopicSnapshot;
import io.apath.reliability.harness.FaultRun;
import io.apath.reliability.harness.FaultRun.Settled;
import io.apath.reliability.harness.Faults;
import io.apath.reliability.harness.Faults.Outage;
import io.apath.reliability.harness.Pipeline.Service;
import io.apath.reliability.load.HostileInput;
import io.apath.reliability.load.MentionLoad;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The short fault suite, part of every {@code ./mvnw -B verify}: one pipeline of separate JVMs, one load through a
 * {@code kill -9} of journey, a {@code kill -9} of the broker and a network cut of ingest; then hostile input, the
 * security probe and poison. The full suite ({@code -Preliability-full}) does each fault longer, more often, on its own
 * pipeline (the {@code *FullIT} classes).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {

    /** Every topic a service consumes, each with its own dead-letter topic (DESIGN §2). */
    private static final List<String> INPUT_TOPICS =
            List.of("mentions.v1", "mentions-classified.v1", "journey-commands.v1", "suppressions.v1");
    /**
     * What a request could make the services write: ingest's outputs, journey's privacy commands and the classifier's
     * label corrections.
     */
    private static final List<String> REQUEST_OUTPUTS =
            List.of("mentions.v1", "suppressions.v1", "journey-commands.v1", "label-corrections.v1");

    private FaultRun run;
    private String runId;
    /** The poison fed in {@link #poisonOnEveryInputTopicEndsInItsDeadLetterTopicAndStallsNothing}. */
    private final List<Pill> poison = new ArrayList<>();

    @BeforeAll
    void startPipeline() {
        run = FaultRun.start("short-suite");
    }

    @AfterAll
    void stopPipeline() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    @Order(1)
    void crashesBrokerDeathAndAPartitionLoseAndDoubleCountNothing() {
        try (MentionLoad load = run.load(10, 16, Duration.ofMinutes(2))) {
            runId = load.runId();
            load.start(15);
            FaultRun.hold(Duration.ofSeconds(4));
            long journeyRestart = Faults.killed(run, Service.JOURNEY);
            FaultRun.hold(Duration.ofSeconds(3));
            Outage broker = Faults.brokerKilled(run, load, Duration.ofSeconds(10));
            FaultRun.hold(Duration.ofSeconds(5));
            Outage cut = Faults.linkCut(run, load, Service.INGEST, Duration.ofSeconds(10));
            FaultRun.hold(Duration.ofSeconds(3));
            Settled settled = run.settle(load, Duration.ofMinutes(2));
            run.record(
                    "journey kill -9, broker kill -9 (10 s), ingest cut (10 s)",
                    settled.verdict() + "; journey restart→ready " + journeyRestart + " ms; " + broker + "; " + cut
                            + "; caught up in " + settled.catchUpMillis() + " ms");

            assertThat(settled.verdict().violations()).isEmpty();
            assertThat(settled.verdict().acked()).isPositive();
            for (Outage outage : List.of(broker, cut)) {
                assertThat(outage.acceptedDuring()).as("202 during " + outage).isZero();
                assertThat(outage.uncleanDuring())
                        .as("answers other than 503 during " + outage)
                        .isZero();
                assertThat(outage.recoveryMillis()).as("recovered: " + outage).isNotNegative();
            }
        }
    }

    @Test
    @Order(2)
    void malformedRequestsAreRefusedWith4xxAndPublishNothing() {
        Map<String, Long> before = written(REQUEST_OUTPUTS);
        HostileInput hostile = new HostileInput(
                new HostileInput.Targets(
                        run.pipeline().url(Service.INGEST, "/"),
                        run.pipeline().url(Service.JOURNEY, "/"),
                        run.pipeline().url(Service.CLASSIFIER, "/"),
                        run.apiKeys().get("rel-a"),
                        "rel-b"),
                20261122L);
        long started = System.nanoTime();
        HostileInput.Outcome outcome = hostile.fire(FaultRun.FULL ? 20_000 : 10_000, 8);
        long took = (System.nanoTime() - started) / 1_000_000;
        Map<String, Long> after = written(REQUEST_OUTPUTS);
        boolean healthy = Stream.of(Service.values()).allMatch(run.pipeline()::isReady);
        run.record(
                "hostile input",
                outcome.sent() + " malformed requests in " + took + " ms: " + Faults.describe(outcome.statuses())
                        + "; outside 4xx " + outcome.outside4xx() + " " + outcome.examples() + "; healthy after: "
                        + healthy + "; records written before/after " + before + " / " + after);

        assertThat(outcome.sent()).isGreaterThanOrEqualTo(10_000);
        assertThat(outcome.examples()).as("requests answered outside 4xx").isEmpty();
        assertThat(healthy).as("every service ready after the flood").isTrue();
        assertThat(after).as("nothing published").isEqualTo(before);
    }

    @Test
    @Order(3)
    void credentialsTenantsActuatorLogsAndMetricsKeepTheirPromises() {
        SecurityProbe probe = new SecurityProbe(run);
        String secId = "sec" + System.currentTimeMillis();
        List<Check> checks = new ArrayList<>(probe.credentialsAndTenants(secId));
        if (runId != null) {
            checks.addAll(probe.crossTenantReads(runId));
        }
        checks.add(probe.nothingWrittenAcrossTenants(secId));
        checks.addAll(probe.actuator());
        checks.addAll(probe.logsAndMetrics(runId == null ? MentionLoad.HANDLE_MARKER : runId + "-c"));
        checks.forEach(
                c -> run.record("security", (c.kept() ? "KEPT " : "BROKEN ") + c.promise() + ": " + c.observed()));

        assertThat(checks)
                .filteredOn(c -> !c.kept())
                .as("broken security promises")
                .isEmpty();
    }

    @Test
    @Order(4)
    void poisonOnEveryInputTopicEndsInItsDeadLetterTopicAndStallsNothing() {
        List<Pill> pills = new ArrayList<>();
        INPUT_TOPICS.forEach(topic -> pills.addAll(Poison.pills(topic)));
        Poison.feed(run.pipeline().bootstrapServers(), pills);
        poison.addAll(pills);

        // Mentions sent after the poison must still make it all the way: nothing may stall behind a bad record.
        try (MentionLoad after = run.load(5, 4, Duration.ofMinutes(1))) {
            after.start(10);
            FaultRun.hold(Duration.ofSeconds(5));
            Settled settled = run.settle(after, Duration.ofSeconds(90));
            DeadLetterVerdict dlq = awaitDeadLetters(pills);
            run.record(
                    "poison ×" + pills.size() + " (" + INPUT_TOPICS.size() + " input topics)",
                    "DLQ: " + dlq.inRightDlq() + "/" + dlq.fed() + " in the right DLQ, " + dlq.withErrorHeaders()
                            + " with error headers, " + dlq.inWrongDlq() + " in a wrong one, " + dlq.unexpectedInDlq()
                            + " non-poison in DLQs, missing " + dlq.missing() + "; after the poison: "
                            + settled.verdict());
            assertThat(settled.verdict().violations())
                    .as("mentions sent after the poison")
                    .isEmpty();
            assertThat(dlq.violations()).isEmpty();
        }
    }

    @Test
    @Order(5)
    void poisonReplayedFromItsDeadLetterTopicIsDeadLetteredAgainNotLost() {
        assertThat(poison).as("the poison test ran first").isNotEmpty();
        String bootstrap = run.pipeline().bootstrapServers();
        List<String> reports = new ArrayList<>();
        // the dead letters as Spring's binder, the classifier and ingest wrote them; still poison, so each consumer
        // must dead-letter its pill again, and the replay must write each back to the topic it came from
        for (String dlq :
                INPUT_TOPICS.stream().map(Poison::deadLetterTopic).distinct().toList()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = ReplayCommand.run(
                    new String[] {"--bootstrap-server", bootstrap, "--dlq", dlq, "--show", "all"},
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    System.err);
            String report = out.toString(StandardCharsets.UTF_8);
            assertThat(exit).as(report).isZero();
            assertThat(report.lines()).as(report).noneMatch(line -> line.startsWith("refused"));
            reports.add(report.lines().reduce((first, last) -> last).orElse(""));
        }
        List<Integer> copies = new ArrayList<>();
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(3))
                    .until(() -> {
                        copies.clear();
                        copies.addAll(Poison.copiesInDeadLetters(bootstrap, poison));
                        return copies.stream().allMatch(n -> n == 2);
                    });
        } finally {
            run.record(
                    "replay of the poison ×" + poison.size(),
                    String.join("; ", reports) + "; copies of each pill in its DLQ afterwards: " + copies);
        }
    }

    private DeadLetterVerdict awaitDeadLetters(List<Pill> pills) {
        return awaitDeadLetters(pills, INPUT_TOPICS);
    }

    private DeadLetterVerdict awaitDeadLetters(List<Pill> pills, List<String> topics) {
        List<DeadLetterVerdict> last =
                new ArrayList<>(List.of(Poison.check(run.pipeline().bootstrapServers(), pills, topics)));
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(3))
                    .until(() -> {
                        last.set(0, Poison.check(run.pipeline().bootstrapServers(), pills, topics));
                        return last.get(0).missing().isEmpty();
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // report what is there; the assertion says what is missing
        }
        return last.get(0);
    }

    private Map<String, Long> written(List<String> topics) {
        Map<String, Long> written = new java.util.TreeMap<>();
        topics.forEach(t -> written.put(t, TopicSnapshot.written(run.pipeline().bootstrapServers(), t)));
        return written;
    }
}
