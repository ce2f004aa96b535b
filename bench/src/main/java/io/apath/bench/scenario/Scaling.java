package io.apath.bench.scenario;

import io.apath.bench.pipeline.Pipeline;
import io.apath.bench.report.Markdown;
import io.apath.bench.report.ScenarioResult;
import io.apath.bench.report.SvgChart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The throughput run with 1, 2, 3 instances each of journey and classifier (one ingest) over the 6 partitions; each
 * instance count on a fresh broker with its own raw-producer reference. On a 2-core machine more instances cannot add
 * CPU, so this shows the cost of the coordination rather than a speed-up; run it on more cores to see the scaling.
 */
final class Scaling implements Scenario {

    private static final Logger log = LoggerFactory.getLogger(Scaling.class);

    record Point(int instances, double rawProducerRate, ThroughputRun.Result result) {}

    @Override
    public String name() {
        return "scaling";
    }

    @Override
    public ScenarioResult run(Context context) {
        Options o = context.options();
        List<Integer> counts = o.integers("instances", "1,2,3");
        int mentions = o.integer("mentions", 60_000);
        int warmup = o.integer("warmup", 6_000);
        int customers = o.integer("customers", 200_000);
        List<Point> points = new ArrayList<>();
        for (int n : counts) {
            try (Pipeline pipeline = Pipeline.start(context.env(), new Pipeline.Layout(n, n, true))) {
                Baseline.Figures raw = Baseline.measure(context, pipeline, o.integer("raw-records", 200_000), 100);
                PipelineThroughput.Measured m = PipelineThroughput.measure(
                        context,
                        pipeline,
                        mentions,
                        warmup,
                        o.integer("batch", 100),
                        o.integer("concurrency", 8),
                        customers,
                        "sc" + n);
                points.add(new Point(n, raw.producer().recordsPerSec(), m.result()));
                log.info("{} instances: {} mentions/s", n, m.result().endToEndRate());
            }
        }
        ObjectNode json = Baseline.JSON.createObjectNode();
        ArrayNode array = json.putArray("points");
        points.forEach(p -> array.add(Baseline.JSON.valueToTree(p)));
        Map<String, String> plots = new LinkedHashMap<>();
        SvgChart chart = new SvgChart(
                "End-to-end throughput vs instances (journey + classifier)", "instances of each", "mentions/s", false);
        chart.series(
                "end-to-end",
                points.stream()
                        .map(p -> new double[] {p.instances(), p.result().endToEndRate()})
                        .toList());
        chart.series(
                "ingest acceptance",
                points.stream()
                        .map(p -> new double[] {p.instances(), p.result().ingestRate()})
                        .toList());
        plots.put("scaling.svg", chart.render());
        List<List<String>> rows = points.stream()
                .map(p -> List.of(
                        Integer.toString(p.instances()),
                        "**" + Markdown.count(p.result().endToEndRate()) + "**",
                        Markdown.count(p.result().ingestRate()),
                        Markdown.count(p.rawProducerRate()),
                        Markdown.number(p.result().endToEndRate() / p.rawProducerRate(), 3) + " ×",
                        p.result().completed() ? "yes" : "NO"))
                .toList();
        String md = String.format(
                        "Throughput run (%s mentions after %s warm-up, batches of 100, 8 clients) with N journey and N"
                                + " classifier JVMs over 6 partitions, one ingest, fresh broker per N.%n%n",
                        Markdown.count(mentions), Markdown.count(warmup))
                + Markdown.table(
                        List.of(
                                "instances",
                                "end-to-end mentions/s",
                                "ingest mentions/s",
                                "raw producer records/s",
                                "ratio",
                                "finished"),
                        rows)
                + "\n![throughput vs instances](scaling.svg)\n";
        return new ScenarioResult(name(), json, md, plots);
    }
}
