package io.apath.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.CustomerJourney;
import io.apath.contracts.DeadLetterHeaders;
import io.apath.contracts.Intent;
import io.apath.contracts.Stage;
import io.apath.contracts.Topics;
import io.apath.deadletters.ReplayCommand;
import io.apath.journey.domain.Mentions;
import io.apath.journey.topology.JourneySerdes;
import io.apath.localkafka.KafkaBrokerExtension;
import io.apath.localkafka.KafkaEndpoint;
import io.apath.localkafka.LoopbackPorts;
import io.apath.localkafka.TopicToEnd;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The loop ops go through when a rule breaks at run time: journey dead-letters the mentions the rule failed on, the rule
 * is fixed, and the {@code dead-letters} command replays them, after which the customers are where they belong.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DeadLetterReplayIT {

    private static final JourneySerdes SERDES = JourneySerdes.create();
    private static final String TENANT = "dl" + UUID.randomUUID().toString().substring(0, 8);
    private static final String DLQ = Topics.MENTIONS_CLASSIFIED.deadLetters().name();

    @Test
    void mentionsARuleFailedOnReachTheirJourneyOnceReplayedUnderTheFixedRule(
            KafkaEndpoint kafka, @TempDir Path stateBroken, @TempDir Path stateFixed) throws Exception {
        String applicationId = "journey-dl-it-" + UUID.randomUUID();
        ClassifiedMention praise = Mentions.by("fan-" + TENANT)
                .tenant(TENANT)
                .post("p1-" + TENANT)
                .intent(Intent.PRAISE)
                .at(Instant.now().minus(Duration.ofHours(1)))
                .build();
        String customer = praise.mention().customerKey().value();

        // a tenant rule that compiles but fails on every mention without a COMPLAINT score: a missing map key
        try (ConfigurableApplicationContext broken = start(
                kafka,
                stateBroken,
                applicationId,
                "--apath.journey.tenants." + TENANT + ".rules.engagement=intents['COMPLAINT'] >= 0.0")) {
            send(kafka, praise);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !deadLettersOf(kafka, customer).isEmpty());
        }
        ConsumerRecord<String, byte[]> letter = deadLettersOf(kafka, customer).get(0);
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.MENTIONS_CLASSIFIED.name());
        assertThat(header(letter, DeadLetterHeaders.EXCEPTION_MESSAGE)).contains("rule 'engagement'");
        assertThat(latestState(kafka)).doesNotContainKey(customer);

        // the rule fixed (the tenant falls back to the default), the dead letter replayed
        try (ConfigurableApplicationContext fixed = start(kafka, stateFixed, applicationId)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = ReplayCommand.run(
                    new String[] {
                        "--bootstrap-server",
                        kafka.bootstrapServers(),
                        "--dlq",
                        DLQ,
                        "--group",
                        "replay-" + TENANT,
                        "--error-contains",
                        "rule 'engagement' (tenant " + TENANT + ")",
                        "--show", // other tests' dead letters share the topic: list every one to find ours
                        "all"
                    },
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    System.err);
            String report = out.toString(StandardCharsets.UTF_8);
            assertThat(exit).as(report).isZero();
            assertThat(report.lines().filter(l -> l.startsWith("replayed")))
                    .as(report)
                    .singleElement()
                    .asString()
                    .contains("key=" + customer, "→ " + Topics.MENTIONS_CLASSIFIED.name());

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Map<String, CustomerJourney> state = latestState(kafka);
                assertThat(state).containsKey(customer);
                // the default rules: a confident praise notices the customer and advances them
                assertThat(state.get(customer).stage()).isEqualTo(Stage.ATTRACTION);
                assertThat(state.get(customer).mentionCount()).isEqualTo(1);
            });
        }
    }

    private ConfigurableApplicationContext start(
            KafkaEndpoint kafka, Path stateDir, String applicationId, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + LoopbackPorts.free(),
                "--spring.main.banner-mode=off",
                "--spring.cloud.stream.kafka.streams.binder.brokers=" + kafka.bootstrapServers(),
                "--spring.cloud.stream.kafka.streams.binder.application-id=" + applicationId,
                "--spring.cloud.stream.kafka.streams.binder.configuration.state.dir=" + stateDir,
                "--spring.cloud.stream.kafka.streams.binder.configuration.session.timeout.ms=10000",
                "--apath.journey.tenants." + TENANT + ".api-key-sha256[0]=" + "0".repeat(64)));
        args.addAll(List.of(more));
        return JourneyApplication.application().run(args.toArray(String[]::new));
    }

    private static void send(KafkaEndpoint kafka, ClassifiedMention mention) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, ClassifiedMention> producer = new KafkaProducer<>(
                props, new StringSerializer(), SERDES.classifiedMention().serializer())) {
            producer.send(new ProducerRecord<>(
                    Topics.MENTIONS_CLASSIFIED.name(),
                    mention.mention().customerKey().value(),
                    mention));
            producer.flush();
        }
    }

    private static List<ConsumerRecord<String, byte[]>> deadLettersOf(KafkaEndpoint kafka, String customer) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        TopicToEnd.read(kafka.bootstrapServers(), DLQ, r -> {
            if (customer.equals(r.key())) {
                found.add(r);
            }
        });
        return found;
    }

    private static Map<String, CustomerJourney> latestState(KafkaEndpoint kafka) {
        Map<String, CustomerJourney> latest = new HashMap<>();
        TopicToEnd.read(kafka.bootstrapServers(), Topics.JOURNEY_STATE.name(), r -> {
            if (r.value() == null) {
                latest.remove(r.key());
            } else {
                latest.put(r.key(), SERDES.customerJourney().deserializer().deserialize(r.topic(), r.value()));
            }
        });
        return latest;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
