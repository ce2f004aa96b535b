package io.apath.deploy;

import static io.apath.deploy.ChartValidationTest.find;
import static io.apath.deploy.ChartValidationTest.kinds;
import static io.apath.deploy.DeadLettersChartTest.chartAppVersion;
import static io.apath.deploy.DeadLettersChartTest.texts;
import static io.apath.deploy.DeadLettersChartTest.topics;
import static io.apath.deploy.DeadLettersChartTest.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.apath.contracts.Topics;
import io.apath.deploy.Chart.ValueSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The classifier's labelling tools in the chart: their read-only KafkaUser, and one run as a Job rendered on its own. */
class LabellingChartTest {

    private static final Map<String, Object> REVIEW_QUEUE = Map.of(
            "labelling.kafkaUser",
            true,
            "labelling.run.command",
            "review-queue",
            "labelling.run.name",
            "3",
            "labelling.run.tenant",
            "acme",
            "labelling.run.since",
            "14d",
            "labelling.run.limit",
            50,
            "labelling.run.brandAccounts[0]",
            "@acme",
            "labelling.run.brandAccounts[1]",
            "AcmeHelp");

    private static List<JsonNode> render(Map<String, Object> sets) {
        return Chart.parse(Chart.templateLayered(ValueSet.PRODUCTION.paths(), sets));
    }

    @Test
    void anInstallRunsNoToolAndCreatesNoToolCredentials() {
        for (var values : ValueSet.values()) {
            var objects = Chart.render(values);
            assertThat(kinds(objects, "KafkaUser")).as(values.name()).doesNotContain("a-path-labelling");
            assertThat(kinds(objects, "ConfigMap")).as(values.name()).doesNotContain("a-path-labelling-client");
        }
    }

    @Test
    void aReviewQueueRunIsAValidHardenedJobOnTheClassifiersImage() {
        var objects = render(REVIEW_QUEUE);
        assertThat(violations(objects)).isEmpty();

        var pod = find(objects, "Job", "a-path-review-queue-3").at("/spec/template/spec");
        var container = pod.at("/containers/0");
        assertThat(container.path("image").asText()).endsWith("/classifier-service:" + chartAppVersion(objects));
        assertThat(texts(container.path("command")))
                .containsExactly(
                        "java",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-cp",
                        "@/app/jib-classpath-file",
                        "io.apath.classifier.cli.ClassifierCli");
        assertThat(texts(container.path("args")))
                .containsExactly(
                        "review-queue",
                        "--bootstrap",
                        ChartValues.of(ValueSet.PRODUCTION)
                                .at("/kafka/bootstrapServers")
                                .asText(),
                        "--consumer-config",
                        "/etc/a-path/client/client.properties",
                        "--tenant",
                        "acme",
                        "--topic",
                        Topics.MENTIONS_CLASSIFIED.name(),
                        "--corrections-topic",
                        Topics.LABEL_CORRECTIONS.name(),
                        "--suppressions-topic",
                        Topics.SUPPRESSIONS.name(),
                        "--since",
                        "14d",
                        "--limit",
                        "50",
                        "--order",
                        "random",
                        "--brand-accounts",
                        "@acme,AcmeHelp");
        assertThat(find(objects, "ConfigMap", "a-path-labelling-client")
                        .at("/data/client.properties")
                        .asText())
                .contains("security.protocol=SASL_SSL")
                .contains("sasl.jaas.config=${secret:/etc/a-path/kafka-user:sasl.jaas.config}");
        assertThat(pod.path("volumes").findValuesAsText("secretName")).contains("a-path-labelling");
    }

    @Test
    void aRunIsFencedLikeTheServicesWhenNetworkPoliciesAreOn() {
        DeadLettersChartTest.assertToolPolicy(render(REVIEW_QUEUE), "a-path-review-queue-3", "a-path-labelling");
    }

    @Test
    void aCorrectionsRunReadsTheCorrectionsTopic() {
        var job = find(
                render(Map.of("labelling.run.command", "corrections", "labelling.run.tenant", "acme")),
                "Job",
                "a-path-corrections-1");

        assertThat(texts(job.at("/spec/template/spec/containers/0/args")))
                .containsSequence("corrections", "--bootstrap")
                .containsSequence("--tenant", "acme", "--topic", Topics.LABEL_CORRECTIONS.name())
                .doesNotContain("--since", "--limit", "--suppressions-topic");
    }

    @Test
    void aRunNamesItsTenant() {
        assertThatThrownBy(() -> render(Map.of("labelling.run.command", "review-queue")))
                .hasMessageContaining("labelling.run.tenant");
    }

    @Test
    void theToolsUserOnlyReadsWhatTheToolsRead() {
        var user = find(render(REVIEW_QUEUE), "KafkaUser", "a-path-labelling");

        assertThat(topics(user, "Read"))
                .isEqualTo(Set.of(
                        Topics.MENTIONS_CLASSIFIED.name(),
                        Topics.LABEL_CORRECTIONS.name(),
                        Topics.SUPPRESSIONS.name()));
        assertThat(topics(user, "Write")).isEmpty();
        assertThat(user.at("/spec/authorization/acls").findValuesAsText("type"))
                .as("no consumer group, transactional id or cluster right")
                .containsOnly("topic");
    }
}
