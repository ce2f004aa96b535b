package io.apath.bench.scenario;

import io.apath.bench.load.GeneratedMention;
import io.apath.bench.load.MentionGenerator;
import io.apath.bench.pipeline.Pipeline;
import io.apath.bench.pipeline.Service;
import io.apath.bench.report.Markdown;
import io.apath.bench.report.ScenarioResult;
import io.apath.contracts.Topics;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One classifier instance alone, at full speed: {@code mentions} raw mentions (the generator's texts, as ingest would
 * have published them) are written to {@code mentions.v1} before the classifier starts; the clock runs from it being
 * ready until its committed offsets cover the backlog ({@link BacklogRun}), i.e. every mention classified and its
 * {@code mentions-classified.v1} record acknowledged. Measures mentions/s through Kafka (issue 4: ≥ 20,000/s), CPU per
 * mention and RSS; {@code --classifier-arg=--apath.classifier.second-opinion.enabled=true} measures the optional
 * second opinion's cost.
 */
final class ClassifierThroughput implements Scenario {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double TARGET_RATE = 20_000;

    @Override
    public String name() {
        return "classifier-throughput";
    }

    @Override
    public ScenarioResult run(Context context) throws Exception {
        int mentions = context.options().integer("mentions", 300_000);
        int customers = context.options().integer("customers", 100_000);
        try (Pipeline pipeline = Pipeline.startBroker(context.env())) {
            MentionGenerator generator = context.generator("ct", customers, mentions + 16);
            Instant now = Instant.now();
            BacklogRun.Result run =
                    BacklogRun.run(context, pipeline, Service.CLASSIFIER, Topics.MENTIONS.name(), mentions, () -> {
                        GeneratedMention m = generator.next();
                        return new ProducerRecord<>(
                                Topics.MENTIONS.name(), m.customerKey(), JSON.writeValueAsBytes(m.asPublished(now)));
                    });
            ObjectNode json = JSON.createObjectNode();
            json.put("mentions", mentions);
            json.put("customers", customers);
            run.into(json);
            json.put("classifierHeap", Service.CLASSIFIER.heap());
            String md = String.format(
                            "Classifier alone (own JVM, %s) catching up a backlog: %s mentions (the generator's"
                                    + " texts, %s customers, 4 tenants) written to `mentions.v1` before it started;"
                                    + " the clock runs from the classifier ready until its committed offsets cover the"
                                    + " backlog (every classified mention acknowledged by the broker).%n%n",
                            Service.CLASSIFIER.heap(), Markdown.count(mentions), Markdown.count(customers))
                    + run.markdown(
                            "the classifier",
                            "mentions/s through Kafka, one instance",
                            "target ≥ 20,000/s (issue 4)",
                            TARGET_RATE);
            return new ScenarioResult(name(), json, md, Map.of());
        }
    }
}
