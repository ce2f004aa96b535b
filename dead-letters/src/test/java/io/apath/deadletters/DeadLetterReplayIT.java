package io.apath.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import io.apath.contracts.DeadLetterHeaders;
import io.apath.localkafka.KafkaBrokerExtension;
import io.apath.localkafka.KafkaEndpoint;
import io.apath.localkafka.TopicToEnd;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The command against a real broker, as ops run it: dead letters in, replayed records out, progress remembered. */
@ExtendWith(KafkaBrokerExtension.class)
class DeadLetterReplayIT {

    private static final String DLQ = "mentions.v1.dlq";

    @Test
    void readsSecretsThroughKafkasDirectoryConfigProviderAsTheChartMountsThem(KafkaEndpoint kafka, @TempDir Path dir)
            throws Exception {
        // the chart mounts the KafkaUser's Secret as files and points sasl.jaas.config at one; here a setting that
        // would fail the run if it were read literally stands in for it
        Path secret = Files.createDirectories(dir.resolve("kafka-user"));
        Files.writeString(secret.resolve("security.protocol"), "PLAINTEXT");
        Path config = dir.resolve("client.properties");
        Files.writeString(
                config,
                "config.providers=dir\n"
                        + "config.providers.dir.class=org.apache.kafka.common.config.provider.DirectoryConfigProvider\n"
                        + "security.protocol=${dir:" + secret + ":security.protocol}\n");

        Run run = replay(kafka.bootstrapServers(), "--command-config", config.toString(), "--dry-run");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains(DLQ + ": would replay ");
    }

