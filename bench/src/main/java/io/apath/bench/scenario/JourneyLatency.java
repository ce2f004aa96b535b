package io.apath.bench.scenario;

import io.apath.bench.load.GeneratedMention;
import io.apath.bench.load.MentionGenerator;
import io.apath.bench.load.SyntheticClassification;
import io.apath.bench.pipeline.JourneyStateWatch;
import io.apath.bench.pipeline.KafkaProgress;
import io.apath.bench.pipeline.Pipeline;
import io.apath.bench.pipeline.ResourceSampler;
import io.apath.bench.pipeline.Service;
import io.apath.bench.pipeline.ServiceInstance;
import io.apath.bench.report.Markdown;
import io.apath.bench.report.ScenarioResult;
import io.apath.bench.stats.LatencyTracker;
import io.apath.bench.stats.Percentiles;
import io.apath.contracts.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Journey alone at fixed rates: classified mentions written straight to {@code mentions-classified.v1} (open loop, a
 * batch every 5 ms) while one journey instance runs; latency from the send to the journey update being visible to a
 * read_committed reader of {@code journey-state.v1}. Separates journey's own latency (commit interval, transactions)
 * from ingest's and the classifier's, which {@code pipeline-latency} includes.
 */
final class JourneyLatency implements Scenario {

    private static final Logger log = LoggerFactory.getLogger(JourneyLatency.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Step(
            int rate, double achieved, Percentiles.Summary latency, long unsettled, List<ResourceSampler.Rss> rss) {}

    @Override
    public String name() {
        return "journey-latency";
    }

    @Override
    public ScenarioResult run(Context context) throws Exception {
        List<Integer> rates = new ArrayList<>();
        for (String r : context.options().string("rates", "100,1000,2000").split(",")) {
            rates.add(Integer.parseInt(r.trim()));
        }
        int duration = context.options().integer("duration", 20);
        int warmup = context.options().integer("warmup", 5);
        int customers = context.options().integer("customers", 100_000);
        int prewarm = context.options().integer("prewarm", 30);
        int prewarmRate = context.options().integer("prewarm-rate", 1000);
        List<Step> steps = new ArrayList<>();
        try (Pipeline pipeline = Pipeline.startBroker(context.env())) {
            ServiceInstance journey =
                    pipeline.launch(Service.JOURNEY, 0, pipeline.dir().resolve("journey-state-0"));
            Pipeline.awaitReady(journey);
            if (prewarm > 0) {
                // A cold JVM measures JIT compilation: p50 34 s at 2,000/s cold vs under 100 ms warm.
                Step warm = step(
                        pipeline,
                        context.generator("jl-prewarm", customers, (long) prewarmRate * prewarm + 16),
                        prewarmRate,
                        1,
                        prewarm);
                log.info("pre-warm, not reported: {}", warm);
            }
            for (int i = 0; i < rates.size(); i++) {
                int rate = rates.get(i);
                // A run id per step: the same rate twice must not replay the same mentions (duplicates change nothing).
                MentionGenerator generator =
                        context.generator("jl" + i + "-" + rate, customers, (long) rate * (duration + warmup) + 16);
                Step step = step(pipeline, generator, rate, duration, warmup);
                log.info("{}/s: {}", rate, step);
                steps.add(step);
            }
        }
        ObjectNode json = JSON.createObjectNode();
        ArrayNode array = json.putArray("steps");
        steps.forEach(s -> array.add(JSON.valueToTree(s)));
        List<List<String>> rows = new ArrayList<>();
        for (Step s : steps) {
            double cpu = s.rss().stream()
                    .filter(r -> r.process().startsWith("journey"))
                    .mapToDouble(ResourceSampler.Rss::cpuSeconds)
                    .sum();
            rows.add(List.of(
                    Markdown.count(s.rate()),
                    Markdown.count(s.achieved()),
                    Markdown.count(s.latency().count()),
                    Markdown.number(s.latency().p50(), 0),
                    Markdown.number(s.latency().p95(), 0),
                    "**" + Markdown.number(s.latency().p99(), 0) + "**",
                    Markdown.number(s.latency().max(), 0),
                    Markdown.count(s.unsettled()),
                    Markdown.number(cpu, 1)));
        }
        String md = String.format(
                        "Journey alone (own JVM, %s): classified mentions written straight to"
                                + " `mentions-classified.v1` at fixed rates (open loop, %d s measured after %d s"
                                + " warm-up per rate, Zipf-skewed customers, synthetic confident classifications as in"
                                + " `stage-state`); latency from the send to the journey update visible to a"
                                + " read_committed reader. No ingest, no classifier. Before the first rate: %d s at"
                                + " %d/s, not reported (JIT warm-up).%n%n",
                        Service.JOURNEY.heap(), duration, warmup, prewarm, prewarmRate)
                + Markdown.table(
                        List.of(
                                "rate/s",
                                "achieved/s",
                                "matched",
                                "p50 ms",
                                "p95 ms",
                                "p99 ms",
                                "max ms",
                                "unsettled",
                                "journey CPU s"),
                        rows);
        return new ScenarioResult(name(), json, md, Map.of());
    }

    private static Step step(Pipeline pipeline, MentionGenerator generator, int rate, int duration, int warmup)
            throws InterruptedException {
        LatencyTracker tracker = new LatencyTracker();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5"); // the classifier's setting
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        SplittableRandom random = new SplittableRandom(rate);
        long sent = 0;
        long measuredSent = 0;
        double measuredSeconds;
        List<ResourceSampler.Rss> rss;
        try (JourneyStateWatch watch = new JourneyStateWatch(pipeline.bootstrap(), tracker::visible);
                KafkaProducer<String, byte[]> producer =
                        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
                KafkaProgress progress = new KafkaProgress(pipeline.bootstrap())) {
            long start = System.nanoTime();
            long measureFrom = start + Duration.ofSeconds(warmup).toNanos();
            long end = measureFrom + Duration.ofSeconds(duration).toNanos();
            ResourceSampler sampler = null;
            long tick = 5_000_000L;
            double perTick = rate * 0.005;
            double owed = 0;
            for (long next = start; next < end; next += tick) {
                long now = System.nanoTime();
                if (next > now) {
                    Thread.sleep((next - now) / 1_000_000, (int) ((next - now) % 1_000_000));
                }
                boolean measured = next >= measureFrom;
                if (measured && sampler == null) {
                    sampler = new ResourceSampler(() -> ThroughputRun.processes(pipeline));
                }
                owed += perTick;
                for (; owed >= 1; owed--) {
                    GeneratedMention m = generator.next();
                    Instant received = Instant.now();
                    tracker.accepted(m.customerKey(), m.createdAt(), System.nanoTime(), measured);
                    producer.send(new ProducerRecord<>(
                            Topics.MENTIONS_CLASSIFIED.name(),
                            m.customerKey(),
                            SyntheticClassification.of(m.asPublished(received), random)));
                    sent++;
                    if (measured) {
                        measuredSent++;
                    }
                }
            }
            producer.flush();
            measuredSeconds = duration;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline
                    && progress.lag(Service.JOURNEY.consumerGroup(), Topics.MENTIONS_CLASSIFIED.name()) > 0) {
                Thread.sleep(100);
            }
            Thread.sleep(1000); // the watcher's last poll
            rss = sampler == null ? List.of() : sampler.finish();
        }
        log.info("{}/s: sent {} ({} measured)", rate, sent, measuredSent);
        return new Step(rate, measuredSent / measuredSeconds, tracker.summary(), tracker.unsettled(), rss);
    }
}
