package io.apath.bench.scenario;

import io.apath.bench.load.GeneratedMention;
import io.apath.bench.load.MentionGenerator;
import io.apath.bench.load.SyntheticClassification;
import io.apath.bench.pipeline.Pipeline;
import io.apath.bench.pipeline.Service;
import io.apath.bench.report.Markdown;
import io.apath.bench.report.ScenarioResult;
import io.apath.contracts.Topics;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One journey instance alone, at full speed: {@code mentions} classified mentions (Zipf-skewed customers, so most
 * mentions update an existing journey, with replies and follows as the generator makes them) are written to
 * {@code mentions-classified.v1} before journey starts; the clock runs from journey being ready until its committed
 * offsets cover the backlog ({@link BacklogRun}). Measures classified mentions/s of one instance (issue 5: ≥
 * 20,000/s), its CPU per mention and its RSS.
 */
final class JourneyThroughput implements Scenario {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double TARGET_RATE = 20_000;

    @Override
    public String name() {
        return "journey-throughput";
    }

    @Override
    public ScenarioResult run(Context context) throws Exception {
        int mentions = context.options().integer("mentions", 300_000);
        int customers = context.options().integer("customers", 100_000);
        try (Pipeline pipeline = Pipeline.startBroker(context.env())) {
            MentionGenerator generator = context.generator("jt", customers, mentions + 16);
            SplittableRandom random = new SplittableRandom(17);
            Instant now = Instant.now();
            BacklogRun.Result run = BacklogRun.run(
                    context, pipeline, Service.JOURNEY, Topics.MENTIONS_CLASSIFIED.name(), mentions, () -> {
                        GeneratedMention m = generator.next();
                        return new ProducerRecord<>(
                                Topics.MENTIONS_CLASSIFIED.name(),
                                m.customerKey(),
                                SyntheticClassification.of(m.asPublished(now), random));
                    });
            ObjectNode json = JSON.createObjectNode();
            json.put("mentions", mentions);
            json.put("customers", customers);
            json.put("classification", "synthetic, as stage-state: brand-relevant intents, confident");
            run.into(json);
            json.put("journeyHeap", Service.JOURNEY.heap());
            String md = String.format(
                            "Journey alone (own JVM, %s) catching up a backlog: %s classified mentions (%s customers,"
                                    + " Zipf-skewed, 4 tenants; synthetic confident brand-relevant classifications as"
                                    + " in `stage-state`) written to `mentions-classified.v1` before it started; the"
                                    + " clock runs from journey ready until its committed offsets cover the backlog"
                                    + " (every journey update visible to read_committed readers).%n%n",
                            Service.JOURNEY.heap(), Markdown.count(mentions), Markdown.count(customers))
                    + run.markdown(
                            "journey",
                            "classified mentions/s, one instance",
                            "target ≥ 20,000/s (issue 5)",
                            TARGET_RATE);
            return new ScenarioResult(name(), json, md, Map.of());
        }
    }
}
