package io.apath.bench.scenario;

import io.apath.bench.load.GeneratedMention;
import io.apath.bench.load.MentionGenerator;
import io.apath.bench.pipeline.IngestClient;
import io.apath.bench.pipeline.JourneyStateWatch;
import io.apath.bench.pipeline.KafkaProgress;
import io.apath.bench.pipeline.Pipeline;
import io.apath.bench.pipeline.ResourceSampler;
import io.apath.bench.pipeline.Service;
import io.apath.bench.profile.Recording;
import io.apath.bench.report.Markdown;
import io.apath.bench.report.ScenarioResult;
import io.apath.bench.report.SvgChart;
import io.apath.bench.stats.LatencyTracker;
import io.apath.bench.stats.Percentiles;
import io.apath.contracts.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Open-loop fixed rates: every 5 ms the mentions due by then are posted (batched per tenant), whether or not earlier
 * requests have been answered. Latency is from ingest's 202 reaching the client to the journey update being visible
 * to a read_committed consumer of {@code journey-state.v1}; see {@link LatencyTracker} for how a mention is matched to
 * its update.
 */
final class PipelineLatency implements Scenario {

    private static final Logger log = LoggerFactory.getLogger(PipelineLatency.class);
    static final double TARGET_P99_MS = 250;
    static final int TARGET_RATE = 2_000;
    private static final long TICK_NANOS = 5_000_000;
    private static final int MAX_IN_FLIGHT = 512;

    @Override
    public String name() {
        return "pipeline-latency";
    }

    record Step(
            int rate,
            double achievedRate,
            long measuredAccepted,
            long refused,
            Percentiles.Summary endToEnd,
            Percentiles.Summary request,
            long unsettled,
            long settledBeforeAnswer,
            long skippedTicks,
            boolean drained,
            List<ResourceSampler.Rss> rss) {}

    @Override
    public ScenarioResult run(Context context) throws InterruptedException {
        Options o = context.options();
        List<Integer> rates = o.integers("rates", "500,2000,5000");
        int seconds = o.integer("duration", 30);
        int warmupSeconds = o.integer("warmup", 10);
        int customers = o.integer("customers", 100_000);
        int prewarm = o.integer("prewarm", 60);
        int prewarmRate = o.integer("prewarm-rate", 500);
        List<Step> steps = new ArrayList<>();
        List<Integer> skippedRates = new ArrayList<>();
        KafkaTools.EndToEndResult raw;
        try (Pipeline pipeline = Pipeline.start(context.env(), Pipeline.Layout.FULL)) {
            Baseline.Figures figures = Baseline.measure(context, pipeline, 0, o.integer("e2e-records", 2_000));
            raw = figures.endToEnd();
            IngestClient client =
                    context.ingestClient(pipeline.ingest().orElseThrow().url());
            AtomicReference<LatencyTracker> tracker = new AtomicReference<>(new LatencyTracker());
            try (JourneyStateWatch watch =
                            new JourneyStateWatch(pipeline.bootstrap(), (key, last, nanos) -> tracker.get()
                                    .visible(key, last, nanos));
                    KafkaProgress progress = new KafkaProgress(pipeline.bootstrap())) {
                client.negotiate(context.generator("lat-probe", 10, 2).take(2));
                if (prewarm > 0) {
                    // Every JVM starts cold: without this, the first rate measures JIT compilation and the backlog it
                    // leaves, not the pipeline (journey alone: p50 34 s cold vs 73 ms warm at the same rate).
                    LatencyTracker discarded = new LatencyTracker();
                    tracker.set(discarded);
                    Step warm = step(
                            context,
                            pipeline,
                            client,
                            discarded,
                            progress,
                            "lat-prewarm",
                            prewarmRate,
                            prewarm,
                            1,
                            customers);
                    log.info("pre-warm, not reported: {}", warm);
                }
                for (int rate : rates) {
                    if (!steps.isEmpty() && !steps.get(steps.size() - 1).drained()) {
                        log.info("{}/s not run: the pipeline did not keep up with a lower rate", rate);
                        skippedRates.add(rate);
                        continue;
                    }
                    LatencyTracker current = new LatencyTracker();
                    tracker.set(current);
                    Step step = step(
                            context,
                            pipeline,
                            client,
                            current,
                            progress,
                            "lat" + rate,
                            rate,
                            warmupSeconds,
                            seconds,
                            customers);
                    log.info("{}/s: {}", rate, step);
                    steps.add(step);
                }
            }
        }
        ObjectNode json = Baseline.JSON.createObjectNode();
        json.put("deployment", "broker, ingest, classifier, journey: one JVM each on this machine");
        json.set("rawEndToEnd", Baseline.JSON.valueToTree(raw));
        ArrayNode array = json.putArray("steps");
        steps.forEach(s -> array.add(Baseline.JSON.valueToTree(s)));
        ArrayNode skipped = json.putArray("ratesNotRun");
        skippedRates.forEach(skipped::add);
        Map<String, String> plots = new LinkedHashMap<>();
        plots.put("latency.svg", plot(steps));
        json.put("prewarmSeconds", prewarm);
        json.put("prewarmRate", prewarmRate);
        String prewarmed = prewarm > 0
                ? String.format(
                        "Before the first rate: %d s at %d/s, not reported, so every JVM is warm (JIT).%n%n",
                        prewarm, prewarmRate)
                : "No pre-warm: the first rate ran on cold JVMs.\n\n";
        return new ScenarioResult(
                name(), json, prewarmed + markdown(steps, skippedRates, raw, seconds, warmupSeconds, customers), plots);
    }

