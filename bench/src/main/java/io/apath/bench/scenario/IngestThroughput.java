package io.apath.bench.scenario;

import io.apath.bench.load.GeneratedMention;
import io.apath.bench.load.MentionGenerator;
import io.apath.bench.pipeline.IngestClient;
import io.apath.bench.pipeline.Pipeline;
import io.apath.bench.pipeline.ResourceSampler;
import io.apath.bench.pipeline.Service;
import io.apath.bench.pipeline.ServiceInstance;
import io.apath.bench.profile.Recording;
import io.apath.bench.report.Markdown;
import io.apath.bench.report.ScenarioResult;
import io.apath.bench.stats.Percentiles;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ingest alone in front of the broker — two JVMs, no classifier, no journey: how many mentions per second one ingest
 * instance gets acknowledged (answered {@code accepted}, i.e. after the broker's acks=all) when {@code concurrency}
 * clients post {@code batch}-mention JSON arrays back to back (closed loop), divided by the raw producer rate on the
 * same broker; then the request latency of an open loop at a fixed rate (by default half the closed-loop rate), each
 * request on a fixed timetable and its latency measured from its scheduled send time, so a stalled ingest (or client)
 * delays every request behind it instead of hiding them. Issue targets: ≥ 20,000 mentions/s, p99 ≤ 50 ms at half that
 * rate.
 */
final class IngestThroughput implements Scenario {

    private static final Logger log = LoggerFactory.getLogger(IngestThroughput.class);
    static final double TARGET_RATE = 20_000;
    static final double TARGET_P99_MS = 50;
    /** "At half that rate": half the throughput target. */
    static final double TARGET_LATENCY_RATE = TARGET_RATE / 2;
    /** Open loop: more requests than this unanswered and the client waits (the timetable slips; latency shows it). */
    private static final int MAX_IN_FLIGHT = 256;
    /** The generators' {@code expected}: an upper bound of mentions per second, to spread {@code createdAt}. */
    private static final long MAX_RATE = 100_000;

    @Override
    public String name() {
        return "ingest-throughput";
    }

    /** The closed loop's figures over the measured window (requests answered in it). */
    record Closed(
            String ingestMode,
            int batchSize,
            int concurrency,
            int warmupSeconds,
            double seconds,
            long requests,
            long acknowledged,
            long refused,
            long failedRequests,
            long refusedInWarmup,
            double mentionsPerSecond,
            Percentiles.Summary request,
            String firstProblem,
            List<ResourceSampler.Rss> rss,
            double benchCpuSeconds) {}

    /** The open loop's figures; latency from each request's scheduled send time to its answer. */
    record Open(
            int rate,
            String rateFrom,
            int batchSize,
            int seconds,
            long scheduledRequests,
            long sentRequests,
            long notSent,
            long answeredRequests,
            long acknowledged,
            long refused,
            long failedRequests,
            double achievedRate,
            Percentiles.Summary latency,
            Percentiles.Summary sinceSend,
            String firstProblem,
            List<ResourceSampler.Rss> rss,
            double benchCpuSeconds) {

        boolean keptUp() {
            return notSent == 0 && answeredRequests == sentRequests && achievedRate >= 0.95 * rate;
        }
    }

    @Override
    public ScenarioResult run(Context context) throws Exception {
        Options o = context.options();
        int duration = o.integer("duration", 30);
        int warmup = o.integer("warmup", 10);
        int batch = o.integer("batch", 100);
        int concurrency = o.integer("concurrency", 8);
        int customers = o.integer("customers", 200_000);
        int rawRecords = o.integer("raw-records", 300_000);
        int givenRate = o.integer("rate", 0);
        try (Pipeline pipeline = Pipeline.startBroker(context.env())) {
            ServiceInstance ingest = pipeline.launch(Service.INGEST, 0, null);
            Pipeline.awaitReady(ingest);

            List<GeneratedMention> sample =
                    context.generator("baseline", 50_000, 20_000).take(20_000);
            int recordSize = Context.averageRecordSize(sample);
            KafkaTools tools =
                    new KafkaTools(pipeline.bootstrap(), context.env().benchClasspath(), pipeline.dir());
            tools.createTopic("bench-raw");
            KafkaTools.ProducerResult raw = tools.producer("bench-raw", rawRecords, context.payloadFile(sample));
            log.info("raw producer {} records/s", raw.recordsPerSec());

            IngestClient client = context.ingestClient(ingest.url());
            IngestClient.Mode mode =
                    client.negotiate(context.generator("it-probe", 10, 2).take(2));
            log.info("ingest takes {} requests", mode);
            int effectiveBatch = mode == IngestClient.Mode.SINGLE ? Math.min(batch, 8) : batch;

            BatchSource closedLoad =
                    new BatchSource(context.generator("it", customers, MAX_RATE * (warmup + duration)), effectiveBatch);
            Closed closed =
                    closedLoop(context, pipeline, client, closedLoad, concurrency, warmup, duration, mode.name());
            log.info(
                    "closed loop: {} mentions/s acknowledged, {} refused, {} requests not 2xx",
                    Math.round(closed.mentionsPerSecond()),
                    closed.refused(),
                    closed.failedRequests());

            int rate = givenRate > 0 ? givenRate : (int) Math.max(1, Math.round(closed.mentionsPerSecond() / 2));
            BatchSource openLoad = new BatchSource(
                    context.generator("it-open", customers, (long) rate * duration + 16L * effectiveBatch),
                    effectiveBatch);
            Open open = openLoop(
                    context,
                    pipeline,
                    client,
                    openLoad,
                    rate,
                    givenRate > 0 ? "--rate" : "half the closed-loop rate",
                    duration);
            log.info("open loop at {}/s: {}, refused {}", rate, open.latency(), open.refused());

            double ratio = closed.mentionsPerSecond() / raw.recordsPerSec();
            ObjectNode json = Baseline.JSON.createObjectNode();
            json.put("deployment", "broker and one ingest, one JVM each on this machine; no classifier, no journey");
            json.put("customers", customers);
            json.put("ingestHeap", Service.INGEST.heap());
            json.put("recordSize", recordSize);
            json.set("raw", Baseline.JSON.createObjectNode().set("producer", Baseline.JSON.valueToTree(raw)));
            json.set("closed", Baseline.JSON.valueToTree(closed));
            json.set("open", Baseline.JSON.valueToTree(open));
            json.put("mentionsPerSecond", closed.mentionsPerSecond());
            json.put("ratioToRawProducer", ratio);
            return new ScenarioResult(
                    name(), json, markdown(raw, recordSize, closed, open, ratio, customers), Map.of());
        }
    }

    static Closed closedLoop(
            Context context,
            Pipeline pipeline,
            IngestClient client,
            BatchSource source,
            int concurrency,
            int warmupSeconds,
            int seconds,
            String mode)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder requests = new LongAdder();
        LongAdder acknowledged = new LongAdder();
        LongAdder refused = new LongAdder();
        LongAdder failed = new LongAdder();
        LongAdder refusedInWarmup = new LongAdder();
        Percentiles request = new Percentiles();
        AtomicReference<String> problem = new AtomicReference<>();
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread worker = new Thread(
                    () -> {
                        while (!stop.get()) {
                            List<GeneratedMention> batch = source.next();
                            long sentAt = System.nanoTime();
                            IngestClient.Answer answer = client.sendAndWait(batch);
                            long at = answer.answeredNanos();
                            int notAccepted = answer.items() - answer.accepted();
                            if (at < measureFrom) {
                                refusedInWarmup.add(notAccepted);
                                continue;
                            }
                            if (at >= measureTo) {
                                continue; // answered after the window: neither its mentions nor its time count
                            }
                            requests.increment();
                            acknowledged.add(answer.accepted());
                            refused.add(notAccepted);
                            if (answer.status() / 100 != 2) {
                                failed.increment();
                            }
                            if (answer.problem() != null) {
                                problem.compareAndSet(null, answer.status() + " " + answer.problem());
                            }
                            request.add((at - sentAt) / 1000);
                        }
                    },
                    "ingest-load-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
        sleepUntil(measureFrom);
        ResourceSampler sampler = new ResourceSampler(() -> ThroughputRun.processes(pipeline));
        long benchCpu = benchCpuNanos();
        Recording recording =
                context.env().profile() ? Recording.start(pipeline.instances(), jfrDir(pipeline), "it-closed") : null;
        sleepUntil(measureTo);
        List<ResourceSampler.Rss> rss = sampler.finish();
        double benchCpuSeconds = (benchCpuNanos() - benchCpu) / 1e9;
        stop.set(true);
        if (recording != null) {
            recording.stop();
        }
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(90));
        }
        double window = seconds(measureTo - measureFrom);
        return new Closed(
                mode,
                source.size(),
                concurrency,
                warmupSeconds,
                window,
                requests.sum(),
                acknowledged.sum(),
                refused.sum(),
                failed.sum(),
                refusedInWarmup.sum(),
                acknowledged.sum() / window,
                request.summary(),
                problem.get(),
                rss,
                Math.round(benchCpuSeconds * 100) / 100.0);
    }

    static Open openLoop(
            Context context,
            Pipeline pipeline,
            IngestClient client,
            BatchSource source,
            int rate,
            String rateFrom,
            int seconds)
            throws InterruptedException {
        int batch = source.size();
        long total = scheduledRequests(rate, batch, seconds);
        AtomicInteger inFlight = new AtomicInteger();
        LongAdder answered = new LongAdder();
        LongAdder acknowledged = new LongAdder();
        LongAdder refused = new LongAdder();
        LongAdder failed = new LongAdder();
        Percentiles latency = new Percentiles();
        Percentiles sinceSend = new Percentiles();
        AtomicReference<String> problem = new AtomicReference<>();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        sleepUntil(start);
        ResourceSampler sampler = new ResourceSampler(() -> ThroughputRun.processes(pipeline));
        long benchCpu = benchCpuNanos();
        Recording recording =
                context.env().profile() ? Recording.start(pipeline.instances(), jfrDir(pipeline), "it-open") : null;
        long sent = 0;
        for (long i = 0; i < total; i++) {
            List<GeneratedMention> next = source.next(); // before its time: generating it is not the request's delay
            long due = scheduledAt(start, i, rate, batch);
            sleepUntil(due);
            while (inFlight.get() >= MAX_IN_FLIGHT && System.nanoTime() < end) {
                LockSupport.parkNanos(100_000);
            }
            if (System.nanoTime() >= end) {
                break; // the rest of the timetable could not be sent within the window
            }
            inFlight.incrementAndGet();
            long sentAt = System.nanoTime();
            client.send(next).whenComplete((answer, error) -> {
                inFlight.decrementAndGet();
                answered.increment();
                if (error != null) {
                    failed.increment();
                    refused.add(next.size());
                    problem.compareAndSet(null, error.toString());
                    return;
                }
                acknowledged.add(answer.accepted());
                refused.add(answer.items() - answer.accepted());
                if (answer.status() / 100 != 2) {
                    failed.increment();
                }
                if (answer.problem() != null) {
                    problem.compareAndSet(null, answer.status() + " " + answer.problem());
                }
                latency.add((answer.answeredNanos() - due) / 1000);
                sinceSend.add((answer.answeredNanos() - sentAt) / 1000);
            });
            sent++;
        }
        sleepUntil(end);
        List<ResourceSampler.Rss> rss = sampler.finish();
        double benchCpuSeconds = (benchCpuNanos() - benchCpu) / 1e9;
        if (recording != null) {
            recording.stop();
        }
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (answered.sum() < sent && System.nanoTime() < waitUntil) {
            Thread.sleep(10);
        }
        return new Open(
                rate,
                rateFrom,
                batch,
                seconds,
                total,
                sent,
                total - sent,
                answered.sum(),
                acknowledged.sum(),
                refused.sum(),
                failed.sum(),
                acknowledged.sum() / (double) seconds,
                latency.summary(),
                sinceSend.summary(),
                problem.get(),
                rss,
                Math.round(benchCpuSeconds * 100) / 100.0);
    }

    /** Requests of {@code batch} mentions that make {@code rate} mentions/s for {@code seconds}. */
    static long scheduledRequests(int rate, int batch, int seconds) {
        return (long) rate * seconds / batch;
    }

    /** When request {@code index} is due: evenly spaced, {@code batch / rate} seconds apart, from {@code start}. */
    static long scheduledAt(long start, long index, int rate, int batch) {
        return start + Math.round(index * (double) batch * 1e9 / rate);
    }

    /**
     * The latency target's verdict: met or not at ≥ 10,000/s, sustained, no refusals; below that rate only a p99 that
     * is already too high (or a loop that did not keep up) decides it, otherwise it was not measured.
     */
    static String latencyVerdict(Open open) {
        boolean good = open.keptUp() && open.refused() == 0 && open.latency().p99() <= TARGET_P99_MS;
        String numbers = "p99 " + Markdown.number(open.latency().p99(), 1) + " ms at "
                + Markdown.count(open.achievedRate()) + " of " + Markdown.count(open.rate()) + " mentions/s offered"
                + (open.keptUp() ? "" : ", did not keep up")
                + (open.refused() == 0 ? "" : ", " + Markdown.count(open.refused()) + " refused");
        if (open.rate() >= TARGET_LATENCY_RATE) {
            return Markdown.verdict(good) + " (" + numbers + ")";
        }
        if (!good) {
            return Markdown.verdict(false) + " (" + numbers + ", below 10,000/s already)";
        }
        return "not measured at 10,000/s (" + numbers + ")";
    }

    static String markdown(
            KafkaTools.ProducerResult raw, int recordSize, Closed c, Open open, double ratio, int customers) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(
                "Ingest alone (own JVM, %s) in front of A-Path's broker (own JVM, -Xmx1g): no classifier, no journey."
                        + " Mentions (%s customers, Zipf-skewed, 4 tenants) posted to `POST /v1/mentions` as %s"
                        + " requests of %d mentions of one tenant; a mention counts as acknowledged when ingest answers"
                        + " it `accepted`, i.e. after the broker's acks=all. The load generator (the bench JVM) shares"
                        + " the machine's cores.%n%n",
                Service.INGEST.heap(), Markdown.count(customers), c.ingestMode(), c.batchSize()));
        md.append(String.format(
                "Raw Kafka reference (ProducerPerformance, same broker, real mention records of %d B on average,"
                        + " acks=all, idempotent, lz4, linger.ms=5 — ingest's settings): **%s records/s** (%s"
                        + " records, %s MB/s).%n%n",
                recordSize,
                Markdown.count(raw.recordsPerSec()),
                Markdown.count(raw.records()),
                Markdown.number(raw.mbPerSec(), 1)));
        md.append(String.format(
                "**Closed loop**: %d clients, each posting its next request as soon as the last is answered; %s s"
                        + " measured after %d s warm-up (requests answered in the window).%n%n",
                c.concurrency(), Markdown.number(c.seconds(), 1), c.warmupSeconds()));
        md.append(Markdown.table(
                List.of("figure", "value", "note"),
                List.of(
                        List.of(
                                "**acknowledged mentions/s**",
                                "**" + Markdown.count(c.mentionsPerSecond()) + "**",
                                Markdown.count(c.acknowledged()) + " mentions in " + Markdown.count(c.requests())
                                        + " requests"),
                        List.of(
                                "refused mentions / requests not 2xx",
                                Markdown.count(c.refused()) + " / " + Markdown.count(c.failedRequests()),
                                c.refusedInWarmup() == 0
                                        ? ""
                                        : Markdown.count(c.refusedInWarmup()) + " more refused in the warm-up"),
                        List.of(
                                "request latency p50 / p99 / max",
                                Markdown.number(c.request().p50(), 1) + " / "
                                        + Markdown.number(c.request().p99(), 1) + " / "
                                        + Markdown.number(c.request().max(), 1) + " ms",
                                "at saturation, " + c.concurrency() + " requests queued"),
                        List.of(
                                "**ratio to raw producer**",
                                "**" + Markdown.number(ratio, 3) + " ×**",
                                "raw " + Markdown.count(raw.recordsPerSec()) + " records/s"),
                        List.of(
                                "target ≥ 20,000 mentions/s",
                                Markdown.verdict(c.mentionsPerSecond() >= TARGET_RATE && c.refused() == 0),
                                Markdown.count(c.mentionsPerSecond()) + " mentions/s"
                                        + (c.refused() == 0 ? "" : ", " + Markdown.count(c.refused()) + " refused")),
                        List.of(
                                "bench JVM (load generator) CPU",
                                Markdown.number(c.benchCpuSeconds(), 1) + " s",
                                "in the window, on the same cores"))));
        if (c.firstProblem() != null) {
            md.append("\nFirst refusal/problem seen: `")
                    .append(clean(c.firstProblem()))
                    .append("`\n");
        }
        md.append("\n").append(PipelineThroughput.rssTable(c.rss(), c.acknowledged()));
        md.append(String.format(
                "%n**Open loop** at %s mentions/s (%s): one request of %d every %s ms on a fixed timetable for %d s,"
                        + " sent whether or not earlier ones were answered (at most %d unanswered); latency from each"
                        + " request's scheduled send time to its answer, so a slow answer delays the requests behind it"
                        + " instead of hiding them.%n%n",
                Markdown.count(open.rate()),
                open.rateFrom(),
                open.batchSize(),
                Markdown.number(open.batchSize() * 1000.0 / open.rate(), 1),
                open.seconds(),
                MAX_IN_FLIGHT));
        Percentiles.Summary l = open.latency();
        md.append(Markdown.table(
                List.of("figure", "value", "note"),
                List.of(
                        List.of(
                                "offered / acknowledged mentions/s",
                                Markdown.count(open.rate()) + " / " + Markdown.count(open.achievedRate()),
                                open.keptUp() ? "kept up" : "**did not keep up**"),
                        List.of(
                                "requests scheduled / sent / answered",
                                Markdown.count(open.scheduledRequests()) + " / " + Markdown.count(open.sentRequests())
                                        + " / " + Markdown.count(open.answeredRequests()),
                                open.notSent() == 0
                                        ? ""
                                        : Markdown.count(open.notSent()) + " not sent within the window"),
                        List.of(
                                "refused mentions / requests not 2xx",
                                Markdown.count(open.refused()) + " / " + Markdown.count(open.failedRequests()),
                                ""),
                        List.of(
                                "request latency p50 / p95 / **p99** / max",
                                Markdown.number(l.p50(), 1) + " / " + Markdown.number(l.p95(), 1) + " / **"
                                        + Markdown.number(l.p99(), 1) + "** / " + Markdown.number(l.max(), 1) + " ms",
                                "from the scheduled send time; from the actual send: p99 "
                                        + Markdown.number(open.sinceSend().p99(), 1) + " ms"),
                        List.of("target p99 ≤ 50 ms at 10,000 mentions/s (half of 20,000)", latencyVerdict(open), ""),
                        List.of(
                                "bench JVM (load generator) CPU",
                                Markdown.number(open.benchCpuSeconds(), 1) + " s",
                                "in the window, on the same cores"))));
        if (open.firstProblem() != null) {
            md.append("\nFirst refusal/problem seen: `")
                    .append(clean(open.firstProblem()))
                    .append("`\n");
        }
        md.append("\n").append(PipelineThroughput.rssTable(open.rss(), open.acknowledged()));
        return md.toString();
    }

    private static String clean(String problem) {
        return problem.replace('\n', ' ').replace('`', '\'');
    }

    private static Path jfrDir(Pipeline pipeline) {
        return pipeline.dir().getParent().resolve("jfr");
    }

    private static long benchCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    private static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /**
     * Batches of {@code size} mentions of one tenant each (ingest takes one tenant's mentions per request), drawn from
     * the generator as they are asked for, by any thread.
     */
    static final class BatchSource {

        private final MentionGenerator generator;
        private final int size;
        private final Map<String, List<GeneratedMention>> open = new HashMap<>();

        BatchSource(MentionGenerator generator, int size) {
            this.generator = generator;
            this.size = size;
        }

        int size() {
            return size;
        }

        synchronized List<GeneratedMention> next() {
            while (true) {
                GeneratedMention m = generator.next();
                List<GeneratedMention> current = open.computeIfAbsent(m.tenant(), t -> new ArrayList<>(size));
                current.add(m);
                if (current.size() == size) {
                    open.remove(m.tenant());
                    return current;
                }
            }
        }
    }
}
