package io.apath.classifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.apath.classifier.training.Corpora;
import io.apath.classifier.training.Example;
import io.apath.classifier.training.Example.Source;
import io.apath.contracts.Intent;
import io.apath.contracts.Topics;
import io.apath.localkafka.KafkaBrokerExtension;
import io.apath.localkafka.KafkaEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code corrections} on a real broker: a re-corrected post counts once with its newest labels, a tombstone removes a
 * post, another tenant's corrections stay out, and {@code train --corrections} reads the file it writes.
 */
@ExtendWith(KafkaBrokerExtension.class)
class CorrectionsCommandIT {

    @Test
    void writesEachPostsLatestCorrectionOfOneTenantAsTrainingReadsThem(KafkaEndpoint kafka, @TempDir Path dir)
            throws Exception {
        String acme = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        String globex = "globex-" + UUID.randomUUID().toString().substring(0, 8);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            send(producer, acme + ":p1", correction(acme, "p1", "where is my parcel", "SUPPORT_REQUEST"));
            send(producer, acme + ":p2", correction(acme, "p2", "love the new app", "PRAISE"));
            send(producer, globex + ":p3", correction(globex, "p3", "cancelling my plan", "CHURN_RISK"));
            // the reviewer changes their mind about p1, and p2 is withdrawn (a tombstone, as erasure would write)
            send(
                    producer,
                    acme + ":p1",
                    correction(acme, "p1", "where is my parcel", "COMPLAINT\",\"SUPPORT_REQUEST")
                            .replace("\"neutral\"", "null")); // the API writes null when no sentiment was given
            send(producer, acme + ":p2", null);
        }

        Path file = dir.resolve("acme-corrections.jsonl");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ClassifierCli.run(
                new String[] {
                    "corrections", "--bootstrap", kafka.bootstrapServers(), "--tenant", acme, "--out", file.toString()
                },
                System.in,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 corrections of tenant " + acme);
        List<Example> examples = Corpora.readIntents(file, Source.CORRECTIONS);
        assertThat(examples).hasSize(1);
        Example p1 = examples.get(0);
        assertThat(p1.id()).isEqualTo("p1");
        assertThat(p1.is(Intent.COMPLAINT)).isTrue();
        assertThat(p1.is(Intent.SUPPORT_REQUEST)).isTrue();
        assertThat(p1.hasSentiment()).isFalse();
        assertThat(Files.readString(file)).doesNotContain(globex).doesNotContain("love the new app");

        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        ClassifierCli.run(
                new String[] {"corrections", "--bootstrap", kafka.bootstrapServers()},
                System.in,
                new PrintStream(all, true, StandardCharsets.UTF_8),
                new PrintStream(summary, true, StandardCharsets.UTF_8));
        assertThat(all.toString(StandardCharsets.UTF_8))
                .as("without --tenant: every tenant's, on stdout")
                .contains("\"id\":\"p1\"")
                .contains("cancelling my plan")
                .doesNotContain("love the new app");
        assertThat(summary.toString(StandardCharsets.UTF_8))
                .contains("corrections from " + Topics.LABEL_CORRECTIONS.name());
    }

    @Test
    void refusesToRunWithoutABootstrapAddress() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ClassifierCli.run(
                        new String[] {"corrections", "--tenant", "acme"}, System.in, System.out, System.err)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--bootstrap");
    }

    private static String correction(String tenant, String id, String text, String labels) {
        return "{\"tenant\":\"" + tenant + "\",\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"labels\":[\"" + labels
                + "\"],\"sentiment\":\"neutral\",\"reviewer\":\"rita\"}";
    }

    private static void send(KafkaProducer<String, String> producer, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.LABEL_CORRECTIONS.name(), key, value))
                .get();
    }
}
