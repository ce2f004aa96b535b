package io.apath.deploy;

import static io.apath.deploy.ChartValidationTest.find;
import static io.apath.deploy.ChartValidationTest.kinds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apath.contracts.Topic;
import io.apath.contracts.Topics;
import io.apath.deploy.Chart.ValueSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The dead-letters replay in the chart: its KafkaUser, and one run as a Job rendered on its own. */
class DeadLettersChartTest {

    private static final Map<String, Object> RUN = Map.of(
            "deadLetters.kafkaUser",
            true,
            "deadLetters.replay.dlq",
            "mentions-classified.v1.dlq",
            "deadLetters.replay.run",
            "7",
            "deadLetters.replay.errorContains",
            "rule advance",
            "deadLetters.replay.fromBeginning",
            true,
            "deadLetters.replay.limit",
            10);

    private static List<JsonNode> render(Map<String, Object> sets) {
        return Chart.parse(Chart.templateLayered(ValueSet.PRODUCTION.paths(), sets));
    }

    @Test
    void anInstallStartsNoReplayAndCreatesNoReplayCredentials() {
        for (var values : ValueSet.values()) {
            var objects = Chart.render(values);
            assertThat(kinds(objects, "Job")).as(values.name()).isEmpty();
            assertThat(kinds(objects, "KafkaUser")).as(values.name()).doesNotContain("a-path-dead-letters");
        }
    }

    @Test
    void aReplayRunIsAValidHardenedJobWithTheClusterSettings() {
        var objects = render(RUN);
        assertThat(violations(objects)).isEmpty();

        var pod = find(objects, "Job", "a-path-dlq-replay-7").at("/spec/template/spec");
        var container = pod.at("/containers/0");
        assertThat(container.path("image").asText()).endsWith("/dead-letters:" + chartAppVersion(objects));
        assertThat(texts(container.path("args")))
                .containsExactly(
                        "--bootstrap-server",
                        ChartValues.of(ValueSet.PRODUCTION)
                                .at("/kafka/bootstrapServers")
                                .asText(),
                        "--dlq",
                        "mentions-classified.v1.dlq",
                        "--command-config",
                        "/etc/a-path/client/client.properties",
                        "--dry-run",
                        "--error-contains",
                        "rule advance",
                        "--from-beginning",
                        "--limit",
                        "10");
        assertThat(find(objects, "ConfigMap", "a-path-dead-letters-client")
                        .at("/data/client.properties")
                        .asText())
                .contains("security.protocol=SASL_SSL")
                .contains("sasl.jaas.config=${secret:/etc/a-path/kafka-user:sasl.jaas.config}")
                .contains("ssl.truststore.location=/etc/a-path/kafka-ca/ca.crt");
        assertThat(pod.path("volumes").findValuesAsText("secretName")).contains("a-path-dead-letters");
    }

    @Test
    void aReplayRunIsFencedLikeTheServicesWhenNetworkPoliciesAreOn() {
        assertToolPolicy(render(RUN), "a-path-dlq-replay-7", "a-path-dead-letters");
        var withoutPolicies = Chart.parse(
                Chart.templateLayered(ValueSet.MINIMAL.paths(), Map.of("deadLetters.replay.dlq", "mentions.v1.dlq")));
        assertThat(kinds(withoutPolicies, "Job")).containsExactly("a-path-dlq-replay-1");
        assertThat(kinds(withoutPolicies, "NetworkPolicy"))
                .as("networkPolicy.enabled is false")
                .isEmpty();
    }

