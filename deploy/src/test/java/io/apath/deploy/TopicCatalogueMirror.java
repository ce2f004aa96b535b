package io.apath.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.apath.contracts.CleanupPolicy;
import io.apath.contracts.Topic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Where the chart's KafkaTopics and the event-contracts catalogue disagree: missing, extra, or differently kept. */
final class TopicCatalogueMirror {

    private TopicCatalogueMirror() {}

    static List<String> differences(Collection<Topic<?, ?>> catalogue, List<JsonNode> rendered) {
        Map<String, JsonNode> declared = rendered.stream()
                .filter(o -> o.path("kind").asText().equals("KafkaTopic"))
                .collect(Collectors.toMap(o -> o.at("/spec/topicName").asText(), Function.identity()));
        var differences = new ArrayList<String>();
        for (var topic : catalogue) {
            var kafkaTopic = declared.remove(topic.name());
            if (kafkaTopic == null) {
                differences.add(topic.name() + ": in the catalogue but has no KafkaTopic");
                continue;
            }
            var spec = kafkaTopic.path("spec");
            if (spec.path("partitions").asInt() != topic.partitions()) {
                differences.add(topic.name() + ": " + spec.path("partitions").asInt() + " partitions, catalogue says "
                        + topic.partitions());
            }
            var policy = topic.cleanupPolicy() == CleanupPolicy.COMPACT ? "compact" : "delete";
            if (!policy.equals(spec.at("/config/cleanup.policy").asText())) {
                differences.add(topic.name() + ": cleanup.policy "
                        + spec.at("/config/cleanup.policy").asText() + ", catalogue says " + policy);
            }
            var retention = spec.path("config").path("retention.ms");
            if (topic.retention() == null
                    ? !retention.isMissingNode()
                    : retention.asLong() != topic.retention().toMillis()) {
                differences.add(topic.name() + ": retention.ms " + retention + ", catalogue says "
                        + (topic.retention() == null
                                ? "none (compacted)"
                                : topic.retention().toMillis()));
            }
        }
        declared.keySet().forEach(name -> differences.add(name + ": has a KafkaTopic but is not in the catalogue"));
        return differences;
    }
}
