package io.apath.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apath.deploy.Chart.ValueSet;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Alerts that ops can act on, and a dashboard Grafana's sidecar will load. */
class MonitoringTest {

    private static final List<JsonNode> PRODUCTION = Chart.render(ValueSet.PRODUCTION);

    @Test
    void alertsCoverLagDeadLettersIngestRefusalsSlaAndRestores() {
        assertThat(alerts())
                .extracting(a -> a.path("alert").asText())
                .contains(
                        "APathConsumerLagGrowing",
                        "APathDeadLetterRecords",
                        "APathIngestUnavailable",
                        "APathResponseSlaBreached",
                        "APathJourneyStateRestoringTooLong",
                        "APathTenantsFileRefused");
    }

    @Test
    void everyAlertHasSeverityAndARunbookSectionInTheReadme() throws IOException {
        var readme = Files.readString(Chart.deployDir().resolve("README.md"));

        assertThat(alerts()).allSatisfy(alert -> {
            var name = alert.path("alert").asText();
            assertThat(alert.at("/labels/severity").asText()).as(name).isIn("warning", "critical");
            assertThat(alert.at("/annotations/summary").asText()).as(name).isNotBlank();
            assertThat(alert.at("/annotations/runbook_url").asText())
                    .as(name)
                    .endsWith("deploy/README.md#" + name.toLowerCase(Locale.ROOT));
            assertThat(readme).as("runbook for " + name).contains("### " + name);
        });
    }

    @Test
    void alertExpressionsAreScopedToTheReleaseNamespaceOrItsConsumerGroups() {
        assertThat(alerts()).allSatisfy(alert -> assertThat(alert.path("expr").asText())
                .as(alert.path("alert").asText())
                .containsAnyOf(
                        "namespace=\"a-path\"", "consumergroup=~\"classifier-service|journey-service\"", ".dlq"));
    }

    @Test
    void dashboardShipsAsALabelledConfigMapWithAQueryPerPanel() throws IOException {
        var configMap = ChartValidationTest.find(PRODUCTION, "ConfigMap", "a-path-dashboard");
        var dashboard = new ObjectMapper()
                .readTree(configMap.at("/data/a-path-overview.json").asText());

        assertThat(configMap.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
        assertThat(dashboard.path("uid").asText()).isEqualTo("a-path-overview");
        var panels = StreamSupport.stream(dashboard.path("panels").spliterator(), false)
                .filter(p -> !p.path("type").asText().equals("row"))
                .toList();
        assertThat(panels)
                .extracting(p -> p.path("title").asText())
                .contains(
                        "Throughput per service (records written/s)",
                        "Consumer lag",
                        "Dead-lettered records (per hour)",
                        "Classifier label mix",
                        "Funnel: customers entering each stage",
                        "Response SLA");
        assertThat(panels).allSatisfy(panel -> assertThat(panel.path("targets"))
                .as(panel.path("title").asText())
                .isNotEmpty()
                .allSatisfy(target -> assertThat(target.path("expr").asText()).isNotBlank()));
    }

    @Test
    void scrapingUsesTheManagementPortNotTheApiPort() {
        var monitor = ChartValidationTest.find(PRODUCTION, "ServiceMonitor", "a-path");

        assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("management");
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/actuator/prometheus");
        assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("kube-prometheus-stack");
    }

    private static List<JsonNode> alerts() {
        var rule = ChartValidationTest.find(PRODUCTION, "PrometheusRule", "a-path");
        return StreamSupport.stream(rule.at("/spec/groups").spliterator(), false)
                .flatMap(g -> StreamSupport.stream(g.path("rules").spliterator(), false))
                .filter(r -> r.has("alert"))
                .toList();
    }
}