    @Test
    void replaysOnlyWhatWasAskedForExactlyOnceAndRemembersWhereItStopped(KafkaEndpoint kafka) {
        String bootstrap = kafka.bootstrapServers();
        String marker = UUID.randomUUID().toString();
        String group = "replay-it-" + marker;
        String fixedBug = "model bug " + marker;
        write(
                bootstrap,
                letter("fixed-" + marker, "mentions.v1", fixedBug, new String[] {"traceparent", "00-fixed-01"}),
                letter("other-" + marker, "mentions.v1", "other cause " + marker, new String[0]),
                letter("forged-" + marker, "journey-state.v1", "forged " + marker, new String[0]),
                letter("anonymous-" + marker, null, "no origin " + marker, new String[0]));

        // 1. a dry run lists all four and writes nothing
        Run dry = replay(bootstrap, "--group", group, "--dry-run");
        assertThat(dry.exit()).isZero();
        assertThat(dry.linesAbout(marker))
                .hasSize(4)
                .anySatisfy(l -> assertThat(l).startsWith("would replay " + DLQ).contains("→ mentions.v1", fixedBug))
                .anySatisfy(l -> assertThat(l).startsWith("refused").contains("'journey-state.v1'"))
                .anySatisfy(l -> assertThat(l).startsWith("refused").contains("no header names the topic"));
        assertThat(replayedToMentions(bootstrap, marker)).isEmpty();

        // 2. only the fixed bug's dead letter is replayed: same key, value and original headers, its customer's
        // partition
        Run fixed = replay(bootstrap, "--group", group, "--error-contains", "MODEL BUG " + marker);
        assertThat(fixed.exit()).isZero();
        assertThat(fixed.linesAbout(marker))
                .filteredOn(l -> l.startsWith("replayed"))
                .singleElement()
                .asString()
                .contains("fixed-" + marker);
        assertThat(fixed.linesAbout(marker))
                .filteredOn(l -> l.startsWith("passed over"))
                .hasSize(1);
        assertThat(fixed.linesAbout(marker))
                .filteredOn(l -> l.startsWith("refused"))
                .hasSize(2);
        List<ConsumerRecord<String, byte[]>> replayed = replayedToMentions(bootstrap, marker);
        assertThat(replayed).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("fixed-" + marker);
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("value of fixed-" + marker);
            assertThat(Arrays.stream(r.headers().toArray()).map(Header::key)).containsExactly("traceparent");
            assertThat(r.partition())
                    .isEqualTo(Utils.toPositive(Utils.murmur2(r.key().getBytes(StandardCharsets.UTF_8))) % 6);
        });

        // 3. the group remembers: a second run finds nothing new
        Run again = replay(bootstrap, "--group", group);
        assertThat(again.exit()).isZero();
        assertThat(again.linesAbout(marker)).isEmpty();
        assertThat(replayedToMentions(bootstrap, marker)).hasSize(1);

        // 4. what was passed over is still there from the beginning, picked by its own error
        Run other =
                replay(bootstrap, "--group", group, "--from-beginning", "--error-contains", "other cause " + marker);
        assertThat(other.linesAbout(marker))
                .filteredOn(l -> l.startsWith("replayed"))
                .singleElement()
                .asString()
                .contains("other-" + marker);
        assertThat(replayedToMentions(bootstrap, marker))
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder("fixed-" + marker, "other-" + marker);
        assertThat(other.out()).contains(DLQ + ": replayed ");
    }

    @Test
    void aLimitedRunReplaysAFewAndTheNextRunTheRest(KafkaEndpoint kafka) {
        String bootstrap = kafka.bootstrapServers();
        String marker = UUID.randomUUID().toString();
        String group = "limit-it-" + marker;
        List<ProducerRecord<byte[], byte[]>> letters = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            letters.add(letter("canary-" + i + "-" + marker, "mentions.v1", "bug " + marker, new String[0]));
        }
        write(bootstrap, letters.toArray(ProducerRecord[]::new));

        Run first = replay(bootstrap, "--group", group, "--error-contains", marker, "--limit", "2");
        assertThat(first.exit()).isZero();
        assertThat(first.linesAbout(marker))
                .filteredOn(l -> l.startsWith("replayed"))
                .hasSize(2);
        assertThat(first.out()).contains("stopped at --limit 2, the rest stays for the next run");
        assertThat(replayedToMentions(bootstrap, marker)).hasSize(2);

        Run rest = replay(bootstrap, "--group", group, "--error-contains", marker);
        assertThat(rest.linesAbout(marker))
                .filteredOn(l -> l.startsWith("replayed"))
                .hasSize(3);
        assertThat(replayedToMentions(bootstrap, marker))
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrderElementsOf(letters.stream()
                        .map(l -> new String(l.key(), StandardCharsets.UTF_8))
                        .toList());
    }

    @Test
    void aLongRunListsTheFirstFewAndCountsTheRestByErrorClass(KafkaEndpoint kafka) {
        String bootstrap = kafka.bootstrapServers();
        String marker = UUID.randomUUID().toString();
        List<ProducerRecord<byte[], byte[]>> letters = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            letters.add(letter("many-" + i + "-" + marker, "mentions.v1", "bug " + marker, new String[0]));
        }
        write(bootstrap, letters.toArray(ProducerRecord[]::new));

        Run run = replay(bootstrap, "--group", "show-it-" + marker, "--dry-run", "--show", "1");

        assertThat(run.exit()).isZero();
        List<String> lines = run.out().lines().toList();
        // the topic's first dead letter, which may be another test's
        assertThat(lines.get(0)).as(run.out()).containsPattern("^(would replay|refused|passed over) ");
        assertThat(lines.get(1))
                .as(run.out())
                .matches("\\.\\.\\. and [0-9]+ more, not listed \\(--show all lists every one\\)");
        assertThat(lines.get(2)).as(run.out()).startsWith("errors: ").contains(" × java.lang.IllegalStateException");
        assertThat(lines.get(3)).as("the summary stays the last line").startsWith(DLQ + ": would replay ");
        assertThat(lines).hasSize(4);
    }

    private record Run(int exit, String out) {
        List<String> linesAbout(String marker) {
            return out.lines().filter(l -> l.contains(marker)).toList();
        }
    }

    private static Run replay(String bootstrap, String... extra) {
        // other tests' dead letters share the topic: list every one to find this test's
        List<String> args = new ArrayList<>(List.of("--bootstrap-server", bootstrap, "--dlq", DLQ, "--show", "all"));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = ReplayCommand.run(
                args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        return new Run(exit, out.toString(StandardCharsets.UTF_8));
    }

    private static List<ConsumerRecord<String, byte[]>> replayedToMentions(String bootstrap, String marker) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        TopicToEnd.read(bootstrap, "mentions.v1", r -> {
            if (r.key() != null && r.key().endsWith(marker)) {
                found.add(r);
            }
        });
        return found;
    }

    private static ProducerRecord<byte[], byte[]> letter(
            String key, String originalTopic, String error, String[] originalHeader) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(DLQ, utf8(key), utf8("value of " + key));
        if (originalHeader.length == 2) {
            record.headers().add(originalHeader[0], utf8(originalHeader[1]));
        }
        if (originalTopic != null) {
            record.headers().add(DeadLetterHeaders.ORIGINAL_TOPIC, utf8(originalTopic));
            record.headers().add(DeadLetterHeaders.ORIGINAL_PARTITION, utf8("0"));
            record.headers().add(DeadLetterHeaders.ORIGINAL_OFFSET, utf8("42"));
        }
        record.headers().add(DeadLetterHeaders.EXCEPTION_CLASS, utf8(IllegalStateException.class.getName()));
        record.headers().add(DeadLetterHeaders.EXCEPTION_MESSAGE, utf8(error));
        return record;
    }

    @SafeVarargs
    private static void write(String bootstrap, ProducerRecord<byte[], byte[]>... records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<byte[], byte[]> record : records) {
                producer.send(record);
            }
            producer.flush();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
