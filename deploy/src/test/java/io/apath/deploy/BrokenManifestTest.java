package io.apath.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apath.deploy.Chart.ValueSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The validators are only worth running if they fail on broken manifests: each test breaks one thing. */
class BrokenManifestTest {

    private static final Set<String> PRODUCTION_SECRETS = ChartValues.externalSecrets(ValueSet.PRODUCTION);

    @Test
    void aSelectorThatDoesNotMatchItsPodsIsRejected() {
        var broken = breakObject(
                ValueSet.DEFAULTS, "Deployment", "a-path-ingest", d -> ((ObjectNode) d.at("/spec/selector/matchLabels"))
                        .put("app.kubernetes.io/component", "ingestion"));

        assertThat(ManifestPolicies.check(broken, ChartValues.externalSecrets(ValueSet.DEFAULTS)))
                .anySatisfy(v -> assertThat(v)
                        .startsWith("Deployment/a-path-ingest: selector")
                        .contains("does not match its pod labels"));
    }

    @Test
    void aServiceSelectingNoPodsIsRejected() {
        var broken = breakObject(
                ValueSet.DEFAULTS, "Service", "a-path-classifier", s -> ((ObjectNode) s.at("/spec/selector"))
                        .put("app.kubernetes.io/component", "classify"));

        assertThat(ManifestPolicies.check(broken, ChartValues.externalSecrets(ValueSet.DEFAULTS)))
                .containsExactly(
                        "Service/a-path-classifier: selector {\"app.kubernetes.io/name\":\"a-path\","
                                + "\"app.kubernetes.io/instance\":\"a-path\",\"app.kubernetes.io/component\":\"classify\"} matches no rendered pods");
    }

    @Test
    void aServicePortAimedAtAnUndeclaredContainerPortIsRejected() {
        var broken =
                breakObject(ValueSet.DEFAULTS, "Service", "a-path-journey", s -> ((ObjectNode) s.at("/spec/ports/1"))
                        .put("targetPort", "metrics"));

        assertThat(ManifestPolicies.check(broken, ChartValues.externalSecrets(ValueSet.DEFAULTS)))
                .containsExactly(
                        "Service/a-path-journey: targetPort \"metrics\" is not a container port of the pods it selects");
    }

    @Test
    void aMisspeltFieldIsRejectedByTheKubernetesSchema() {
        var broken = breakObject(ValueSet.DEFAULTS, "StatefulSet", "a-path-journey", s -> {
            var container = (ObjectNode) s.at("/spec/template/spec/containers/0");
            container.set("readinesProbe", container.remove("readinessProbe"));
        });

        var violations = schemaViolations(broken);

        assertThat(violations)
                .anySatisfy(v ->
                        assertThat(v).startsWith("StatefulSet/a-path-journey").contains("readinesProbe"));
    }

    @Test
    void aWronglyTypedFieldIsRejectedByTheKubernetesSchema() {
        var broken =
                breakObject(ValueSet.DEFAULTS, "Deployment", "a-path-classifier", d -> ((ObjectNode) d.path("spec"))
                        .put("replicas", "two"));

        assertThat(schemaViolations(broken)).anySatisfy(v -> assertThat(v)
                .startsWith("Deployment/a-path-classifier")
                .contains("replicas")
                .contains("integer"));
    }

    @Test
    void anUnknownKindIsRejectedRatherThanSkipped() {
        var broken = new ArrayList<>(Chart.render(ValueSet.DEFAULTS));
        var ingress = Chart.copy(broken.get(0))
                .put("apiVersion", "extensions/v1beta1")
                .put("kind", "Ingress");
        broken.add(ingress);

        assertThat(schemaViolations(broken))
                .anySatisfy(v -> assertThat(v).contains("no schema for extensions/v1beta1/Ingress"));
    }

    @Test
    void aMisspeltStrimziFieldIsRejectedByTheStrimziModel() {
        var broken = breakObject(ValueSet.DEFAULTS, "KafkaTopic", "mentions-v1", t -> ((ObjectNode) t.path("spec"))
                .set("partition", ((ObjectNode) t.path("spec")).remove("partitions")));

        assertThat(schemaViolations(broken))
                .containsExactly("KafkaTopic/mentions-v1.spec: unknown field(s) [partition]");
    }

    @Test
    void aWritableRootFilesystemAndMissingProbesAreRejected() {
        var broken = breakObject(ValueSet.DEFAULTS, "Deployment", "a-path-classifier", d -> {
            var container = (ObjectNode) d.at("/spec/template/spec/containers/0");
            ((ObjectNode) container.path("securityContext")).put("readOnlyRootFilesystem", false);
            container.remove("livenessProbe");
        });

        assertThat(ManifestPolicies.check(broken, ChartValues.externalSecrets(ValueSet.DEFAULTS)))
                .containsExactlyInAnyOrder(
                        "Deployment/a-path-classifier: a-path-classifier/classifier-service has a writable root filesystem",
                        "Deployment/a-path-classifier: a-path-classifier/classifier-service has no probe on /actuator/health/liveness");
    }

