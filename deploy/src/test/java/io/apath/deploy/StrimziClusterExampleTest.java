package io.apath.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.apath.deploy.Chart.ValueSet;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** deploy/kafka: the example Strimzi cluster is valid for Strimzi's model and is what the chart's defaults expect. */
class StrimziClusterExampleTest {

    private static final List<JsonNode> CLUSTER = Chart.parse(Chart.deployDir().resolve("kafka/kafka-cluster.yaml"));

    @Test
    void exampleClusterConformsToTheStrimziModel() {
        assertThat(CLUSTER)
                .extracting(o -> o.path("kind").asText())
                .containsExactlyInAnyOrder("Kafka", "KafkaNodePool");
        assertThat(CLUSTER.stream().flatMap(o -> StrimziModels.validate(o).stream()))
                .isEmpty();
    }

    @Test
    void nodePoolBelongsToTheClusterAndRunsKraftWithThreeNodes() {
        var kafka = kind("Kafka");
        var pool = kind("KafkaNodePool");

        assertThat(pool.at("/metadata/labels/strimzi.io~1cluster").asText())
                .isEqualTo(kafka.at("/metadata/name").asText());
        assertThat(pool.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(texts(pool.at("/spec/roles"))).containsExactlyInAnyOrder("controller", "broker");
        assertThat(kafka.at("/spec/kafka/config/min.insync.replicas").asInt()).isEqualTo(2);
    }

    @Test
    void chartDefaultsPointAtTheExampleClustersScramTlsListener() {
        var kafka = kind("Kafka");
        var values = ChartValues.of(ValueSet.DEFAULTS);
        var clusterName = kafka.at("/metadata/name").asText();
        var listener = StreamSupport.stream(kafka.at("/spec/kafka/listeners").spliterator(), false)
                .filter(l -> l.path("tls").asBoolean())
                .findFirst()
                .orElseThrow();

        assertThat(values.at("/kafka/clusterName").asText()).isEqualTo(clusterName);
        assertThat(values.at("/kafka/bootstrapServers").asText())
                .isEqualTo(clusterName + "-kafka-bootstrap:"
                        + listener.path("port").asInt());
        assertThat(listener.at("/authentication/type").asText()).isEqualTo("scram-sha-512");
        assertThat(values.at("/kafka/security/protocol").asText()).isEqualTo("SASL_SSL");
        assertThat(values.at("/kafka/security/sasl/mechanism").asText()).isEqualTo("SCRAM-SHA-512");
        assertThat(values.at("/kafka/security/tls/caSecret").asText()).isEqualTo(clusterName + "-cluster-ca-cert");
        assertThat(kafka.at("/spec/kafka/authorization/type").asText())
                .as("the chart's KafkaUsers carry ACLs")
                .isEqualTo("simple");
    }

    @Test
    void productionExamplePointsAtTheExampleClusterInTheNamespaceTheInstallStepsUse() throws IOException {
        var kafka = kind("Kafka");
        var values = ChartValues.of(ValueSet.PRODUCTION);
        var clusterName = kafka.at("/metadata/name").asText();
        var port = StreamSupport.stream(kafka.at("/spec/kafka/listeners").spliterator(), false)
                .filter(l -> l.path("tls").asBoolean())
                .findFirst()
                .orElseThrow()
                .path("port")
                .asInt();

        assertThat(Files.readString(Chart.deployDir().resolve("README.md")))
                .as("deploy/README.md installs the example cluster in the chart's namespace")
                .contains("kubectl -n " + Chart.NAMESPACE + " apply -f deploy/kafka/kafka-cluster.yaml");
        assertThat(values.at("/kafka/clusterName").asText()).isEqualTo(clusterName);
        assertThat(values.at("/kafka/bootstrapServers").asText())
                .isEqualTo(clusterName + "-kafka-bootstrap." + Chart.NAMESPACE + ".svc:" + port);
        var peers = values.at("/networkPolicy/kafkaTo");
        assertThat(peers.size()).isEqualTo(1);
        assertThat(peers.at("/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name")
                        .asText())
                .isEqualTo(Chart.NAMESPACE);
        assertThat(peers.at("/0/podSelector/matchLabels/strimzi.io~1cluster").asText())
                .isEqualTo(clusterName);
        assertThat(peers.at("/0/podSelector/matchLabels/strimzi.io~1name").asText())
                .isEqualTo(clusterName + "-kafka");
    }

    @Test
    void exampleClusterRunsTheOperatorsAndExporterTheChartReliesOn() {
        var kafka = kind("Kafka");

        assertThat(kafka.at("/spec/entityOperator/topicOperator").isObject())
                .as("reconciles the chart's KafkaTopics")
                .isTrue();
        assertThat(kafka.at("/spec/entityOperator/userOperator").isObject())
                .as("reconciles the chart's KafkaUsers")
                .isTrue();
        assertThat(kafka.at("/spec/kafkaExporter").isObject())
                .as("lag and DLQ alerts use Kafka Exporter metrics")
                .isTrue();
    }

    private static JsonNode kind(String kind) {
        return CLUSTER.stream()
                .filter(o -> o.path("kind").asText().equals(kind))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }
}
