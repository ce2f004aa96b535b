package io.apath.localstack;

import io.apath.localkafka.InProcessKafkaBroker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The one-command demo: a real Kafka broker and the three services in this JVM, the bundled sample mentions replayed
 * through ingest's HTTP API, and the resulting customers per stage. Runs until Ctrl-C, or exits after the replay with
 * {@code --once}.
 *
 * <pre>
 * options: --once                 exit after printing the stage counts
 *          --data-dir=PATH        keep broker and journey state here (default: a new temporary directory)
 *          --samples=PATH         mentions to replay, one JSON object per line (default: the bundled samples)
 *          --kafka-port=N         broker port (default 9092; 0 = any free port)
 *          --keep-dates           replay the samples on the dates written in the file (default: moved forward by whole
 *                                 weeks so the newest falls in the last week, see {@link SampleDates})
 * </pre>
 */
public final class LocalStack {

    private static final String BUNDLED_SAMPLES = "/samples/mentions.ndjson";

    private LocalStack() {}

    public static void main(String[] args) throws Exception {
        boolean once = false;
        Path dataDir = null;
        Path samples = null;
        int kafkaPort = 9092;
        boolean keepDates = false;
        for (String arg : args) {
            if (arg.equals("--once")) {
                once = true;
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(arg.substring("--data-dir=".length()));
            } else if (arg.startsWith("--samples=")) {
                samples = Path.of(arg.substring("--samples=".length()));
            } else if (arg.equals("--keep-dates")) {
                keepDates = true;
            } else if (arg.startsWith("--kafka-port=")) {
                kafkaPort = Integer.parseInt(arg.substring("--kafka-port=".length()));
            } else {
                System.err.println("unknown option " + arg + "; see the LocalStack class comment or README");
                System.exit(2);
            }
        }
        if (dataDir == null) {
            dataDir = Files.createTempDirectory("a-path-demo-");
        }
        List<String> mentions = samples == null ? bundledSamples() : Files.readAllLines(samples);
        run(dataDir, keepDates ? mentions : SampleDates.movedToLastWeek(mentions, Instant.now()), kafkaPort, once);
    }

    private static void run(Path dataDir, List<String> samples, int kafkaPort, boolean once) throws Exception {
        long started = System.nanoTime();
        InProcessKafkaBroker broker = InProcessKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort);
        PipelineServices services = PipelineServices.start(
                broker.bootstrapServers(), PipelineServices.Ports.DEMO, dataDir.resolve("journey-state"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            services.close();
            broker.close();
        }));
        System.out.printf(
                "%nA-Path is up in %.1f s (data in %s)%n  Kafka      %s%n  ingest     %s  (POST /v1/mentions)%n"
                        + "  classifier %s%n  journey    %s  (funnel page; sign in as acme / demo-key-acme)%n  health     <service>/actuator/health, metrics"
                        + " <service>/actuator/prometheus%n%n",
                (System.nanoTime() - started) / 1e9,
                dataDir,
                broker.bootstrapServers(),
                services.ingestUrl(),
                services.classifierUrl(),
                services.journeyUrl());

        long replayStarted = System.nanoTime();
        SampleReplay.Result result = new SampleReplay(services.ingestUrl()).replay(samples);
        try (PipelineProgress progress = new PipelineProgress(broker.bootstrapServers())) {
            progress.awaitCaughtUp(Duration.ofMinutes(2));
        }
        System.out.printf(
                "Replayed %d sample mentions (%d accepted, %d refused) in %.1f s. Customers per stage:%n%n%s%n",
                result.accepted() + result.refused(),
                result.accepted(),
                result.refused(),
                (System.nanoTime() - replayStarted) / 1e9,
                new StageCounts(JourneyStateReader.readAll(broker.bootstrapServers())
                                .values())
                        .render());

        if (once) {
            System.exit(0); // runs the shutdown hook
        }
        System.out.println("Running; Ctrl-C to stop.");
        new CountDownLatch(1).await();
    }

    private static List<String> bundledSamples() {
        try (InputStream in = LocalStack.class.getResourceAsStream(BUNDLED_SAMPLES)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED_SAMPLES + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