    @Test
    void aSecretNobodyCreatesIsRejected() {
        var broken = breakObject(ValueSet.PRODUCTION, "Deployment", "a-path-ingest", d -> {
            for (var volume : d.at("/spec/template/spec/volumes")) {
                if (volume.has("secret")) {
                    ((ObjectNode) volume.path("secret")).put("secretName", "api-keys-typo");
                }
            }
        });

        assertThat(ManifestPolicies.check(broken, PRODUCTION_SECRETS))
                .anySatisfy(v -> assertThat(v).contains("references Secret api-keys-typo"));
    }

    @Test
    void anAutoscalerBeyondThePartitionCountIsRejected() {
        var broken =
                breakObject(ValueSet.PRODUCTION, "ScaledObject", "a-path-journey", s -> ((ObjectNode) s.path("spec"))
                        .put("maxReplicaCount", 12));

        assertThat(ManifestPolicies.check(broken, PRODUCTION_SECRETS))
                .containsExactly("ScaledObject/a-path-journey: maxReplicaCount 12 exceeds the 6 partitions of "
                        + "mentions-classified.v1; extra consumers would idle");
    }

    @Test
    void aGracePeriodShorterThanTheShutdownFailsAtRenderTime() {
        assertThatThrownBy(() -> Chart.template(null, Map.of("lifecycle.terminationGracePeriodSeconds", 25)))
                .hasMessageContaining(
                        "terminationGracePeriodSeconds (25) must exceed preStopSleepSeconds + shutdownTimeoutSeconds (30)");
    }

    @Test
    void wrongValuesFailAtInstallTimeThroughTheValuesSchema() {
        assertThatThrownBy(() -> Chart.template(null, Map.of("ingest.replicas", "two")))
                .hasMessageContaining("values don't meet the specifications of the schema");
        assertThatThrownBy(() -> Chart.template(null, Map.of("ingest.replica", 3)))
                .hasMessageContaining("replica");
        assertThatThrownBy(() -> Chart.template(null, Map.of("securityContext.readOnlyRootFilesystem", false)))
                .hasMessageContaining("readOnlyRootFilesystem");
        assertThatThrownBy(() -> Chart.template(null, Map.of("kafka.security.protocol", "SASL")))
                .hasMessageContaining("protocol");
    }

    @Test
    void connectorsWithNeitherAFeedNorAHashtagFailAtRenderTime() {
        assertThatThrownBy(() -> Chart.template(null, Map.of("connectors.enabled", true)))
                .hasMessageContaining(
                        "connectors.enabled is true but connectors.rss and connectors.mastodon are both" + " empty");
    }

    @Test
    void connectorsSwitchedOnThroughIngestConfigFailAtRenderTimePointingAtConnectorsEnabled() {
        assertThatThrownBy(() -> Chart.template(null, Map.of("ingest.config.ingest.connectors.enabled", true)))
                .hasMessageContaining("would run the pull connectors in every ingest replica")
                .hasMessageContaining("set connectors.enabled");
    }

    @Test
    void aConnectorEntryMissingItsUrlOrWithAnUnknownKeyIsRejectedByTheValuesSchema() {
        var feed = new java.util.HashMap<String, Object>(ChartValidationTest.ONE_RSS_FEED);
        feed.remove("connectors.rss[0].url");
        assertThatThrownBy(() -> Chart.template(null, feed))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("url");
        assertThatThrownBy(() -> Chart.template(
                        null,
                        Map.of(
                                "connectors.enabled", true,
                                "connectors.mastodon[0].id", "acme-tag",
                                "connectors.mastodon[0].tenant", "acme",
                                "connectors.mastodon[0].base-url", "https://mastodon.social",
                                "connectors.mastodon[0].hashtag", "acme",
                                "connectors.mastodon[0].interval", "1m")))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("base-url");
    }

    private static List<JsonNode> breakObject(ValueSet values, String kind, String name, Consumer<JsonNode> damage) {
        var objects = new ArrayList<JsonNode>();
        var found = false;
        for (var object : Chart.render(values)) {
            var copy = Chart.copy(object);
            if (copy.path("kind").asText().equals(kind)
                    && copy.at("/metadata/name").asText().equals(name)) {
                damage.accept(copy);
                found = true;
            }
            objects.add(copy);
        }
        assertThat(found).as(kind + "/" + name + " rendered").isTrue();
        return objects;
    }

    private static List<String> schemaViolations(List<JsonNode> objects) {
        var schemas = KubernetesSchemas.load();
        var violations = new ArrayList<String>();
        for (var object : objects) {
            violations.addAll(
                    StrimziModels.isStrimzi(object) ? StrimziModels.validate(object) : schemas.validate(object));
        }
        return violations;
    }
}
