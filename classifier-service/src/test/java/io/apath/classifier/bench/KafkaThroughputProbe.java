package io.apath.classifier.bench;

import io.apath.classifier.Mentions;
import io.apath.localkafka.InProcessKafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The classifier through Kafka, alone: an in-process broker (this JVM) pre-loaded with {@code N} mentions on
 * {@code mentions.v1} (real texts from the test data, 5,000 customers), then ONE service JVM started from the boot jar
 * ({@code java -Xmx128m -XX:+UseSerialGC -jar <exec.jar>}), which classifies the backlog. Rate = N / (last − first
 * output record timestamp) on {@code mentions-classified.v1}, and over the second half of the outputs alone (the JIT
 * warm: in a 300,000 backlog the compiler threads use about as much CPU as the listener); the service's CPU seconds
 * come from {@code /proc} (in
 * total, and from its first output to its last, which leaves out start-up and is less sensitive to a shared machine).
 * A measurement run by hand (see BENCHMARKS.md), not a test:
 * {@code java -cp "target/test-classes:target/classes:$(cat cp.txt)" io.apath.classifier.bench.KafkaThroughputProbe
 * target/classifier-service-0.1.0-SNAPSHOT-exec.jar 100000}
 *
 * <p>Every wait is bounded: the pre-load fails on the first send error or if not every record is acknowledged within
 * {@link #PRELOAD_TIMEOUT}; the service must produce its first output within {@link #START_TIMEOUT}, must not stall
 * for {@link #STALL_TIMEOUT} and must finish within {@link #TOTAL_TIMEOUT}; if the service process exits early the
 * probe stops. Failures end with exit status 1, a message saying which wait ran out, and the tail of the service log.
 */
public final class KafkaThroughputProbe {

    static final Duration PRELOAD_TIMEOUT = Duration.ofMinutes(3);
    static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);
    static final Duration TOTAL_TIMEOUT = Duration.ofMinutes(15);

    /** Records sent but not yet acknowledged, at most: keeps the producer's buffer from filling and blocking. */
    private static final int MAX_UNACKNOWLEDGED = 20_000;

    private KafkaThroughputProbe() {}

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (ProbeFailed e) {
            // thrown, not exited, so the service process and the broker are stopped first
            System.err.println("KafkaThroughputProbe FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    /** A bounded wait ran out or a step failed; the message says which. */
    static final class ProbeFailed extends RuntimeException {
        ProbeFailed(String message) {
            super(message);
        }
    }

    private static void run(String[] args) throws Exception {
        if (args.length < 1) {
            fail("usage: KafkaThroughputProbe <classifier-service exec jar> [mentions, default 100000]"
                    + " [--service-argument ...]");
        }
        String jar = args[0];
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        // anything after the count goes to the service as it is, e.g. a binding setting to compare
        List<String> serviceArguments = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        if (!Files.isRegularFile(Path.of(jar))) {
            fail("no such jar: " + jar + " (build it with ./mvnw -pl classifier-service -am package -DskipTests)");
        }
        Path dir = Files.createTempDirectory("classifier-probe");
        try (InProcessKafkaBroker broker = InProcessKafkaBroker.start(dir.resolve("kafka"), 0)) {
            String bootstrap = broker.bootstrapServers();
            // the topics exist once the controller has them; the broker leads their partitions a little later
            for (String topic : List.of("mentions.v1", "mentions-classified.v1")) {
                if (endOffsetSum(bootstrap, topic) != 0) {
                    fail(topic + " is not empty on a new broker");
                }
            }
            preload(bootstrap, n);
            long backlog = endOffsetSum(bootstrap, "mentions.v1");
            if (backlog != n) {
                fail("mentions.v1 holds " + backlog + " records after pre-loading " + n);
            }
            System.out.printf(Locale.ROOT, "pre-loaded %d mentions on mentions.v1 (end offsets sum %d)%n", n, backlog);
            measure(jar, bootstrap, dir.resolve("service.log"), n, serviceArguments);
        }
    }

    /**
     * Writes {@code n} mentions and waits for every acknowledgement (a send error fails the probe at once: records are
     * never lost silently). Why not the producer defaults: an idempotent producer with several requests in flight to a
     * partition the broker has only just started to lead can lose a batch for good (KAFKA-15591, also KAFKA-14312,
     * KAFKA-19880): request A fails with the retriable NOT_LEADER_OR_FOLLOWER, request B right behind it is appended as
     * the partition's first batch, and every retry of A is then rejected with OutOfOrderSequenceException until
     * {@code delivery.timeout.ms} expires it. That is the likely cause of the pre-load's OutOfOrderSequenceException of
     * 2026-12-01, after which the probe waited for records that never came (not reproduced since; later runs with the
     * old settings logged the NOT_LEADER_OR_FOLLOWER retries on the first batches, but lost nothing). So: the
     * partitions are checked to answer (end offsets) first, and the producer is idempotent with {@code acks=all} and
     * ONE request in flight, so no batch can overtake another; batches of 256 KB keep that fast. The number of
     * unacknowledged records is bounded so the producer's buffer never fills.
     */
    private static void preload(String bootstrap, int n) throws Exception {
        ObjectMapper json = JsonMapper.builder().build();
        List<String> texts = PredictionBenchmark.texts();
        Properties p = new Properties();
        p.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1",
                ProducerConfig.LINGER_MS_CONFIG, "20",
                ProducerConfig.BATCH_SIZE_CONFIG, "262144",
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(PRELOAD_TIMEOUT.toMillis()));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "60000");
        Semaphore window = new Semaphore(MAX_UNACKNOWLEDGED);
        AtomicLong acknowledged = new AtomicLong();
        AtomicReference<Exception> error = new AtomicReference<>();
        long deadline = System.nanoTime() + PRELOAD_TIMEOUT.toNanos();
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < n && error.get() == null; i++) {
                if (!window.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    break;
                }
                var m = Mentions.post("probe", "c" + (i % 5000), "m-" + i, texts.get(i % texts.size()));
                producer.send(
                        new ProducerRecord<>("mentions.v1", m.customerKey().value(), json.writeValueAsBytes(m)),
                        (metadata, e) -> {
                            if (e != null) {
                                error.compareAndSet(null, e);
                            } else {
                                acknowledged.incrementAndGet();
                            }
                            window.release();
                        });
            }
            // every send completes (acknowledged or failed) within delivery.timeout.ms; wait no longer than the
            // deadline
            boolean drained = window.tryAcquire(
                    MAX_UNACKNOWLEDGED, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (error.get() != null) {
                fail("pre-load failed after " + acknowledged.get() + " of " + n + " acknowledged: " + error.get());
            }
            if (!drained || acknowledged.get() != n) {
                fail("pre-load did not finish within " + PRELOAD_TIMEOUT + ": " + acknowledged.get() + " of " + n
                        + " acknowledged");
            }
        }
        System.out.printf(Locale.ROOT, "pre-load: %d acknowledged in %.1f s%n", n, (System.nanoTime() - started) / 1e9);
    }

    private static void measure(String jar, String bootstrap, Path log, int n, List<String> serviceArguments)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "java",
                "-Xmx128m",
                "-XX:+UseSerialGC",
                "-jar",
                jar,
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.cloud.stream.kafka.binder.brokers=" + bootstrap));
        command.addAll(serviceArguments);
        Process service = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Thread stopService = new Thread(service::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(stopService); // the probe killed: don't leave the service running
        long launched = System.nanoTime();
        try {
            long first = Long.MAX_VALUE;
            long last = 0;
            long seen = 0;
            long firstSeenNanos = 0;
            long lastSeenNanos = 0;
            double cpuAtFirst = 0;
            // every output's timestamp, for the rate over the second half of the backlog, when the JIT is warm
            long[] stamps = new long[Math.toIntExact(n)];
            Properties c = new Properties();
            c.putAll(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG,
                    "probe",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                    "earliest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class.getName(),
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    ByteArrayDeserializer.class.getName()));
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c)) {
                consumer.subscribe(List.of("mentions-classified.v1"));
                long deadline = launched + TOTAL_TIMEOUT.toNanos();
                while (seen < n) {
                    long now = System.nanoTime();
                    if (!service.isAlive()) {
                        fail(
                                "the service exited with status " + service.exitValue() + " after " + seen + " of " + n
                                        + " outputs",
                                log);
                    }
                    if (seen == 0 && now - launched > START_TIMEOUT.toNanos()) {
                        fail("no output within " + START_TIMEOUT + " of starting the service", log);
                    }
                    if (seen > 0 && now - lastSeenNanos > STALL_TIMEOUT.toNanos()) {
                        fail("no new output for " + STALL_TIMEOUT + " after " + seen + " of " + n, log);
                    }
                    if (now > deadline) {
                        fail("not done within " + TOTAL_TIMEOUT + ": " + seen + " of " + n + " outputs", log);
                    }
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        first = Math.min(first, r.timestamp());
                        last = Math.max(last, r.timestamp());
                        if (seen < stamps.length) {
                            stamps[(int) seen] = r.timestamp();
                        }
                        seen++;
                        lastSeenNanos = System.nanoTime();
                        if (firstSeenNanos == 0) {
                            firstSeenNanos = lastSeenNanos;
                            cpuAtFirst = cpuSeconds(service.pid()); // start-up, model load and the first batch
                        }
                    }
                }
            }
            double cpu = cpuSeconds(service.pid());
            double seconds = (last - first) / 1000.0;
            int counted = (int) Math.min(seen, stamps.length);
            Arrays.sort(stamps, 0, counted);
            int half = counted / 2;
            double warmSeconds = (stamps[counted - 1] - stamps[half]) / 1000.0;
            System.out.printf(
                    Locale.ROOT,
                    "classified %d of %d in %.1f s (first to last output timestamp) = %.0f mentions/s"
                            + " (probe saw first to last output in %.1f s; first output %.1f s after launch);"
                            + " service CPU %.1f s in total including start-up = %.0f mentions per CPU-second;"
                            + " %.1f CPU-s from first to last output = %.0f mentions per CPU-second while classifying;"
                            + " second half of the outputs (JIT warm): %d in %.1f s = %.0f mentions/s;"
                            + " load average %s%n",
                    seen,
                    n,
                    seconds,
                    seen / seconds,
                    (lastSeenNanos - firstSeenNanos) / 1e9,
                    (firstSeenNanos - launched) / 1e9,
                    cpu,
                    seen / cpu,
                    cpu - cpuAtFirst,
                    seen / (cpu - cpuAtFirst),
                    counted - 1 - half,
                    warmSeconds,
                    (counted - 1 - half) / warmSeconds,
                    Files.readString(Path.of("/proc/loadavg")).trim());
        } finally {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly();
                service.waitFor(10, TimeUnit.SECONDS);
            }
            Runtime.getRuntime().removeShutdownHook(stopService);
        }
    }

    private static long endOffsetSum(String bootstrap, String topic) {
        Properties c = new Properties();
        c.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            return consumer.endOffsets(partitions, Duration.ofSeconds(30)).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    private static void fail(String message) {
        throw new ProbeFailed(message);
    }

    private static void fail(String message, Path log) {
        StringBuilder text = new StringBuilder(message)
                .append("; last lines of ")
                .append(log)
                .append(':');
        try {
            List<String> lines = Files.readAllLines(log);
            lines.subList(Math.max(0, lines.size() - 40), lines.size())
                    .forEach(l -> text.append(System.lineSeparator()).append(l));
        } catch (IOException e) {
            text.append(" (cannot read the service log: ").append(e).append(')');
        }
        throw new ProbeFailed(text.toString());
    }

    private static double cpuSeconds(long pid) throws Exception {
        String[] stat = Files.readString(Path.of("/proc/" + pid + "/stat")).split(" ");
        // utime and stime (fields 14 and 15), in clock ticks of 1/100 s
        return (Long.parseLong(stat[13]) + Long.parseLong(stat[14])) / 100.0;
    }
}