    /**
     * A tool run's pod has a NetworkPolicy of its own, rendered with the Job: it selects the run's pod, lets nothing in,
     * and lets it out only to DNS and Kafka (the production values' ports), as the services' policies do.
     */
    static void assertToolPolicy(List<JsonNode> objects, String job, String policyName) {
        var podLabels = find(objects, "Job", job).at("/spec/template/metadata/labels");
        var policy = find(objects, "NetworkPolicy", policyName);
        policy.at("/spec/podSelector/matchLabels").properties().forEach(label -> assertThat(
                        podLabels.path(label.getKey()).asText())
                .as("the policy selects %s's pod by %s", job, label.getKey())
                .isEqualTo(label.getValue().asText()));
        assertThat(texts(policy.at("/spec/policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.at("/spec/ingress").isMissingNode()
                        || policy.at("/spec/ingress").isEmpty())
                .as("a run serves nothing: no ingress rule")
                .isTrue();
        var dnsAndKafka =
                new TreeSet<>(texts(ChartValues.of(ValueSet.PRODUCTION).at("/networkPolicy/kafkaPorts")));
        dnsAndKafka.add("53");
        assertThat(new TreeSet<>(policy.at("/spec/egress").findValuesAsText("port")))
                .as("DNS and Kafka only")
                .isEqualTo(dnsAndKafka);
        assertThat(find(objects, "NetworkPolicy", "a-path-ingest").at("/spec/egress"))
                .as("the same egress rules as the services'")
                .isEqualTo(policy.at("/spec/egress"));
    }

    @Test
    void aRunIsADryRunUnlessToldOtherwise() {
        var dry = find(render(Map.of("deadLetters.replay.dlq", "mentions.v1.dlq")), "Job", "a-path-dlq-replay-1");
        var wet = find(
                render(Map.of("deadLetters.replay.dlq", "mentions.v1.dlq", "deadLetters.replay.dryRun", false)),
                "Job",
                "a-path-dlq-replay-1");

        assertThat(texts(dry.at("/spec/template/spec/containers/0/args"))).contains("--dry-run");
        assertThat(texts(wet.at("/spec/template/spec/containers/0/args"))).doesNotContain("--dry-run");
    }

    @Test
    void theReplayUserWritesOnlyWhereTheCatalogueSaysDeadLettersComeFrom() {
        var user = find(render(RUN), "KafkaUser", "a-path-dead-letters");
        Set<String> deadLetterTopics = new TreeSet<>();
        Set<String> sources = new TreeSet<>();
        for (Topic<?, ?> consumed : Topics.CONSUMED) {
            String dlq = consumed.deadLetters().name();
            deadLetterTopics.add(dlq);
            Topics.deadLetteredTo(dlq).forEach(t -> sources.add(t.name()));
        }

        assertThat(topics(user, "Write")).isEqualTo(sources);
        assertThat(topics(user, "Read")).isEqualTo(deadLetterTopics);
        // the command's default group and transactional id are apath-dlq-replay-<dlq> (dead-letters ReplayOptions)
        assertThat(user.at("/spec/authorization/acls").findValuesAsText("name")).contains("apath-dlq-replay-");
    }

    @Test
    void theValuesSchemaOffersExactlyTheCataloguesDeadLetterTopics() throws IOException {
        var schema = new ObjectMapper()
                .readTree(Chart.chartDir().resolve("values.schema.json").toFile());
        var offered = new TreeSet<>(texts(schema.at("/properties/deadLetters/properties/replay/properties/dlq/enum")));
        offered.remove("");

        assertThat(offered)
                .containsExactlyInAnyOrderElementsOf(Topics.CONSUMED.stream()
                        .map(t -> t.deadLetters().name())
                        .toList());
    }

    /** Every object against its schema (Kubernetes or Strimzi), and the chart's pod policies, with production values. */
    static List<String> violations(List<JsonNode> objects) {
        var schemas = KubernetesSchemas.load();
        var violations = new ArrayList<String>();
        for (var object : objects) {
            violations.addAll(
                    StrimziModels.isStrimzi(object) ? StrimziModels.validate(object) : schemas.validate(object));
        }
        violations.addAll(ManifestPolicies.check(objects, ChartValues.externalSecrets(ValueSet.PRODUCTION)));
        return violations;
    }

    static Set<String> topics(JsonNode user, String operation) {
        Set<String> topics = new TreeSet<>();
        for (var acl : user.at("/spec/authorization/acls")) {
            if (acl.at("/resource/type").asText().equals("topic")
                    && texts(acl.path("operations")).contains(operation)) {
                topics.add(acl.at("/resource/name").asText());
            }
        }
        return topics;
    }

    static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    static String chartAppVersion(List<JsonNode> objects) {
        return find(objects, "Deployment", "a-path-ingest")
                .at("/spec/template/spec/containers/0/image")
                .asText()
                .replaceAll(".*:", "");
    }
}
