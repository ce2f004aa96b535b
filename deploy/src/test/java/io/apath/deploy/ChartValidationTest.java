package io.apath.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.apath.deploy.Chart.ValueSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** helm lint, then helm template for every value set, each object checked by schema and by policy. */
class ChartValidationTest {

    @Test
    void chartPassesStrictHelmLint() {
        var result = Chart.lint();

        assertThat(result.isFailed())
                .as(String.join("\n", result.getMessages()))
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyRenderedObjectConformsToItsSchema(ValueSet values) {
        var schemas = KubernetesSchemas.load();
        var violations = new ArrayList<String>();
        for (var object : Chart.render(values)) {
            violations.addAll(
                    StrimziModels.isStrimzi(object) ? StrimziModels.validate(object) : schemas.validate(object));
        }

        assertThat(violations).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void renderedObjectsKeepTheOperationalPolicies(ValueSet values) {
        var violations = ManifestPolicies.check(Chart.render(values), ChartValues.externalSecrets(values));

        assertThat(violations).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyObjectCarriesTheChartLabels(ValueSet values) {
        assertThat(Chart.render(values)).allSatisfy(object -> assertThat(object.path("metadata")
                        .path("labels")
                        .path("app.kubernetes.io/part-of")
                        .asText())
                .as(Chart.describe(object))
                .isEqualTo("a-path"));
    }

    @Test
    void defaultsRenderTheThreeServicesWithStateForJourney() {
        var objects = Chart.render(ValueSet.DEFAULTS);

        assertThat(kinds(objects, "Deployment")).containsExactlyInAnyOrder("a-path-ingest", "a-path-classifier");
        assertThat(kinds(objects, "StatefulSet")).containsExactly("a-path-journey");
        assertThat(kinds(objects, "Service"))
                .containsExactlyInAnyOrder(
                        "a-path-ingest", "a-path-classifier", "a-path-journey", "a-path-journey-headless");
        assertThat(kinds(objects, "ConfigMap"))
                .containsExactlyInAnyOrder(
                        "a-path-ingest-config",
                        "a-path-classifier-config",
                        "a-path-journey-config",
                        "a-path-journey-rules");
        assertThat(kinds(objects, "PodDisruptionBudget")).hasSize(3);
        assertThat(kinds(objects, "KafkaUser")).hasSize(3);
        assertThat(kinds(objects, "Secret"))
                .as("no credentials are rendered inline")
                .isEmpty();
        var journey = find(objects, "StatefulSet", "a-path-journey");
        assertThat(journey.at("/spec/volumeClaimTemplates/0/spec/resources/requests/storage")
                        .asText())
                .isEqualTo("10Gi");
    }

    @Test
    void productionRendersAutoscalingMonitoringAndNetworkPolicies() {
        var objects = Chart.render(ValueSet.PRODUCTION);

        assertThat(kinds(objects, "HorizontalPodAutoscaler")).containsExactly("a-path-ingest");
        assertThat(kinds(objects, "ScaledObject")).containsExactlyInAnyOrder("a-path-classifier", "a-path-journey");
        assertThat(kinds(objects, "TriggerAuthentication")).hasSize(2);
        assertThat(kinds(objects, "NetworkPolicy")).hasSize(3);
        assertThat(kinds(objects, "ServiceMonitor")).hasSize(1);
        assertThat(kinds(objects, "PrometheusRule")).hasSize(1);
        assertThat(kinds(objects, "ConfigMap")).contains("a-path-dashboard");
        var classifier = find(objects, "ScaledObject", "a-path-classifier");
        assertThat(classifier.at("/spec/maxReplicaCount").asInt())
                .as("12 asked for, capped at the 6 partitions of mentions.v1")
                .isEqualTo(6);
    }

    @Test
    void tenantKeySecretsReachEveryServiceWithAnApiAndItsPortIsOpenUnderNetworkPolicies() {
        var objects = Chart.render(ValueSet.PRODUCTION);

        for (var workload : List.of(
                find(objects, "Deployment", "a-path-ingest"),
                find(objects, "Deployment", "a-path-classifier"),
                find(objects, "StatefulSet", "a-path-journey"))) {
            var pod = workload.at("/spec/template/spec");
            assertThat(pod.at("/volumes").findValuesAsText("secretName"))
                    .as("%s mounts the tenants' key hashes", workload.at("/metadata/name"))
                    .contains("a-path-tenants");
            var locations = pod.at("/containers/0/env").findParents("name").stream()
                    .filter(e -> e.path("name").asText().equals("SPRING_CONFIG_ADDITIONAL_LOCATION"))
                    .findFirst()
                    .orElseThrow();
            assertThat(locations.path("value").asText()).contains("file:/config/secrets/tenants.yml");
            assertThat(pod.at("/containers/0/env").findParents("name").stream()
                            .filter(e -> e.path("name").asText().equals("APATH_TENANTS_FILE"))
                            .map(e -> e.path("value").asText()))
                    .as("%s watches the mounted file, so a rotated key needs no restart", workload.at("/metadata/name"))
                    .containsExactly("/config/secrets/tenants.yml");
        }
        for (var component : List.of("ingest", "classifier", "journey")) {
            var policy = find(objects, "NetworkPolicy", "a-path-" + component);
            assertThat(policy.at("/spec/ingress").findValuesAsText("port"))
                    .as("%s's API port is reachable", component)
                    .contains("http");
        }
    }

    @Test
    void minimalRendersPlaintextKafkaWithoutUsersOrBudgets() {
        var objects = Chart.render(ValueSet.MINIMAL);

        assertThat(kinds(objects, "KafkaUser")).isEmpty();
        assertThat(kinds(objects, "PodDisruptionBudget")).isEmpty();
        var ingestConfig = find(objects, "ConfigMap", "a-path-ingest-config")
                .at("/data/ingest-service.yml")
                .asText();
        assertThat(ingestConfig).contains("security.protocol: PLAINTEXT").doesNotContain("sasl");
    }

    @Test
    void kafkaSecurityIsWiredThroughSecretsNotValues() {
        var objects = Chart.render(ValueSet.PRODUCTION);
        var journeyConfig = find(objects, "ConfigMap", "a-path-journey-config")
                .at("/data/journey-service.yml")
                .asText();
        var journey = find(objects, "StatefulSet", "a-path-journey");

        assertThat(journeyConfig)
                .contains("security.protocol: SASL_SSL", "sasl.mechanism: SCRAM-SHA-512", "${KAFKA_SASL_JAAS_CONFIG}")
                .contains("ssl.truststore.location: /etc/a-path/kafka-ca/ca.crt")
                .contains("dead-letter-topic: mentions-classified.v1.dlq");
        var advertised = journey.at("/spec/template/spec/containers/0/env").findParents("name").stream()
                .filter(e -> e.path("name").asText().equals("JOURNEY_ADVERTISED_HOST"))
                .findFirst()
                .orElseThrow();
        assertThat(advertised.path("value").asText())
                .isEqualTo("$(POD_NAME).a-path-journey-headless.$(POD_NAMESPACE).svc");
        var jaas = journey.at("/spec/template/spec/containers/0/env").findParents("name").stream()
                .filter(e -> e.path("name").asText().equals("KAFKA_SASL_JAAS_CONFIG"))
                .findFirst()
                .orElseThrow();
        assertThat(jaas.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("a-path-journey");
        assertThat(jaas.at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("sasl.jaas.config");
    }

    @Test
    void podMonitorAlternativeRendersValidAndSelectsThePods() {
        var objects = Chart.parse(Chart.template(
                ValueSet.PRODUCTION.paths().get(0),
                java.util.Map.of("monitoring.serviceMonitor.enabled", false, "monitoring.podMonitor.enabled", true)));
        var schemas = KubernetesSchemas.load();

        assertThat(kinds(objects, "ServiceMonitor")).isEmpty();
        var podMonitor = find(objects, "PodMonitor", "a-path");
        assertThat(schemas.validate(podMonitor)).isEmpty();
        assertThat(podMonitor.at("/spec/podMetricsEndpoints/0/port").asText()).isEqualTo("management");
        assertThat(ManifestPolicies.check(objects, ChartValues.externalSecrets(ValueSet.PRODUCTION)))
                .isEmpty();
    }

    static Set<String> kinds(List<JsonNode> objects, String kind) {
        return objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind))
                .map(o -> o.path("metadata").path("name").asText())
                .collect(Collectors.toSet());
    }

    static JsonNode find(List<JsonNode> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind))
                .filter(o -> o.path("metadata").path("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    @Test
    void swaggerUiIsOffOnThePublicPortsUnlessAskedFor() throws Exception {
        for (var values : List.of(ValueSet.DEFAULTS, ValueSet.PRODUCTION)) {
            var objects = Chart.render(values);
            for (var config : List.of("ingest", "journey")) {
                var yaml = Chart.YAML.readTree(find(objects, "ConfigMap", "a-path-" + config + "-config")
                        .at("/data/" + config + "-service.yml")
                        .asText());
                assertThat(yaml.at("/springdoc/swagger-ui/enabled").isBoolean())
                        .as(config + " " + values)
                        .isTrue();
                assertThat(yaml.at("/springdoc/swagger-ui/enabled").asBoolean())
                        .as(config + " " + values)
                        .isFalse();
            }
        }
        var enabled = Chart.parse(Chart.template(null, java.util.Map.of("apiDocs.swaggerUi", true)));
        var ingest = Chart.YAML.readTree(find(enabled, "ConfigMap", "a-path-ingest-config")
                .at("/data/ingest-service.yml")
                .asText());
        assertThat(ingest.at("/springdoc/swagger-ui/enabled").asBoolean()).isTrue();
    }

    @Test
    void classifierConsumerThreadsFollowTheValueAndDefaultToThePodsOneCpu() throws Exception {
        for (var entry : java.util.Map.of(
                        1,
                        java.util.Map.<String, Object>of(),
                        3,
                        java.util.Map.<String, Object>of("classifier.consumerThreads", 3))
                .entrySet()) {
            var objects = Chart.parse(Chart.template(null, entry.getValue()));
            var config = Chart.YAML.readTree(find(objects, "ConfigMap", "a-path-classifier-config")
                    .at("/data/classifier-service.yml")
                    .asText());
            assertThat(config.at("/spring/cloud/stream/bindings/classify-in-0/consumer/concurrency")
                            .asInt())
                    .as("consumer threads with %s", entry.getValue())
                    .isEqualTo(entry.getKey());
        }
    }

    @Test
    void journeyPodsJoinTheirConsumerGroupUnderTheirOwnNameSoARestartNeedsNoRebalance() throws Exception {
        var objects = Chart.render(ValueSet.DEFAULTS);
        var streams = journeyStreamsConfiguration(objects);
        assertThat(streams.path("group.instance.id").asText()).isEqualTo("${POD_NAME}");
        assertThat(streams.path("session.timeout.ms").asInt()).isEqualTo(45000);
        assertThat(streams.path("num.stream.threads").asInt()).isEqualTo(2);
        var podName = find(objects, "StatefulSet", "a-path-journey")
                .at("/spec/template/spec/containers/0/env")
                .findParents("name")
                .stream()
                .filter(e -> e.path("name").asText().equals("POD_NAME"))
                .findFirst()
                .orElseThrow();
        assertThat(podName.at("/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("metadata.name");

        var dynamic = Chart.parse(Chart.template(null, java.util.Map.of("journey.staticMembership.enabled", false)));
        assertThat(journeyStreamsConfiguration(dynamic).has("group.instance.id"))
                .isFalse();
        assertThat(journeyStreamsConfiguration(dynamic)
                        .path("num.standby.replicas")
                        .asInt())
                .isEqualTo(1);
    }

    private static JsonNode journeyStreamsConfiguration(List<JsonNode> objects) throws Exception {
        var config = find(objects, "ConfigMap", "a-path-journey-config")
                .at("/data/journey-service.yml")
                .asText();
        return Chart.YAML.readTree(config).at("/spring/cloud/stream/kafka/streams/binder/configuration");
    }

    @Test
    void theClassifierRunsWithItsMeasuredSmallHeapAndTheOthersKeepTheSharedJvmOptions() {
        var objects = Chart.render(ValueSet.DEFAULTS);

        assertThat(javaToolOptions(find(objects, "Deployment", "a-path-classifier")))
                .contains("-Xmx128m", "-XX:+UseSerialGC")
                .doesNotContain("MaxRAMPercentage");
        assertThat(javaToolOptions(find(objects, "Deployment", "a-path-ingest")))
                .contains("-XX:MaxRAMPercentage=70");
        assertThat(javaToolOptions(find(objects, "StatefulSet", "a-path-journey")))
                .contains("-XX:MaxRAMPercentage=70");
    }

    private static String javaToolOptions(JsonNode workload) {
        for (var env : workload.at("/spec/template/spec/containers/0/env")) {
            if (env.path("name").asText().equals("JAVA_TOOL_OPTIONS")) {
                return env.path("value").asText();
            }
        }
        throw new AssertionError(
                "no JAVA_TOOL_OPTIONS in " + workload.at("/metadata/name").asText());
    }

    static final Map<String, Object> ONE_RSS_FEED = Map.of(
            "connectors.enabled", true,
            "connectors.rss[0].id", "acme-blog",
            "connectors.rss[0].tenant", "acme",
            "connectors.rss[0].url", "https://example.com/feed.xml",
            "connectors.rss[0].interval", "5m");

    @Test
    void pullConnectorsAreOffByDefaultAndNeverRunInTheIngestPods() throws Exception {
        assertThat(ChartValues.of(ValueSet.DEFAULTS).at("/connectors/enabled").isBoolean())
                .as("connectors.enabled is a documented default")
                .isTrue();
        assertThat(ChartValues.of(ValueSet.DEFAULTS).at("/connectors/enabled").asBoolean())
                .isFalse();
        for (var values : List.of(ValueSet.DEFAULTS, ValueSet.MINIMAL, ValueSet.PRODUCTION)) {
            var objects = Chart.render(values);
            assertThat(objects)
                    .as(values.name())
                    .noneMatch(o -> o.at("/metadata/name").asText().startsWith("a-path-connectors"));
        }
        var ingest = Chart.YAML.readTree(
                find(Chart.render(ValueSet.PRODUCTION_WITH_CONNECTORS), "ConfigMap", "a-path-ingest-config")
                        .at("/data/ingest-service.yml")
                        .asText());
        assertThat(ingest.at("/ingest/connectors").isMissingNode())
                .as("the ingest pods keep the service default, connectors off")
                .isTrue();
    }

    @Test
    void oneRssFeedRunsInASingleRecreatedPodConfiguredLikeIngestWithTheFeed() throws Exception {
        var objects = Chart.parse(Chart.template(null, ONE_RSS_FEED));
        var connectors = find(objects, "Deployment", "a-path-connectors");
        var ingest = find(objects, "Deployment", "a-path-ingest");

        assertThat(connectors.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(connectors.at("/spec/strategy/type").asText()).isEqualTo("Recreate");
        assertThat(connectors.at("/spec/strategy/rollingUpdate").isMissingNode())
                .isTrue();
        assertThat(kinds(objects, "HorizontalPodAutoscaler")).doesNotContain("a-path-connectors");
        assertThat(kinds(objects, "PodDisruptionBudget")).doesNotContain("a-path-connectors");
        var container = connectors.at("/spec/template/spec/containers/0");
        assertThat(container.path("name").asText()).isEqualTo("ingest-service");
        assertThat(container.path("image").asText())
                .isEqualTo(ingest.at("/spec/template/spec/containers/0/image").asText());
        assertThat(envSecret(container, "KAFKA_SASL_JAAS_CONFIG"))
                .as("authenticates as ingest's KafkaUser")
                .isEqualTo("a-path-ingest");
        assertThat(connectors.at("/spec/template/spec/volumes").findValuesAsText("name"))
                .contains("a-path-connectors-config");

        var config = Chart.YAML.readTree(find(objects, "ConfigMap", "a-path-connectors-config")
                .at("/data/ingest-service.yml")
                .asText());
        var ingestConfig = Chart.YAML.readTree(find(objects, "ConfigMap", "a-path-ingest-config")
                .at("/data/ingest-service.yml")
                .asText());
        assertThat(config.at("/ingest/connectors/enabled").asBoolean()).isTrue();
        assertThat(config.at("/ingest/connectors/rss/0/id").asText()).isEqualTo("acme-blog");
        assertThat(config.at("/ingest/connectors/rss/0/tenant").asText()).isEqualTo("acme");
        assertThat(config.at("/ingest/connectors/rss/0/url").asText()).isEqualTo("https://example.com/feed.xml");
        assertThat(config.at("/ingest/connectors/rss/0/interval").asText()).isEqualTo("5m");
        assertThat(config.at("/ingest/kafka"))
                .as("same topics, checkpoints topic and Kafka security as the ingest pods")
                .isEqualTo(ingestConfig.at("/ingest/kafka"));
        assertThat(config.at("/ingest/kafka/checkpoints-topic").asText()).isEqualTo("ingest-checkpoints.v1");
        assertThat(ManifestPolicies.check(objects, ChartValues.externalSecrets(ValueSet.DEFAULTS)))
                .isEmpty();
    }

    @Test
    void mastodonEntriesBecomeTheServicesKebabCaseKeys() throws Exception {
        var config = Chart.YAML.readTree(
                find(Chart.render(ValueSet.PRODUCTION_WITH_CONNECTORS), "ConfigMap", "a-path-connectors-config")
                        .at("/data/ingest-service.yml")
                        .asText());

        var mastodon = config.at("/ingest/connectors/mastodon/0");
        assertThat(mastodon.path("base-url").asText()).isEqualTo("https://mastodon.social");
        assertThat(mastodon.path("page-size").asInt()).isEqualTo(40);
        assertThat(mastodon.has("baseUrl")).isFalse();
    }

    @Test
    void theConnectorsPodTakesNoIntakeTrafficButIsScrapedAndMayFetchFeeds() {
        var objects = Chart.render(ValueSet.PRODUCTION_WITH_CONNECTORS);
        var podLabels = find(objects, "Deployment", "a-path-connectors").at("/spec/template/metadata/labels");

        assertThat(selects(find(objects, "Service", "a-path-ingest").at("/spec/selector"), podLabels))
                .as("the ingest Service does not select the connectors pod")
                .isFalse();
        assertThat(objects.stream()
                        .filter(o -> o.path("kind").asText().equals("Service"))
                        .filter(o -> selects(o.at("/spec/selector"), podLabels))
                        .flatMap(o -> o.at("/spec/ports").findValuesAsText("name").stream()))
                .as("only the management port of the connectors pod is behind a Service")
                .containsExactly("management");
        assertThat(objects.stream()
                        .filter(o -> Set.of("HorizontalPodAutoscaler", "ScaledObject")
                                .contains(o.path("kind").asText()))
                        .map(o -> o.at("/spec/scaleTargetRef/name").asText()))
                .doesNotContain("a-path-connectors");
        assertThat(objects.stream()
                        .filter(o -> o.path("kind").asText().equals("PodDisruptionBudget"))
                        .filter(o -> selects(o.at("/spec/selector/matchLabels"), podLabels)))
                .isEmpty();

        var monitored = find(objects, "ServiceMonitor", "a-path").at("/spec/selector/matchLabels");
        assertThat(selects(
                        monitored, find(objects, "Service", "a-path-connectors").at("/metadata/labels")))
                .as("scraped like ingest")
                .isTrue();

        var policy = find(objects, "NetworkPolicy", "a-path-connectors");
        assertThat(policy.at("/spec/ingress").findValuesAsText("port")).containsExactly("management");
        var feeds = java.util.stream.StreamSupport.stream(
                        policy.at("/spec/egress").spliterator(), false)
                .filter(rule -> rule.at("/ports").findValuesAsText("port").contains("443"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no egress on 443"));
        assertThat(feeds.at("/ports").findValuesAsText("port")).containsExactlyInAnyOrder("443", "80");
        assertThat(feeds.at("/to/0/ipBlock/cidr").asText()).isEqualTo("0.0.0.0/0");
        assertThat(find(objects, "NetworkPolicy", "a-path-ingest")
                        .at("/spec/egress")
                        .findValuesAsText("port"))
                .as("the ingest pods still reach only DNS and Kafka")
                .doesNotContain("443", "80");
    }

    @Test
    void aConfigChangeRollsOnlyTheServiceItConfigures() {
        var base = configChecksums(Map.of("connectors.enabled", false));
        assertThat(new java.util.HashSet<>(base.values()))
                .as("each service's pods carry the checksum of their own ConfigMaps")
                .hasSize(3);

        assertThat(changed(base, configChecksums(Map.of("classifier.config.logging.level.root", "DEBUG"))))
                .containsExactly("Deployment/a-path-classifier");
        assertThat(changed(base, configChecksums(Map.of("journey.config.logging.level.root", "DEBUG"))))
                .containsExactly("StatefulSet/a-path-journey");
        assertThat(changed(base, configChecksums(Map.of("journey.rules", "rules: {}"))))
                .as("the journey rules ConfigMap")
                .containsExactly("StatefulSet/a-path-journey");
        assertThat(changed(base, configChecksums(Map.of("ingest.config.logging.level.root", "DEBUG"))))
                .containsExactly("Deployment/a-path-ingest");

        var withFeed = configChecksums(ONE_RSS_FEED);
        var otherFeed = new java.util.HashMap<String, Object>(ONE_RSS_FEED);
        otherFeed.put("connectors.rss[0].interval", "10m");
        assertThat(changed(withFeed, configChecksums(otherFeed))).containsExactly("Deployment/a-path-connectors");
    }

    /** checksum/config of every workload's pod template, by kind/name. */
    private static Map<String, String> configChecksums(Map<String, Object> sets) {
        var checksums = new java.util.TreeMap<String, String>();
        for (var o : Chart.parse(Chart.template(null, sets))) {
            var annotation = o.at("/spec/template/metadata/annotations/checksum~1config");
            if (!annotation.isMissingNode()) {
                checksums.put(
                        o.path("kind").asText() + "/" + o.at("/metadata/name").asText(), annotation.asText());
            }
        }
        return checksums;
    }

    private static List<String> changed(Map<String, String> before, Map<String, String> after) {
        assertThat(after.keySet()).isEqualTo(before.keySet());
        return before.keySet().stream()
                .filter(workload -> !before.get(workload).equals(after.get(workload)))
                .toList();
    }

    @Test
    void theConnectorsPodHoldsNoTenantSecretsEvenWhereTheIngestPodsDo() {
        var objects = Chart.render(ValueSet.PRODUCTION_WITH_CONNECTORS);
        var ingestPod = find(objects, "Deployment", "a-path-ingest").at("/spec/template/spec");
        var connectorsPod = find(objects, "Deployment", "a-path-connectors").at("/spec/template/spec");

        assertThat(ingestPod.at("/volumes").findValuesAsText("secretName"))
                .as("the production values give ingest a tenants Secret")
                .contains("a-path-tenants");
        assertThat(connectorsPod.at("/volumes").findValuesAsText("secretName"))
                .as("API-key hashes and webhook secrets stay out of the pod that fetches from the internet")
                .doesNotContain("a-path-tenants");
        assertThat(connectorsPod.toString()).doesNotContain("/config/secrets");
    }

    @Test
    void theConnectorsShareIngestsKafkaUserWhoseAclsCoverWhatTheyReadAndWrite() {
        var objects = Chart.render(ValueSet.PRODUCTION_WITH_CONNECTORS);
        var user = find(objects, "KafkaUser", "a-path-ingest");

        assertThat(acl(user, "mentions.v1")).contains("Write", "Read");
        assertThat(acl(user, "ingest-checkpoints.v1")).contains("Write", "Read");
        assertThat(acl(user, "suppressions.v1")).contains("Read");
        assertThat(kinds(objects, "KafkaUser")).doesNotContain("a-path-connectors");

        var withoutIntake = Chart.parse(
                Chart.templateLayered(ValueSet.PRODUCTION_WITH_CONNECTORS.paths(), Map.of("ingest.enabled", false)));
        assertThat(kinds(withoutIntake, "Deployment"))
                .contains("a-path-connectors")
                .doesNotContain("a-path-ingest");
        assertThat(kinds(withoutIntake, "KafkaUser"))
                .as("the connectors still need ingest's user when the intake API is off")
                .contains("a-path-ingest");
    }

    private static List<String> acl(JsonNode kafkaUser, String topic) {
        var operations = new ArrayList<String>();
        for (var acl : kafkaUser.at("/spec/authorization/acls")) {
            if (acl.at("/resource/name").asText().equals(topic)) {
                acl.path("operations").forEach(op -> operations.add(op.asText()));
            }
        }
        return operations;
    }

    private static String envSecret(JsonNode container, String name) {
        for (var env : container.path("env")) {
            if (env.path("name").asText().equals(name)) {
                return env.at("/valueFrom/secretKeyRef/name").asText();
            }
        }
        throw new AssertionError("no " + name);
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.isEmpty()) {
            return false;
        }
        var entries = selector.fields();
        while (entries.hasNext()) {
            var entry = entries.next();
            if (!labels.path(entry.getKey()).asText().equals(entry.getValue().asText())) {
                return false;
            }
        }
        return true;
    }
}
