package io.apath.bench.scenario;

import io.apath.bench.load.GeneratedMention;
import io.apath.bench.load.MentionGenerator;
import io.apath.bench.pipeline.IngestClient;
import io.apath.bench.pipeline.Pipeline;
import io.apath.bench.pipeline.ResourceSampler;
import io.apath.bench.report.Markdown;
import io.apath.bench.report.ScenarioResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maximum sustainable rate of the whole pipeline — broker, ingest, classifier, journey each in its own JVM — driven
 * through ingest's HTTP API in batches, from the first request to the last journey update being visible; divided by
 * the raw producer rate measured on the same broker just before.
 */
final class PipelineThroughput implements Scenario {

    private static final Logger log = LoggerFactory.getLogger(PipelineThroughput.class);
    static final double TARGET_RATE = 15_000;
    static final double TARGET_RATIO = 0.20;

    @Override
    public String name() {
        return "pipeline-throughput";
    }

    @Override
    public ScenarioResult run(Context context) {
        Options o = context.options();
        int mentions = o.integer("mentions", 100_000);
        int warmup = o.integer("warmup", 10_000);
        int batch = o.integer("batch", 100);
        int concurrency = o.integer("concurrency", 8);
        int customers = o.integer("customers", 200_000);
        try (Pipeline pipeline = Pipeline.start(context.env(), Pipeline.Layout.FULL)) {
            Baseline.Figures raw = Baseline.measure(
                    context, pipeline, o.integer("raw-records", 300_000), o.integer("e2e-records", 1_000));
            log.info("raw producer {} records/s", raw.producer().recordsPerSec());
            Measured measured = measure(context, pipeline, mentions, warmup, batch, concurrency, customers, "tp");
            ObjectNode json = Baseline.JSON.createObjectNode();
            json.put("deployment", "broker, ingest, classifier, journey: one JVM each on this machine");
            json.set("raw", Baseline.JSON.valueToTree(raw));
            json.set("warmup", Baseline.JSON.valueToTree(measured.warmup()));
            json.set("pipeline", Baseline.JSON.valueToTree(measured.result()));
            double ratio = measured.result().endToEndRate() / raw.producer().recordsPerSec();
            json.put("endToEndRate", measured.result().endToEndRate());
            json.put("ingestRate", measured.result().ingestRate());
            json.put("ratioToRawProducer", ratio);
            return new ScenarioResult(name(), json, markdown(raw, measured.result(), ratio, customers), Map.of());
        }
    }

    record Measured(ThroughputRun.Result warmup, ThroughputRun.Result result) {}

    static Measured measure(
            Context context,
            Pipeline pipeline,
            int mentions,
            int warmup,
            int batch,
            int concurrency,
            int customers,
            String runId) {
        MentionGenerator generator = context.generator(runId, customers, warmup + mentions + 2);
        List<GeneratedMention> probe = generator.take(2);
        List<GeneratedMention> warm = generator.take(warmup);
        List<GeneratedMention> load = generator.take(mentions);
        IngestClient client =
                context.ingestClient(pipeline.ingest().orElseThrow().url());
        IngestClient.Mode mode = client.negotiate(probe);
        log.info("ingest takes {} requests", mode);
        ThroughputRun.Result warmed =
                ThroughputRun.run(pipeline, client, warm, batch, concurrency, Duration.ofMinutes(5), null);
        log.info("warm-up: {}", warmed);
        ThroughputRun.Result result = ThroughputRun.run(
                pipeline,
                client,
                load,
                batch,
                concurrency,
                Duration.ofMinutes(15),
                context.env().profile() ? runId : null);
        log.info("measured: {}", result);
        return new Measured(warmed, result);
    }

    static String markdown(Baseline.Figures raw, ThroughputRun.Result r, double ratio, int customers) {
        StringBuilder md = new StringBuilder();
        md.append(Baseline.markdown(raw)).append("\n");
        md.append(String.format(
                "Pipeline: %s mentions (%s customers, Zipf-skewed, 4 tenants) posted to ingest as %s requests of %d by"
                        + " %d concurrent clients, after a warm-up; clock stops when journey has committed every"
                        + " mention (journey state visible to read_committed readers).%n%n",
                Markdown.count(r.sent()), Markdown.count(customers), r.ingestMode(), r.batchSize(), r.concurrency()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("accepted by ingest", Markdown.count(r.accepted()), ""));
        rows.add(List.of(
                "ingest acceptance rate",
                Markdown.count(r.ingestRate()) + " mentions/s",
                "in " + Markdown.number(r.ingestSeconds(), 1) + " s"));
        rows.add(List.of(
                "**end-to-end rate** (acceptance → journey state)",
                "**" + Markdown.count(r.endToEndRate()) + " mentions/s**",
                "in " + Markdown.number(r.endToEndSeconds(), 1) + " s" + (r.completed() ? "" : " (DID NOT FINISH)")));
        rows.add(List.of("classifier caught up at", Markdown.number(r.classifierSeconds(), 1) + " s", ""));
        rows.add(List.of(
                "**ratio to raw producer**",
                "**" + Markdown.number(ratio, 3) + " ×**",
                "raw " + Markdown.count(raw.producer().recordsPerSec()) + " records/s"));
        rows.add(List.of(
                "target ≥ 15,000 mentions/s",
                Markdown.verdict(r.endToEndRate() >= TARGET_RATE),
                Markdown.count(r.endToEndRate()) + " mentions/s"));
        rows.add(List.of(
                "target ≥ 0.20 × raw producer",
                Markdown.verdict(ratio >= TARGET_RATIO),
                Markdown.number(ratio, 3) + " ×"));
        md.append(Markdown.table(List.of("figure", "value", "note"), rows));
        if (r.firstProblem() != null) {
            md.append("\nFirst refusal/problem seen: `")
                    .append(r.firstProblem().replace('\n', ' ').replace('`', '\''))
                    .append("`\n");
        }
        md.append("\n").append(rssTable(r.rss(), r.accepted()));
        return md.toString();
    }

    static String rssTable(List<ResourceSampler.Rss> rss, long mentions) {
        return "Memory and CPU of each JVM over the measured window (RSS: median of the window's second half, and"
                + " max; CPU: user + system seconds used in the window, and the mentions it handled per CPU-second,"
                + " which is the load-independent cost):\n\n"
                + Markdown.table(
                        List.of("process", "RSS median MiB", "RSS max MiB", "CPU s", "mentions per CPU-second"),
                        rss.stream()
                                .map(r -> List.of(
                                        r.process(),
                                        Markdown.number(r.medianMiB(), 0),
                                        Markdown.number(r.maxMiB(), 0),
                                        Markdown.number(r.cpuSeconds(), 1),
                                        Markdown.count(mentions / r.cpuSeconds())))
                                .toList());
    }
}
