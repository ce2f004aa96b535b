package io.apath.bench.scenario;

import io.apath.bench.load.GeneratedMention;
import io.apath.bench.pipeline.IngestClient;
import io.apath.bench.pipeline.JvmProcess;
import io.apath.bench.pipeline.KafkaProgress;
import io.apath.bench.pipeline.Pipeline;
import io.apath.bench.pipeline.ResourceSampler;
import io.apath.bench.pipeline.Service;
import io.apath.bench.pipeline.ServiceInstance;
import io.apath.bench.profile.Recording;
import io.apath.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closed-loop maximum rate: {@code concurrency} clients post batches to ingest back to back; the clock stops when the
 * journey's committed offsets cover every accepted mention (so their journeys are visible to read_committed readers).
 * With {@code profileAs} set, every service JVM records JFR over the run, named after it.
 */
final class ThroughputRun {

    private static final Logger log = LoggerFactory.getLogger(ThroughputRun.class);

    record Result(
            String ingestMode,
            int batchSize,
            int concurrency,
            long sent,
            long accepted,
            String firstProblem,
            double ingestSeconds,
            double classifierSeconds,
            double endToEndSeconds,
            boolean completed,
            List<ResourceSampler.Rss> rss) {

        double ingestRate() {
            return accepted / ingestSeconds;
        }

        double endToEndRate() {
            return accepted / endToEndSeconds;
        }
    }

    private ThroughputRun() {}

    static Result run(
            Pipeline pipeline,
            IngestClient client,
            List<GeneratedMention> mentions,
            int batchSize,
            int concurrency,
            Duration timeout,
            String profileAs) {
        int effectiveBatch = client.mode() == IngestClient.Mode.SINGLE ? Math.min(batchSize, 8) : batchSize;
        ConcurrentLinkedQueue<List<GeneratedMention>> batches =
                new ConcurrentLinkedQueue<>(batch(mentions, effectiveBatch));
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        AtomicReference<String> problem = new AtomicReference<>();
        try (KafkaProgress progress = new KafkaProgress(pipeline.bootstrap());
                ResourceSampler sampler = new ResourceSampler(() -> processes(pipeline))) {
            long mentionsBefore = progress.records(Topics.MENTIONS.name());
            Recording recording = profileAs == null
                    ? null
                    : Recording.start(
                            pipeline.instances(), pipeline.dir().getParent().resolve("jfr"), profileAs);
            long started = System.nanoTime();
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                Thread worker = new Thread(
                        () -> {
                            List<GeneratedMention> batch;
                            while ((batch = batches.poll()) != null) {
                                IngestClient.Answer answer = client.sendAndWait(batch);
                                sent.addAndGet(batch.size());
                                accepted.addAndGet(answer.accepted());
                                if (answer.problem() != null) {
                                    problem.compareAndSet(null, answer.status() + " " + answer.problem());
                                }
                            }
                        },
                        "load-" + i);
                worker.start();
                workers.add(worker);
            }
            for (Thread worker : workers) {
                worker.join();
            }
            long ingestDone = System.nanoTime();
            log.info(
                    "ingest took {} of {} mentions in {} s", accepted.get(), sent.get(), seconds(ingestDone - started));
            long deadline = ingestDone + timeout.toNanos();
            long classifierDone = 0;
            long lastLog = 0;
            boolean completed = false;
            while (System.nanoTime() < deadline) {
                long written = progress.records(Topics.MENTIONS.name()) - mentionsBefore;
                long classifierLag = progress.lag(Service.CLASSIFIER.consumerGroup(), Topics.MENTIONS.name());
                if (classifierDone == 0 && written >= accepted.get() && classifierLag == 0) {
                    classifierDone = System.nanoTime();
                }
                long journeyLag = progress.lag(Service.JOURNEY.consumerGroup(), Topics.MENTIONS_CLASSIFIED.name());
                if (classifierDone != 0 && journeyLag == 0) {
                    completed = true;
                    break;
                }
                if (System.nanoTime() - lastLog > 5_000_000_000L) {
                    lastLog = System.nanoTime();
                    log.info("waiting: classifier lag {}, journey lag {}", classifierLag, journeyLag);
                }
                Thread.sleep(100);
            }
            long done = System.nanoTime();
            if (recording != null) {
                recording.stop();
            }
            return new Result(
                    client.mode().name(),
                    effectiveBatch,
                    concurrency,
                    sent.get(),
                    accepted.get(),
                    problem.get(),
                    seconds(ingestDone - started),
                    classifierDone == 0 ? Double.NaN : seconds(classifierDone - started),
                    seconds(done - started),
                    completed,
                    sampler.finish());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Batches of one tenant each (ingest takes a tenant's mentions per request), in generation order. */
    static List<List<GeneratedMention>> batch(List<GeneratedMention> mentions, int size) {
        Map<String, List<GeneratedMention>> open = new LinkedHashMap<>();
        List<List<GeneratedMention>> batches = new ArrayList<>();
        for (GeneratedMention m : mentions) {
            List<GeneratedMention> current = open.computeIfAbsent(m.tenant(), t -> new ArrayList<>(size));
            current.add(m);
            if (current.size() == size) {
                batches.add(current);
                open.remove(m.tenant());
            }
        }
        batches.addAll(open.values());
        return batches;
    }

    static List<JvmProcess> processes(Pipeline pipeline) {
        return Stream.concat(
                        Stream.of(pipeline.broker()),
                        pipeline.instances().stream().map(ServiceInstance::process))
                .toList();
    }

    static double seconds(long nanos) {
        return Math.round(nanos / 1e7) / 100.0;
    }
}
