package io.apath.bench.scenario;

import io.apath.bench.pipeline.KafkaProgress;
import io.apath.bench.pipeline.Pipeline;
import io.apath.bench.pipeline.ResourceSampler;
import io.apath.bench.pipeline.Service;
import io.apath.bench.pipeline.ServiceInstance;
import io.apath.bench.profile.Recording;
import io.apath.bench.report.Markdown;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
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
 * One instance of one service alone, at full speed, catching up a backlog written to its input topic before it
 * started: the clock runs from the instance being ready until its consumer group's committed offsets cover the
 * backlog, and separately over the second half of the backlog (the JIT warm by then), with each JVM's RSS and CPU.
 */
final class BacklogRun {

    private static final Logger log = LoggerFactory.getLogger(BacklogRun.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Result(
            long backlog,
            double seconds,
            long warmMentions,
            double warmSeconds,
            double produceSeconds,
            List<ResourceSampler.Rss> rss) {

        double rate() {
            return backlog / seconds;
        }

        double warmRate() {
            return warmMentions / warmSeconds;
        }

        /** The figures every backlog scenario reports, for the result JSON. */
        void into(ObjectNode json) {
            json.put("produceSeconds", produceSeconds);
            json.put("backlogAtReady", backlog);
            json.put("processSeconds", seconds);
            json.put("mentionsPerSecond", rate());
            json.put("warmMentions", warmMentions);
            json.put("warmSeconds", Double.isNaN(warmSeconds) ? null : (Double) warmSeconds);
            json.put("warmMentionsPerSecond", Double.isNaN(warmRate()) ? null : (Double) warmRate());
            json.set("rss", JSON.valueToTree(rss));
        }

        /** The headline table and the RSS / CPU table. */
        String markdown(String service, String rateLabel, String target, double targetRate) {
            return Markdown.table(
                            List.of("figure", "value"),
                            List.of(
                                    List.of("backlog when " + service + " was ready", Markdown.count(backlog)),
                                    List.of("took", Markdown.number(seconds, 1) + " s"),
                                    List.of("**" + rateLabel + "**", "**" + Markdown.count(rate()) + "**"),
                                    List.of(
                                            "of which the second half of the backlog (JIT warm): mentions/s",
                                            Double.isNaN(warmRate())
                                                    ? "n/a"
                                                    : Markdown.count(warmRate()) + " ("
                                                            + Markdown.count(warmMentions) + " in "
                                                            + Markdown.number(warmSeconds, 1) + " s)"),
                                    List.of(
                                            target,
                                            Markdown.verdict(rate() >= targetRate) + " (" + Markdown.count(rate())
                                                    + "/s)")))
                    + "\n" + PipelineThroughput.rssTable(rss, backlog);
        }
    }

    private BacklogRun() {}

    /**
     * Writes {@code count} records from {@code nextRecord} to the broker, starts instance 0 of {@code service} and
     * measures it taking them from {@code topic}.
     */
    static Result run(
            Context context,
            Pipeline pipeline,
            Service service,
            String topic,
            int count,
            Supplier<ProducerRecord<String, byte[]>> nextRecord)
            throws Exception {
        long produceStart = System.nanoTime();
        produce(pipeline.bootstrap(), count, nextRecord);
        double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
        log.info("{} records written to {} in {} s", count, topic, produceSeconds);

        ServiceInstance instance = pipeline.launch(
                service, 0, service == Service.JOURNEY ? pipeline.dir().resolve("journey-state-0") : null);
        Pipeline.awaitReady(instance);
        try (KafkaProgress progress = new KafkaProgress(pipeline.bootstrap());
                ResourceSampler sampler = new ResourceSampler(() -> ThroughputRun.processes(pipeline))) {
            Recording recording = context.env().profile()
                    ? Recording.start(
                            pipeline.instances(), pipeline.dir().getParent().resolve("jfr"), service.module())
                    : null;
            long started = System.nanoTime();
            long backlog = progress.lag(service.consumerGroup(), topic);
            if (backlog < 0 || backlog > count) {
                backlog = count; // no committed offsets yet: the whole topic is ahead of the service
            }
            long deadline = started + Duration.ofMinutes(30).toNanos();
            long halfway = 0;
            long lagAtHalfway = 0;
            long lastLog = 0;
            long lag;
            while ((lag = progress.lag(service.consumerGroup(), topic)) != 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(service.module() + " did not take the backlog within 30 min");
                }
                if (halfway == 0 && lag <= backlog / 2) {
                    halfway = System.nanoTime();
                    lagAtHalfway = lag;
                }
                if (System.nanoTime() - lastLog > 5_000_000_000L) {
                    lastLog = System.nanoTime();
                    log.info("{} lag {}", service.module(), lag);
                }
                Thread.sleep(100);
            }
            long finished = System.nanoTime();
            if (recording != null) {
                recording.stop();
            }
            return new Result(
                    backlog,
                    (finished - started) / 1e9,
                    lagAtHalfway,
                    halfway == 0 ? Double.NaN : (finished - halfway) / 1e9,
                    produceSeconds,
                    sampler.finish());
        }
    }

    private static void produce(String bootstrap, int count, Supplier<ProducerRecord<String, byte[]>> nextRecord) {
        try (KafkaProducer<String, byte[]> producer = backlogProducer(bootstrap)) {
            for (int i = 0; i < count; i++) {
                producer.send(nextRecord.get());
            }
            producer.flush();
        }
    }

    /** A producer for writing a large backlog fast: big compressed batches, acknowledged by every replica. */
    static KafkaProducer<String, byte[]> backlogProducer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