    private static Step step(
            Context context,
            Pipeline pipeline,
            IngestClient client,
            LatencyTracker tracker,
            KafkaProgress progress,
            String runId,
            int rate,
            int warmupSeconds,
            int seconds,
            int customers)
            throws InterruptedException {
        int warmupCount = rate * warmupSeconds;
        int total = warmupCount + rate * seconds;
        // New customers per step, so a customer's updates in this step are only this step's mentions.
        MentionGenerator generator = context.generator(runId, customers, total);
        List<GeneratedMention> mentions = generator.take(total);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Percentiles request = new Percentiles();
        long skipped = 0;
        int sent = 0;
        ResourceSampler sampler = null;
        Recording recording = null;
        long start = System.nanoTime();
        long measureStart = 0;
        long next = start;
        while (sent < total) {
            long now = System.nanoTime();
            if (sampler == null && sent >= warmupCount) {
                sampler = new ResourceSampler(() -> ThroughputRun.processes(pipeline));
                measureStart = now;
                if (context.env().profile()) {
                    recording = Recording.start(
                            pipeline.instances(), pipeline.dir().getParent().resolve("jfr"), "lat" + rate);
                }
            }
            int due = (int) Math.min(total, (now - start) * rate / 1_000_000_000L + 1);
            if (inFlight.get() > MAX_IN_FLIGHT) {
                skipped++; // the client is not getting answers fast enough; the schedule slips and the rate shows it
            } else if (due > sent) {
                for (List<GeneratedMention> batch : ThroughputRun.batch(mentions.subList(sent, due), 100)) {
                    int firstIndex = sent;
                    long sentAt = System.nanoTime();
                    inFlight.incrementAndGet();
                    client.send(batch).whenComplete((answer, error) -> {
                        inFlight.decrementAndGet();
                        if (error != null || answer.accepted() < answer.items()) {
                            refused.addAndGet(error != null ? batch.size() : answer.items() - answer.accepted());
                        }
                        if (error == null && answer.accepted() == answer.items()) {
                            request.add((answer.answeredNanos() - sentAt) / 1000);
                            for (GeneratedMention m : batch) {
                                tracker.accepted(
                                        m.customerKey(),
                                        m.createdAt(),
                                        answer.answeredNanos(),
                                        firstIndex >= warmupCount);
                            }
                        }
                    });
                    sent += batch.size();
                }
            }
            next += TICK_NANOS;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                LockSupport.parkNanos(sleep);
            }
        }
        long sendEnd = System.nanoTime();
        while (inFlight.get() > 0 && System.nanoTime() - sendEnd < 60_000_000_000L) {
            Thread.sleep(10);
        }
        long answered = System.nanoTime();
        // Let the pipeline drain: every mention through journey, then a moment for the last commits to be read. A
        // pipeline that cannot drain in time did not sustain the rate: its latency is unbounded, and says so.
        long drainNanos = context.options().integer("drain-seconds", 120) * 1_000_000_000L;
        boolean drained = false;
        while (System.nanoTime() - answered < drainNanos) {
            if (progress.lag(Service.CLASSIFIER.consumerGroup(), Topics.MENTIONS.name()) == 0
                    && progress.lag(Service.JOURNEY.consumerGroup(), Topics.MENTIONS_CLASSIFIED.name()) == 0) {
                drained = true;
                break;
            }
            Thread.sleep(100);
        }
        Thread.sleep(2000);
        if (recording != null) {
            recording.stop();
        }
        List<ResourceSampler.Rss> rss = sampler == null ? List.of() : sampler.finish();
        double measuredSeconds = (answered - measureStart) / 1e9;
        return new Step(
                rate,
                tracker.measuredAccepted() / Math.max(measuredSeconds, 1e-9),
                tracker.measuredAccepted(),
                refused.get(),
                tracker.summary(),
                request.summary(),
                tracker.unsettled(),
                tracker.settledBeforeAnswer(),
                skipped,
                drained,
                rss);
    }

    static String markdown(
            List<Step> steps,
            List<Integer> skippedRates,
            KafkaTools.EndToEndResult raw,
            int seconds,
            int warmupSeconds,
            int customers) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(
                "Open-loop fixed rates, %d s measured after %d s warm-up per rate, new Zipf-skewed customers (population"
                        + " %s) per rate, batches per tenant every 5 ms. Latency: ingest's 202 received →"
                        + " journey state visible to a read_committed consumer. Raw Kafka reference (EndToEndLatency,"
                        + " same broker, one record at a time, acks=all): p50 %s ms, p99 %s ms.%n%n",
                seconds,
                warmupSeconds,
                Markdown.count(customers),
                Markdown.number(raw.p50Ms(), 1),
                Markdown.number(raw.p99Ms(), 1)));
        List<List<String>> rows = new ArrayList<>();
        for (Step s : steps) {
            Percentiles.Summary e = s.endToEnd();
            rows.add(List.of(
                    Markdown.count(s.rate()),
                    Markdown.count(s.achievedRate()),
                    Markdown.count(e.count()),
                    Markdown.number(e.p50(), 0),
                    Markdown.number(e.p95(), 0),
                    "**" + Markdown.number(e.p99(), 0) + "**",
                    Markdown.number(e.max(), 0),
                    Markdown.number(e.p99() / raw.p99Ms(), 1) + " ×",
                    Markdown.number(s.request().p50(), 0) + " / "
                            + Markdown.number(s.request().p99(), 0),
                    Markdown.count(s.unsettled()),
                    Markdown.count(s.refused()),
                    s.drained() ? "yes" : "**no: saturated**"));
        }
        for (int rate : skippedRates) {
            rows.add(List.of(
                    Markdown.count(rate), "not run", "", "", "", "", "", "", "", "", "", "saturated at a lower rate"));
        }
        md.append(Markdown.table(
                List.of(
                        "target rate/s",
                        "achieved/s",
                        "matched",
                        "p50 ms",
                        "p95 ms",
                        "p99 ms",
                        "max ms",
                        "p99 vs raw p99",
                        "HTTP p50/p99 ms",
                        "no visible update",
                        "refused",
                        "kept up"),
                rows));
        md.append("\n\"no visible update\": accepted mentions that produced no journey update a reader can see (e.g. an"
                + " irrelevant first mention starts no journey), so have no latency; \"matched\" is the rest. \"kept"
                + " up\": the pipeline drained within the wait after the last request; where it did not, the offered"
                + " rate is above what it sustains, latency grows without bound, the percentiles cover only the"
                + " mentions that made it through in time (a lower bound), and higher rates are not run.\n\n");
        Step atTarget =
                steps.stream().filter(s -> s.rate() == TARGET_RATE).findFirst().orElse(null);
        if (atTarget == null) {
            md.append(
                    skippedRates.contains(TARGET_RATE)
                            ? "Target p99 ≤ 250 ms at 2,000 mentions/s: **not met** (the pipeline did not sustain a lower"
                                    + " rate, so 2,000/s was not offered).\n\n"
                            : "Target p99 ≤ 250 ms at 2,000 mentions/s: not measured in this run.\n\n");
        } else {
            md.append(String.format(
                    "Target p99 ≤ 250 ms at 2,000 mentions/s: %s (p99 %s ms at %s/s achieved%s).%n%n",
                    Markdown.verdict(atTarget.drained()
                            && atTarget.endToEnd().p99() <= TARGET_P99_MS
                            && atTarget.achievedRate() >= 0.95 * TARGET_RATE),
                    Markdown.number(atTarget.endToEnd().p99(), 0),
                    Markdown.count(atTarget.achievedRate()),
                    atTarget.drained() ? "" : ", pipeline saturated"));
        }
        md.append("![latency percentiles vs rate](latency.svg)\n\n");
        md.append("Service memory at steady load (RSS, median of the second half of each rate's window / max, MiB, and"
                + " CPU seconds used in the window; targets: ingest and classifier ≤ 300, journey ≤ 600 with"
                + " 1,000,000 customers):\n\n");
        List<String> header = new ArrayList<>(List.of("rate/s"));
        List<String> processes = steps.isEmpty()
                ? List.of()
                : steps.get(0).rss().stream().map(ResourceSampler.Rss::process).toList();
        header.addAll(processes);
        List<List<String>> rssRows = new ArrayList<>();
        for (Step s : steps) {
            List<String> row = new ArrayList<>(List.of(Markdown.count(s.rate())));
            for (String p : processes) {
                row.add(s.rss().stream()
                        .filter(r -> r.process().equals(p))
                        .findFirst()
                        .map(r -> Markdown.number(r.medianMiB(), 0) + " / " + Markdown.number(r.maxMiB(), 0) + " ("
                                + Markdown.number(r.cpuSeconds(), 1) + " CPU s)")
                        .orElse(""));
            }
            rssRows.add(row);
        }
        md.append(Markdown.table(header, rssRows));
        return md.toString();
    }

    static String plot(List<Step> steps) {
        SvgChart chart = new SvgChart(
                "Acceptance → journey state visible (read_committed)",
                "offered rate (mentions/s)",
                "latency (ms)",
                true);
        chart.series(
                "p50",
                steps.stream()
                        .map(s -> new double[] {s.rate(), s.endToEnd().p50()})
                        .toList());
        chart.series(
                "p95",
                steps.stream()
                        .map(s -> new double[] {s.rate(), s.endToEnd().p95()})
                        .toList());
        chart.series(
                "p99",
                steps.stream()
                        .map(s -> new double[] {s.rate(), s.endToEnd().p99()})
                        .toList());
        chart.series(
                "max",
                steps.stream()
                        .map(s -> new double[] {s.rate(), s.endToEnd().max()})
                        .toList());
        chart.target(TARGET_P99_MS, "p99 target 250 ms");
        return chart.render();
    }
}
