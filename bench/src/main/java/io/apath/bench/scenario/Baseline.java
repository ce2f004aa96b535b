package io.apath.bench.scenario;

import io.apath.bench.load.GeneratedMention;
import io.apath.bench.pipeline.Pipeline;
import io.apath.bench.report.Markdown;
import io.apath.bench.report.ScenarioResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Raw Kafka on A-Path's broker (its own JVM, as in the pipeline scenarios): Kafka's ProducerPerformance with ingest's
 * producer settings and real mention records as payloads, ConsumerPerformance over the same records, and
 * EndToEndLatency with records of the same size.
 */
final class Baseline implements Scenario {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Figures(
            KafkaTools.ProducerResult producer,
            KafkaTools.ConsumerResult consumer,
            KafkaTools.EndToEndResult endToEnd,
            int recordSize) {}

    @Override
    public String name() {
        return "baseline";
    }

    @Override
    public ScenarioResult run(Context context) {
        int records = context.options().integer("records", 500_000);
        try (Pipeline pipeline = Pipeline.startBroker(context.env())) {
            Figures figures =
                    measure(context, pipeline, records, context.options().integer("e2e-records", 2_000));
            ObjectNode json = JSON.createObjectNode();
            json.put("broker", "A-Path in-process KRaft broker in its own JVM (-Xmx1g)");
            json.set("raw", JSON.valueToTree(figures));
            return new ScenarioResult(name(), json, markdown(figures), Map.of());
        }
    }

    /** Also used by the pipeline scenarios to get the reference on their own broker, in the same run. */
    static Figures measure(Context context, Pipeline pipeline, int records, int e2eRecords) {
        List<GeneratedMention> sample =
                context.generator("baseline", 50_000, 20_000).take(20_000);
        Path payloads = context.payloadFile(sample);
        int size = Context.averageRecordSize(sample);
        KafkaTools tools = new KafkaTools(pipeline.bootstrap(), context.env().benchClasspath(), pipeline.dir());
        tools.createTopic("bench-raw");
        tools.createTopic("bench-e2e");
        // records == 0: only the round trip is wanted (the latency scenario)
        KafkaTools.ProducerResult producer = records == 0 ? null : tools.producer("bench-raw", records, payloads);
        KafkaTools.ConsumerResult consumer = records == 0 ? null : tools.consumer("bench-raw", records);
        KafkaTools.EndToEndResult e2e = tools.endToEnd("bench-e2e", e2eRecords, size);
        return new Figures(producer, consumer, e2e, size);
    }

    static String markdown(Figures f) {
        return "Raw Kafka reference (Kafka's own tools, same broker, real mention records, average "
                + f.recordSize()
                + " B; producer: acks=all, idempotent, lz4, linger.ms=5 — ingest's settings):\n\n"
                + Markdown.table(
                        List.of("tool", "records", "records/s", "MB/s", "latency"),
                        List.of(
                                List.of(
                                        "ProducerPerformance",
                                        Markdown.count(f.producer().records()),
                                        "**" + Markdown.count(f.producer().recordsPerSec()) + "**",
                                        Markdown.number(f.producer().mbPerSec(), 1),
                                        "avg " + Markdown.number(f.producer().avgMs(), 1) + " ms, p99 "
                                                + Markdown.number(f.producer().p99Ms(), 0) + " ms (batching)"),
                                List.of(
                                        "ConsumerPerformance",
                                        Markdown.count(f.consumer().records()),
                                        Markdown.count(f.consumer().recordsPerSec()),
                                        Markdown.number(f.consumer().mbPerSec(), 1),
                                        ""),
                                List.of(
                                        "EndToEndLatency (one at a time)",
                                        Markdown.count(f.endToEnd().records()),
                                        "",
                                        "",
                                        "p50 " + Markdown.number(f.endToEnd().p50Ms(), 1) + " ms, p99 "
                                                + Markdown.number(f.endToEnd().p99Ms(), 1) + " ms")));
    }
}
