package io.apath.bench.scenario;

import io.apath.bench.jmh.JourneyWorkBenchmark;
import io.apath.bench.report.Markdown;
import io.apath.bench.report.ScenarioResult;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Journey's own CPU per classified mention, without Kafka: JMH ({@link JourneyWorkBenchmark}) in a forked JVM, one
 * thread, on {@code journey-throughput}'s load. It tells a change to A-Path's journey code apart from the VM's mood,
 * which moves {@code journey-throughput}'s rate by a third from one hour to the next; comparing the two says how much
 * of journey's cost is its own code and how much Kafka Streams, the producer and RocksDB. No broker or service JVM is
 * started.
 */
final class JourneyWork implements Scenario {

    /** Issue 5's 20,000 mentions/s on one core would leave 50 µs per mention for everything. */
    private static final double TARGET_RATE = 20_000;

    @Override
    public String name() {
        return "journey-work";
    }

    @Override
    public ScenarioResult run(Context context) throws Exception {
        Options options = context.options();
        Map<String, String> params = Map.of(
                "mentions", String.valueOf(options.integer("mentions", 300_000)),
                "customers", String.valueOf(options.integer("customers", 100_000)),
                "zipf", options.string("zipf", "1.05"));
        JmhRun run = JmhRun.run(options, JourneyWorkBenchmark.class, "replayBacklog", 0, params);
        ObjectNode json = run.json();
        params.forEach(json::put);
        int mentions = Integer.parseInt(params.get("mentions"));
        JmhRun.Score backlog = run.scores().get(0); // seconds per backlog, one shot each
        double rate = mentions / backlog.score();
        json.put("mentionsPerSecond", rate);
        String md = String.format(
                        "JMH, journey's own work per classified mention (input JSON, state decode, policy and CEL"
                                + " rules, state encode, `journey-state.v1` JSON, events' JSON) on a `HashMap` store,"
                                + " one thread; %s mentions over %s Zipf-skewed customers (exponent %s), as"
                                + " `journey-throughput` writes them, replayed into empty journeys once per"
                                + " measurement; %s.%n%n",
                        Markdown.count(mentions),
                        Markdown.count(Integer.parseInt(params.get("customers"))),
                        params.get("zipf"),
                        run.settings())
                + Markdown.table(
                        List.of(
                                "benchmark",
                                "s per backlog",
                                "mentions/s on one core (interval)",
                                "CPU per mention",
                                "share of the 50 µs a mention may take at 20,000/s on one core"),
                        List.of(List.of(
                                "**" + backlog.benchmark() + "**",
                                Markdown.number(backlog.score(), 2) + " ± " + Markdown.number(backlog.error(), 2),
                                "**" + Markdown.count(rate) + "** (" + Markdown.count(mentions / backlog.high()) + "–"
                                        + (backlog.low() > 0 ? Markdown.count(mentions / backlog.low()) : "∞") + ")",
                                Markdown.number(1e6 / rate, 1) + " µs",
                                Markdown.number(100 * TARGET_RATE / rate, 0) + " %")));
        return new ScenarioResult(name(), json, md, Map.of());
    }
}
