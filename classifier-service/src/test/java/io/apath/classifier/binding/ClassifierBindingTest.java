package io.apath.classifier.binding;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.apath.classifier.ClassifierApplication;
import io.apath.classifier.Mentions;
import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.Intent;
import io.apath.contracts.Mention;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binder.test.EnableTestBinder;
import org.springframework.cloud.stream.binder.test.InputDestination;
import org.springframework.cloud.stream.binder.test.OutputDestination;
import org.springframework.integration.kafka.support.KafkaIntegrationHeaders;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The classify binding on the test binder: a batch with a poison record in the middle. */
@SpringBootTest(
        classes = ClassifierApplication.class,
        properties = {
            "spring.config.name=classifier-service",
            "spring.cloud.stream.default-binder=integration",
            "spring.main.banner-mode=off"
        })
@EnableTestBinder
class ClassifierBindingTest {

    @Autowired
    InputDestination input;

    @Autowired
    OutputDestination output;

    @Autowired
    ObjectMapper json;

    @Autowired
    MeterRegistry registry;

    @Test
    void batchIsClassifiedKeyedByCustomerAndItsPoisonRecordIsDeadLettered() {
        Mention complaint = Mentions.post("acme", "alice", "b-1", "@acme my order arrived broken, worst service ever");
        Mention praise = Mentions.post("acme", "bob", "b-2", "Thank you @acme, love the new app, great job!");
        byte[] poison = "{not json".getBytes(UTF_8);
        Message<List<byte[]>> batch = MessageBuilder.withPayload(
                        List.of(json.writeValueAsBytes(complaint), poison, json.writeValueAsBytes(praise)))
                .setHeader(KafkaHeaders.RECEIVED_KEY, List.of("acme:mastodon:alice", "k-poison", "acme:mastodon:bob"))
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, List.of("mentions.v1", "mentions.v1", "mentions.v1"))
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, List.of(0, 3, 1))
                .setHeader(KafkaHeaders.OFFSET, List.of(10L, 11L, 12L))
                .build();

        input.send(batch, "mentions.v1");

        Message<byte[]> first = output.receive(10_000, "mentions-classified.v1");
        Message<byte[]> second = output.receive(10_000, "mentions-classified.v1");
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        JsonNode a = json.readTree(first.getPayload());
        JsonNode b = json.readTree(second.getPayload());
        assertThat(first.getHeaders().get(KafkaHeaders.KEY)).isEqualTo("acme:mastodon:alice");
        // encoded by MentionBatch itself, still announced as JSON and readable as the contract's record
        assertThat(String.valueOf(first.getHeaders().get(MessageHeaders.CONTENT_TYPE)))
                .isEqualTo("application/json");
        assertThat(json.readValue(first.getPayload(), ClassifiedMention.class).mention())
                .isEqualTo(complaint);
        assertThat(a.get("primaryIntent").asString()).isEqualTo(Intent.COMPLAINT.name());
        assertThat(a.get("modelVersion").asString()).startsWith("hashed-ngram-lr-1-");
        assertThat(a.get("intents").size()).isEqualTo(Intent.values().length);
        assertThat(a.get("mention").get("mentionId").asString())
                .isEqualTo(complaint.mentionId().value());
        assertThat(second.getHeaders().get(KafkaHeaders.KEY)).isEqualTo("acme:mastodon:bob");
        assertThat(b.get("primaryIntent").asString()).isEqualTo(Intent.PRAISE.name());
        // R1: the batch's last output asks the Kafka producer handler to flush before the offsets are committed
        assertThat(first.getHeaders()).doesNotContainKey(KafkaIntegrationHeaders.FLUSH);
        assertThat(second.getHeaders().get(KafkaIntegrationHeaders.FLUSH)).isEqualTo(Boolean.TRUE);

        Message<byte[]> dead = output.receive(10_000, "mentions.v1.dlq");
        assertThat(dead).isNotNull();
        assertThat(dead.getPayload()).isEqualTo(poison);
        assertThat(dead.getHeaders().get(KafkaHeaders.KEY)).isEqualTo("k-poison");
        assertThat(dead.getHeaders().get(KafkaHeaders.DLT_ORIGINAL_OFFSET)).isEqualTo("11");
        assertThat(dead.getHeaders().get(KafkaHeaders.DLT_ORIGINAL_PARTITION)).isEqualTo("3");
        assertThat((String) dead.getHeaders().get(KafkaHeaders.DLT_EXCEPTION_FQCN))
                .contains("jackson");
        assertThat(registry.get("apath.classifier.dead.letters").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("apath.classifier.mentions")
                        .tag("primary_intent", "COMPLAINT")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }
}
