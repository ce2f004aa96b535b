package io.apath.bench.scenario;

import io.apath.bench.load.GeneratedMention;
import io.apath.bench.load.MentionGenerator;
import io.apath.bench.pipeline.KafkaProgress;
import io.apath.bench.pipeline.Pipeline;
import io.apath.bench.pipeline.ResourceSampler;
import io.apath.bench.pipeline.Service;
import io.apath.bench.pipeline.ServiceInstance;
import io.apath.bench.profile.Recording;
import io.apath.bench.report.Markdown;
import io.apath.bench.report.ScenarioResult;
import io.apath.contracts.Topics;
import java.time.Duration;
import java.time.Instant;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * One journey instance alone, at full speed: {@code mentions} classified mentions (Zipf-skewed customers, so most
 * mentions update an existing journey, with replies and follows as the generator makes them) are written to
 * {@code mentions-classified.v1} before journey starts; the clock runs from journey being ready until its committed
 * offsets cover the backlog. Measures classified mentions/s of one instance (issue 5: ≥ 20,000/s), its CPU per
 * mention and its RSS.
 */
final class JourneyThroughput implements Scenario {

    private static final Logger log = LoggerFactory.getLogger(JourneyThroughput.class);
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
            long produceStart = System.nanoTime();
            produce(pipeline.bootstrap(), generator, mentions);
            double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
            log.info("{} classified mentions written in {} s", mentions, produceSeconds);

            ServiceInstance journey =
                    pipeline.launch(Service.JOURNEY, 0, pipeline.dir().resolve("journey-state-0"));
            Pipeline.awaitReady(journey);
            double seconds;
            long backlog;
            // The second half of the backlog, after the JIT has compiled the hot paths: the steady rate.
            long halfway = 0;
            long lagAtHalfway = 0;
            double warmSeconds;
            List<ResourceSampler.Rss> rss;
            try (KafkaProgress progress = new KafkaProgress(pipeline.bootstrap());
                    ResourceSampler sampler = new ResourceSampler(() -> ThroughputRun.processes(pipeline))) {
                Recording recording = context.env().profile()
                        ? Recording.start(
                                pipeline.instances(), pipeline.dir().getParent().resolve("jfr"), "jt")
                        : null;
                long started = System.nanoTime();
                backlog = progress.lag(Service.JOURNEY.consumerGroup(), Topics.MENTIONS_CLASSIFIED.name());
                if (backlog < 0 || backlog > mentions) {
                    backlog = mentions; // no committed offsets yet: the whole topic is ahead of journey
                }
                long deadline = started + Duration.ofMinutes(30).toNanos();
                long lastLog = 0;
                long lag;
                while ((lag = progress.lag(Service.JOURNEY.consumerGroup(), Topics.MENTIONS_CLASSIFIED.name())) != 0) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("journey did not take the backlog within 30 min");
                    }
                    if (halfway == 0 && lag <= backlog / 2) {
                        halfway = System.nanoTime();
                        lagAtHalfway = lag;
                    }
                    if (System.nanoTime() - lastLog > 5_000_000_000L) {
                        lastLog = System.nanoTime();
                        log.info("journey lag {}", lag);
                    }
                    Thread.sleep(100);
                }
                long finished = System.nanoTime();
                seconds = (finished - started) / 1e9;
                warmSeconds = halfway == 0 ? Double.NaN : (finished - halfway) / 1e9;
                if (recording != null) {
                    recording.stop();
                }
                rss = sampler.finish();
            }
            double rate = backlog / seconds;
            double warmRate = lagAtHalfway / warmSeconds;
            ObjectNode json = JSON.createObjectNode();
            json.put("mentions", mentions);
            json.put("customers", customers);
            json.put("classification", "synthetic, as stage-state: brand-relevant intents, confident");
            json.put("produceSeconds", produceSeconds);
            json.put("backlogAtReady", backlog);
            json.put("processSeconds", seconds);
            json.put("mentionsPerSecond", rate);
            json.put("warmMentions", lagAtHalfway);
            json.put("warmSeconds", Double.isNaN(warmSeconds) ? null : (Double) warmSeconds);
            json.put("warmMentionsPerSecond", Double.isNaN(warmRate) ? null : (Double) warmRate);
            json.set("rss", JSON.valueToTree(rss));
            json.put("journeyHeap", Service.JOURNEY.heap());
            StringBuilder md = new StringBuilder();
            md.append(String.format(
                    "Journey alone (own JVM, %s) catching up a backlog: %s classified mentions (%s customers,"
                            + " Zipf-skewed, 4 tenants; synthetic confident brand-relevant classifications as in"
                            + " `stage-state`) written to `mentions-classified.v1` before it started; the clock runs"
                            + " from journey ready until its committed offsets cover the backlog (every journey"
                            + " update visible to read_committed readers).%n%n",
                    Service.JOURNEY.heap(), Markdown.count(mentions), Markdown.count(customers)));
            md.append(Markdown.table(
                    List.of("figure", "value"),
                    List.of(
                            List.of("backlog when journey was ready", Markdown.count(backlog)),
                            List.of("took", Markdown.number(seconds, 1) + " s"),
                            List.of("**classified mentions/s, one instance**", "**" + Markdown.count(rate) + "**"),
                            List.of(
                                    "of which the second half of the backlog (JIT warm): mentions/s",
                                    Double.isNaN(warmRate)
                                            ? "n/a"
                                            : Markdown.count(warmRate) + " (" + Markdown.count(lagAtHalfway) + " in "
                                                    + Markdown.number(warmSeconds, 1) + " s)"),
                            List.of(
                                    "target ≥ 20,000/s (issue 5)",
                                    Markdown.verdict(rate >= TARGET_RATE) + " (" + Markdown.count(rate) + "/s)"))));
            md.append("\n").append(PipelineThroughput.rssTable(rss, backlog));
            return new ScenarioResult(name(), json, md.toString(), Map.of());
        }
    }

    private static void produce(String bootstrap, MentionGenerator generator, int mentions) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        SplittableRandom random = new SplittableRandom(17);
        Instant now = Instant.now();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < mentions; i++) {
                GeneratedMention m = generator.next();
                producer.send(new ProducerRecord<>(
                        Topics.MENTIONS_CLASSIFIED.name(),
                        m.customerKey(),
                        StageState.classified(m.asPublished(now), random)));
            }
            producer.flush();
        }
    }
}
