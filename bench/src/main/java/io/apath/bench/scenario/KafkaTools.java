package io.apath.bench.scenario;

import io.apath.bench.pipeline.JvmProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Kafka's own performance tools ({@code org.apache.kafka.tools.ProducerPerformance}, {@code ConsumerPerformance},
 * {@code EndToEndLatency} from the kafka-tools jar), each run as its own JVM exactly as {@code kafka-*-perf-test.sh}
 * would, and their printed summaries parsed. They are the raw-Kafka reference every pipeline figure is divided by.
 */
public final class KafkaTools {

    /** ProducerPerformance's final line, e.g. "500000 records sent, 91234.5 records/sec (26.10 MB/sec), ...". */
    private static final Pattern PRODUCER = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\),"
                    + " ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");

    private static final Pattern E2E_AVG = Pattern.compile("Avg latency: ([\\d.]+) ms");
    private static final Pattern E2E_PERCENTILES =
            Pattern.compile("Percentiles: 50th = ([\\d.]+), 99th = ([\\d.]+), 99\\.9th = ([\\d.]+)");

    public record ProducerResult(
            long records,
            double recordsPerSec,
            double mbPerSec,
            double avgMs,
            double maxMs,
            double p50Ms,
            double p99Ms) {}

    public record ConsumerResult(long records, double recordsPerSec, double mbPerSec) {}

    public record EndToEndResult(long records, double avgMs, double p50Ms, double p99Ms, double p999Ms) {}

    private final String bootstrap;
    private final String classpath;
    private final Path workDir;

    public KafkaTools(String bootstrap, String classpath, Path workDir) {
        this.bootstrap = bootstrap;
        this.classpath = classpath;
        this.workDir = workDir;
    }

    /** A scratch topic like the catalogue's: 6 partitions, replication 1. */
    public void createTopic(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + topic, e);
        }
    }

    /**
     * Maximum producer rate with the producer settings ingest uses (acks=all, idempotent, lz4, linger 5 ms), the
     * payloads being real mention records (one per line of {@code payloads}), so size and compressibility match.
     */
    public ProducerResult producer(String topic, long records, Path payloads) {
        String out = run(
                "producer-perf-" + topic,
                List.of(
                        "org.apache.kafka.tools.ProducerPerformance",
                        "--topic",
                        topic,
                        "--num-records",
                        Long.toString(records),
                        "--throughput",
                        "-1",
                        "--payload-file",
                        payloads.toString(),
                        "--producer-props",
                        "bootstrap.servers=" + bootstrap,
                        "acks=all",
                        "enable.idempotence=true",
                        "linger.ms=5",
                        "compression.type=lz4"));
        Matcher m = lastMatch(PRODUCER, out)
                .orElseThrow(() -> new IllegalStateException("no ProducerPerformance summary in:\n" + tail(out)));
        return new ProducerResult(
                Long.parseLong(m.group(1)),
                Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4)),
                Double.parseDouble(m.group(5)),
                Double.parseDouble(m.group(6)),
                Double.parseDouble(m.group(8)));
    }

    /** Maximum consumer rate over what {@link #producer} wrote. */
    public ConsumerResult consumer(String topic, long records) {
        String out = run(
                "consumer-perf-" + topic,
                List.of(
                        "org.apache.kafka.tools.ConsumerPerformance",
                        "--bootstrap-server",
                        bootstrap,
                        "--topic",
                        topic,
                        "--messages",
                        Long.toString(records),
                        "--timeout",
                        "60000"));
        return consumerResult(out);
    }

    /** ConsumerPerformance's summary in its output. */
    static ConsumerResult consumerResult(String out) {
        // header line then one CSV line: start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg,
        // nMsg.sec, ... The JVM's own warnings (JDK 24+ on lz4's native library) may come between them, so the values
        // are the next line with as many fields as the header.
        List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).startsWith("start.time")) {
                String[] header = lines.get(i).split(",\\s*");
                String[] values = lines.subList(i + 1, lines.size()).stream()
                        .map(line -> line.split(",\\s*"))
                        .filter(fields -> fields.length == header.length)
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(
                                "no ConsumerPerformance values after its header in:\n" + tail(out)));
                return new ConsumerResult(
                        (long) Double.parseDouble(values[indexOf(header, "data.consumed.in.nMsg")]),
                        Double.parseDouble(values[indexOf(header, "nMsg.sec")]),
                        Double.parseDouble(values[indexOf(header, "MB.sec")]));
            }
        }
        throw new IllegalStateException("no ConsumerPerformance summary in:\n" + tail(out));
    }

    /** One record at a time produced (acks=all) and consumed back: Kafka's own round trip. */
    public EndToEndResult endToEnd(String topic, long records, int recordSize) {
        String out = run(
                "end-to-end-" + topic,
                List.of(
                        "org.apache.kafka.tools.EndToEndLatency",
                        bootstrap,
                        topic,
                        Long.toString(records),
                        "all",
                        Integer.toString(recordSize)));
        Matcher avg = lastMatch(E2E_AVG, out)
                .orElseThrow(() -> new IllegalStateException("no EndToEndLatency summary in:\n" + tail(out)));
        Matcher p = lastMatch(E2E_PERCENTILES, out)
                .orElseThrow(() -> new IllegalStateException("no EndToEndLatency percentiles in:\n" + tail(out)));
        return new EndToEndResult(
                records,
                Double.parseDouble(avg.group(1)),
                Double.parseDouble(p.group(1)),
                Double.parseDouble(p.group(2)),
                Double.parseDouble(p.group(3)));
    }

    private String run(String name, List<String> toolArgs) {
        List<String> args = new ArrayList<>(List.of("-Xmx512m", "-cp", classpath));
        args.addAll(toolArgs);
        Path log = workDir.resolve("logs").resolve(name + ".log");
        JvmProcess process = JvmProcess.start(name, args, Map.of(), log);
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (process.alive()) {
                if (System.nanoTime() > deadline) {
                    process.close();
                    throw new IllegalStateException(name + " did not finish in 10 min");
                }
                Thread.sleep(100);
            }
            return Files.readString(log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.close();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<Matcher> lastMatch(Pattern pattern, String text) {
        Matcher last = null;
        for (String line : text.lines().toList()) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                last = m;
            }
        }
        return Optional.ofNullable(last);
    }

    private static int indexOf(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].trim().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("ConsumerPerformance printed no column " + name);
    }

    private static String tail(String out) {
        List<String> lines = out.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
