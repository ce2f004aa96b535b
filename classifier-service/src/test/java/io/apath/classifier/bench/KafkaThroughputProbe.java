package io.apath.classifier.bench;

import io.apath.classifier.Mentions;
import io.apath.localkafka.InProcessKafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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
 * output record timestamp) on {@code mentions-classified.v1}; the service's CPU seconds come from {@code /proc}.
 * A measurement run by hand (see BENCHMARKS.md), not a test:
 * {@code java -cp "target/test-classes:target/classes:$(cat cp.txt)" io.apath.classifier.bench.KafkaThroughputProbe
 * target/classifier-service-0.1.0-SNAPSHOT-exec.jar 100000}
 */
public final class KafkaThroughputProbe {

    private KafkaThroughputProbe() {}

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        ObjectMapper json = JsonMapper.builder().build();
        List<String> texts = PredictionBenchmark.texts();
        Path dir = Files.createTempDirectory("classifier-probe");
        try (InProcessKafkaBroker broker = InProcessKafkaBroker.start(dir.resolve("kafka"), 0)) {
            String bootstrap = broker.bootstrapServers();
            Properties p = new Properties();
            p.putAll(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrap,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                    StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                    ByteArraySerializer.class.getName(),
                    ProducerConfig.LINGER_MS_CONFIG,
                    "20",
                    ProducerConfig.BATCH_SIZE_CONFIG,
                    "262144",
                    ProducerConfig.COMPRESSION_TYPE_CONFIG,
                    "lz4"));
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
                for (int i = 0; i < n; i++) {
                    var m = Mentions.post("probe", "c" + (i % 5000), "m-" + i, texts.get(i % texts.size()));
                    producer.send(
                            new ProducerRecord<>("mentions.v1", m.customerKey().value(), json.writeValueAsBytes(m)));
                }
                producer.flush();
            }
            System.out.printf(Locale.ROOT, "pre-loaded %d mentions on mentions.v1%n", n);
            Process service = new ProcessBuilder(
                            "java",
                            "-Xmx128m",
                            "-XX:+UseSerialGC",
                            "-jar",
                            jar,
                            "--server.port=0",
                            "--spring.main.banner-mode=off",
                            "--spring.cloud.stream.kafka.binder.brokers=" + bootstrap)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("service.log").toFile())
                    .start();
            try {
                long first = Long.MAX_VALUE;
                long last = 0;
                long seen = 0;
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
                    long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
                    while (seen < n && System.nanoTime() < deadline) {
                        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                            first = Math.min(first, r.timestamp());
                            last = Math.max(last, r.timestamp());
                            seen++;
                        }
                    }
                }
                double cpu = cpuSeconds(service.pid());
                double seconds = (last - first) / 1000.0;
                System.out.printf(
                        Locale.ROOT,
                        "classified %d of %d in %.1f s (first to last output timestamp) = %.0f mentions/s;"
                                + " service CPU %.1f s in total including start-up = %.0f mentions per CPU-second%n",
                        seen,
                        n,
                        seconds,
                        seen / seconds,
                        cpu,
                        seen / cpu);
            } finally {
                service.destroy();
                service.waitFor();
            }
        }
    }

    private static double cpuSeconds(long pid) throws Exception {
        String[] stat = Files.readString(Path.of("/proc/" + pid + "/stat")).split(" ");
        // utime and stime (fields 14 and 15), in clock ticks of 1/100 s
        return (Long.parseLong(stat[13]) + Long.parseLong(stat[14])) / 100.0;
    }
}
