package io.apath.classifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.apath.classifier.Mentions;
import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.Intent;
import io.apath.contracts.Mention;
import io.apath.contracts.Sentiment;
import io.apath.contracts.SentimentLabel;
import io.apath.contracts.Topics;
import io.apath.localkafka.KafkaBrokerExtension;
import io.apath.localkafka.KafkaEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code review-queue} on a real broker: the tenant's posts of the window, the closest calls first or a random sample,
 * without the
 * corrected ones, an erased author's, the brand's own replies, another tenant's or older ones; a lifted suppression lets its author's posts
 * back in.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ReviewQueueCommandIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void writesTheTenantsPostsToLabelNextMostUncertainFirst(KafkaEndpoint kafka, @TempDir Path dir) throws Exception {
        String acme = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        String globex = "globex-" + UUID.randomUUID().toString().substring(0, 8);
        Mention closeCall = Mentions.post(acme, "kim", "close-call", "thinking of leaving, the app keeps crashing");
        Mention lifted = Mentions.post(acme, "lou", "lifted", "any discount for loyal customers?");
        Mention unsure = Mentions.post(acme, "kim", "unsure", "saw your ad on the bus");
        Mention sure = Mentions.post(acme, "kim", "sure", "thank you, sorted!");
        Mention corrected = Mentions.post(acme, "kim", "corrected", "where is my parcel");
        Mention erased = Mentions.post(acme, "eve", "erased", "please forget me");
        Mention old = Mentions.post(acme, "kim", "old", "an old unsure post");
        Mention brandReply = Mentions.post(acme, "AcmeHelp", "reply", "sorry to hear that, DM us your order number");
        Mention otherBrand = Mentions.post(globex, "kim", "other", "globex is fine I guess");
        long now = System.currentTimeMillis();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            classified(producer, closeCall, 0.49, now);
            classified(producer, lifted, 0.47, now);
            classified(producer, unsure, 0.44, now);
            classified(producer, sure, 0.97, now);
            classified(producer, corrected, 0.49, now);
            classified(producer, erased, 0.49, now);
            classified(producer, old, 0.49, now - Duration.ofDays(10).toMillis());
            classified(producer, otherBrand, 0.49, now);
            classified(producer, brandReply, 0.49, now);
            send(
                    producer,
                    Topics.LABEL_CORRECTIONS.name(),
                    acme + ":" + corrected.mentionId().value(),
                    "{\"tenant\":\"" + acme + "\",\"id\":\""
                            + corrected.mentionId().value()
                            + "\",\"text\":\"where is my parcel\",\"labels\":[\"SUPPORT_REQUEST\"]}");
            String suppression = "{\"customerKey\":\"%s\",\"tenant\":\"" + acme
                    + "\",\"reason\":\"erasure\",\"since\":\"2026-12-01T00:00:00Z\"}";
            send(producer, Topics.SUPPRESSIONS.name(), key(erased), suppression.formatted(key(erased)));
            send(producer, Topics.SUPPRESSIONS.name(), key(lifted), suppression.formatted(key(lifted)));
            send(producer, Topics.SUPPRESSIONS.name(), key(lifted), null); // consent given again
        }

        Path file = dir.resolve("queue.jsonl");
        Run queued = reviewQueue(
                kafka,
                acme,
                "--brand-accounts",
                "@acmehelp,@acme",
                "--since",
                "7d",
                "--order",
                "closest-call",
                "--out",
                file.toString());

        assertThat(queued.status()).isZero();
        List<JsonNode> lines =
                Files.readAllLines(file).stream().map(JSON::readTree).toList();
        assertThat(lines)
                .extracting(line -> line.get("id").asString())
                .containsExactly(
                        closeCall.mentionId().value(),
                        lifted.mentionId().value(),
                        unsure.mentionId().value(),
                        sure.mentionId().value());
        JsonNode first = lines.get(0);
        assertThat(first.get("text").asString()).isEqualTo(closeCall.text());
        assertThat(first.get("labels").isEmpty()).as("left for the reviewer").isTrue();
        assertThat(first.get("sentiment").isNull()).isTrue();
        assertThat(first.get("model").get("intents").propertyNames())
                .containsExactly("CHURN_RISK", "COMPLAINT", "PRAISE");
        assertThat(first.get("model").get("closestCall").toString())
                .isEqualTo("{\"intent\":\"CHURN_RISK\",\"probability\":0.49}");
        assertThat(first.has("author"))
                .as("who wrote it is not the reviewer's business")
                .isFalse();
        assertThat(queued.out())
                .contains("4 posts to review of tenant " + acme)
                .contains("1 corrected posts, 1 suppressed authors");

        Run sample = reviewQueue(kafka, acme, "--brand-accounts", "@acmehelp", "--limit", "10");
        assertThat(sample.out().lines().map(JSON::readTree))
                .as("the default, a random sample, leaves out the same posts; 10 holds all four")
                .extracting(line -> line.get("id").asString())
                .containsExactlyInAnyOrder(
                        closeCall.mentionId().value(),
                        lifted.mentionId().value(),
                        unsure.mentionId().value(),
                        sure.mentionId().value());
    }

    @Test
    void refusesAnAgeItCannotRead() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ClassifierCli.run(
                        new String[] {"review-queue", "--bootstrap", "localhost:1", "--tenant", "acme", "--since", "7"},
                        System.in,
                        System.out,
                        System.err)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--since takes an age such as 7d");
    }

    private record Run(int status, String out) {}

    /** {@code review-queue} of {@code tenant} on the test broker, with more options; its stdout (stderr dropped). */
    private static Run reviewQueue(KafkaEndpoint kafka, String tenant, String... options) throws Exception {
        List<String> args =
                new ArrayList<>(List.of("review-queue", "--bootstrap", kafka.bootstrapServers(), "--tenant", tenant));
        args.addAll(List.of(options));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ClassifierCli.run(
                args.toArray(String[]::new),
                System.in,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }

    private static void classified(
            KafkaProducer<String, String> producer, Mention mention, double churn, long timestamp) throws Exception {
        ClassifiedMention classified = new ClassifiedMention(
                mention,
                Map.of(Intent.CHURN_RISK, churn, Intent.COMPLAINT, 0.1, Intent.PRAISE, 0.01, Intent.IRRELEVANT, 0.0),
                Intent.CHURN_RISK,
                new Sentiment(SentimentLabel.NEGATIVE, 0.7),
                "en",
                "test-model",
                churn < 0.5);
        producer.send(new ProducerRecord<>(
                        Topics.MENTIONS_CLASSIFIED.name(),
                        null,
                        timestamp,
                        key(mention),
                        JSON.writeValueAsString(classified)))
                .get();
    }

    private static String key(Mention mention) {
        return mention.customerKey().value();
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, String value)
            throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
}
