package io.apath.ingest.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientSettingsTest {

    /** What deploy/helm/a-path writes into ingest-service.yml (configmaps.yaml: the same map under both kinds). */
    private static final Map<String, String> CHART_SECURITY = Map.of(
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
            "ssl.truststore.type", "PEM",
            "ssl.truststore.location", "/etc/a-path/kafka-ca/ca.crt");

    private static IngestProperties.Kafka kafka(
            Map<String, String> properties,
            Map<String, String> producer,
            Map<String, String> consumer,
            Map<String, String> admin) {
        return new IngestProperties.Kafka(
                "broker:9093",
                "mentions.v1",
                "suppressions.v1",
                "ingest-checkpoints.v1",
                Duration.ofSeconds(5),
                properties,
                producer,
                consumer,
                admin);
    }

    @Test
    void securityGivenUnderProducerAndConsumerAsTheChartDoesReachesEveryClient() {
        KafkaClientSettings settings =
                new KafkaClientSettings(kafka(Map.of(), CHART_SECURITY, CHART_SECURITY, Map.of()));

        assertThat(settings.admin("ingest-health", Map.of())).containsAllEntriesOf(CHART_SECURITY);
        assertThat(settings.consumer("ingest-recent-mentions", Map.of())).containsAllEntriesOf(CHART_SECURITY);
        assertThat(settings.producer("ingest-mentions", Map.of())).containsAllEntriesOf(CHART_SECURITY);
    }

    @Test
    void securityGivenOnlyForOneKindStillReachesEveryClient() {
        KafkaClientSettings settings = new KafkaClientSettings(kafka(Map.of(), CHART_SECURITY, Map.of(), Map.of()));

        assertThat(settings.admin("ingest-health", Map.of())).containsAllEntriesOf(CHART_SECURITY);
        assertThat(settings.consumer("ingest-suppressions", Map.of())).containsAllEntriesOf(CHART_SECURITY);
    }

    @Test
    void commonPropertiesReachEveryClientAndKindOverridesWinOverThemAndOverDefaults() {
        KafkaClientSettings settings = new KafkaClientSettings(kafka(
                Map.of("security.protocol", "SSL", "request.timeout.ms", "7000", "metadata.max.age.ms", "60000"),
                Map.of("linger.ms", "20"),
                Map.of("fetch.max.wait.ms", "100"),
                Map.of("request.timeout.ms", "3000")));

        Map<String, Object> admin = settings.admin("ingest-health", Map.of("request.timeout.ms", 2_000));
        Map<String, Object> producer = settings.producer("ingest-mentions", Map.of("linger.ms", 5, "acks", "all"));
        Map<String, Object> consumer = settings.consumer("ingest-checkpoints", Map.of("request.timeout.ms", 1_000));

        assertThat(admin)
                .containsEntry("security.protocol", "SSL")
                .containsEntry("request.timeout.ms", "3000")
                .containsEntry("metadata.max.age.ms", "60000")
                .doesNotContainKeys("linger.ms", "fetch.max.wait.ms");
        assertThat(producer)
                .containsEntry("security.protocol", "SSL")
                .containsEntry("linger.ms", "20")
                .containsEntry("acks", "all")
                .containsEntry("request.timeout.ms", "7000");
        assertThat(consumer)
                .containsEntry("security.protocol", "SSL")
                .containsEntry("fetch.max.wait.ms", "100")
                .containsEntry("request.timeout.ms", "7000")
                .doesNotContainKey("linger.ms");
    }

    @Test
    void bootstrapServersAndClientIdAreAlwaysIngests() {
        KafkaClientSettings settings = new KafkaClientSettings(
                kafka(Map.of("bootstrap.servers", "elsewhere:9092"), Map.of("client.id", "x"), Map.of(), Map.of()));

        assertThat(settings.producer("ingest-mentions", Map.of()))
                .containsEntry("bootstrap.servers", "broker:9093")
                .containsEntry("client.id", "ingest-mentions");
        assertThat(settings.admin("ingest-health", Map.of()))
                .containsEntry("bootstrap.servers", "broker:9093")
                .containsEntry("client.id", "ingest-health");
    }

    @Test
    void aConnectionSettingGivenDifferentlyPerKindIsRefusedUnlessSetForEveryClient() {
        Map<String, String> producer = Map.of("sasl.jaas.config", "a");
        Map<String, String> consumer = Map.of("sasl.jaas.config", "b");

        assertThatThrownBy(() -> new KafkaClientSettings(kafka(Map.of(), producer, consumer, Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sasl.jaas.config")
                .hasMessageContaining("ingest.kafka.properties");

        KafkaClientSettings settings =
                new KafkaClientSettings(kafka(Map.of("sasl.jaas.config", "common"), producer, consumer, Map.of()));
        assertThat(settings.admin("ingest-health", Map.of())).containsEntry("sasl.jaas.config", "common");
        assertThat(settings.producer("ingest-mentions", Map.of())).containsEntry("sasl.jaas.config", "a");
    }

    @Test
    void tuningGivenForOneKindStaysWithThatKind() {
        KafkaClientSettings settings = new KafkaClientSettings(
                kafka(Map.of(), Map.of("compression.type", "zstd"), Map.of("max.poll.records", "5000"), Map.of()));

        assertThat(settings.common()).isEmpty();
        assertThat(settings.admin("ingest-health", Map.of()))
                .doesNotContainKeys("compression.type", "max.poll.records");
    }
}
