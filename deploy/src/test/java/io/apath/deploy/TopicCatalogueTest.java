package io.apath.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.apath.contracts.CleanupPolicy;
import io.apath.contracts.CustomerKey;
import io.apath.contracts.Mention;
import io.apath.contracts.Topic;
import io.apath.contracts.Topics;
import io.apath.deploy.Chart.ValueSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The chart declares exactly the topics of io.apath.contracts.Topics.ALL, kept the way the catalogue says. */
class TopicCatalogueTest {

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyCatalogueTopicHasAMatchingKafkaTopic(ValueSet values) {
        assertThat(TopicCatalogueMirror.differences(Topics.ALL, Chart.render(values)))
                .isEmpty();
    }

    @Test
    void aTopicAddedToTheCatalogueWithoutAKafkaTopicIsReported() {
        var grown = new ArrayList<Topic<?, ?>>(Topics.ALL);
        grown.add(new Topic<>(
                "mentions-enriched.v1", CustomerKey.class, Mention.class, CleanupPolicy.DELETE, Duration.ofDays(7), 6));

        assertThat(TopicCatalogueMirror.differences(grown, Chart.render(ValueSet.DEFAULTS)))
                .containsExactly("mentions-enriched.v1: in the catalogue but has no KafkaTopic");
    }

    @Test
    void aKafkaTopicKeptDifferentlyFromTheCatalogueIsReported() {
        var rendered = Chart.parse(Chart.template(
                null,
                Map.of(
                        "kafka.topics.catalogue.mentions.partitions", 12,
                        "kafka.topics.catalogue.journeyState.cleanupPolicy", "delete",
                        "kafka.topics.catalogue.journeyState.retentionMs", 1000)));

        assertThat(TopicCatalogueMirror.differences(Topics.ALL, rendered))
                .containsExactlyInAnyOrder(
                        "mentions.v1: 12 partitions, catalogue says 6",
                        "journey-state.v1: cleanup.policy delete, catalogue says compact",
                        "journey-state.v1: retention.ms 1000, catalogue says none (compacted)");
    }

    @Test
    void aKafkaTopicOutsideTheCatalogueIsReported() {
        assertThat(TopicCatalogueMirror.differences(List.of(Topics.MENTIONS), Chart.render(ValueSet.DEFAULTS)))
                .hasSize(Topics.ALL.size() - 1)
                .allSatisfy(
                        difference -> assertThat(difference).endsWith("has a KafkaTopic but is not in the catalogue"));
    }

    @Test
    void topicsAreReplicatedAndKeptWhenTheReleaseIsUninstalled() {
        var topics = Chart.render(ValueSet.DEFAULTS).stream()
                .filter(o -> o.path("kind").asText().equals("KafkaTopic"))
                .toList();

        assertThat(topics).hasSize(Topics.ALL.size()).allSatisfy(topic -> {
            assertThat(topic.at("/spec/replicas").asInt()).isEqualTo(3);
            assertThat(topic.at("/spec/config/min.insync.replicas").asInt()).isEqualTo(2);
            assertThat(topic.at("/metadata/annotations/helm.sh~1resource-policy")
                            .asText())
                    .isEqualTo("keep");
            assertThat(topic.at("/metadata/labels/strimzi.io~1cluster").asText())
                    .isEqualTo("a-path-kafka");
        });
    }

    @Test
    void eachInternalTopicIsReadAndWrittenByItsOwnerOnly() {
        var objects = Chart.render(ValueSet.DEFAULTS);
        var owners = Map.of(
                Topics.INGEST_CHECKPOINTS.name(), "ingest",
                Topics.LABEL_CORRECTIONS.name(), "classifier",
                Topics.JOURNEY_COMMANDS.name(), "journey");

        owners.forEach((topic, owner) -> {
            for (var component : List.of("ingest", "classifier", "journey")) {
                var operations =
                        topicOperations(ChartValidationTest.find(objects, "KafkaUser", "a-path-" + component), topic);
                if (component.equals(owner)) {
                    assertThat(operations).as(component + " on " + topic).contains("Write", "Describe");
                } else {
                    assertThat(operations).as(component + " on " + topic).isEmpty();
                }
            }
        });
        assertThat(topicOperations(
                        ChartValidationTest.find(objects, "KafkaUser", "a-path-ingest"),
                        Topics.INGEST_CHECKPOINTS.name()))
                .as("ingest reads its checkpoints back and creates the topic at start-up if missing")
                .contains("Read", "Create");
        assertThat(topicOperations(
                        ChartValidationTest.find(objects, "KafkaUser", "a-path-journey"),
                        Topics.JOURNEY_COMMANDS.name()))
                .as("journey processes its own commands")
                .contains("Read");
    }

    private static List<String> topicOperations(com.fasterxml.jackson.databind.JsonNode user, String topic) {
        var operations = new ArrayList<String>();
        for (var acl : user.at("/spec/authorization/acls")) {
            if (acl.at("/resource/type").asText().equals("topic")
                    && acl.at("/resource/patternType").asText().equals("literal")
                    && acl.at("/resource/name").asText().equals(topic)) {
                acl.path("operations").forEach(op -> operations.add(op.asText()));
            }
        }
        return operations;
    }
}
