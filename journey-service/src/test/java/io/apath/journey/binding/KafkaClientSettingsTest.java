package io.apath.journey.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apath.journey.JourneyApplication;
import io.apath.journey.topology.JourneySerdes;
import io.apath.localkafka.RecordingMetricsReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka clients journey builds itself (the admin preparing {@code journey-commands.v1}, the commands producer)
 * connect with the security the Helm chart gives the Streams binder (deploy/helm/a-path, configmaps.yaml:
 * {@code spring.cloud.stream.kafka.streams.binder.configuration.*}), not with the bootstrap address alone.
 */
class KafkaClientSettingsTest {

    private static final String JAAS =
            "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"journey\" password=\"s3cret\";";

    /** What the chart writes into journey-service.yml's binder configuration with SCRAM over TLS. */
    private static final Map<String, String> CHART_SECURITY = Map.of(
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", JAAS,
            "ssl.truststore.type", "PEM",
            "ssl.truststore.location", "/etc/a-path/kafka-ca/ca.crt");

    /** Streams-only settings in the same configuration (journey-service.yml and the chart). */
    private static final Map<String, Object> STREAMS_ONLY = Map.of(
            "application.id", "journey-service",
            "processing.guarantee", "exactly_once_v2",
            "state.dir", "/var/lib/a-path/journey-state",
            "application.server", "journey-0:8083",
            "num.standby.replicas", 1,
            "rocksdb.config.setter", "io.apath.journey.topology.BoundedRocksDbMemory");

    private static Map<String, Object> streamsConfiguration(Map<String, ?> extra) {
        Map<String, Object> config = new HashMap<>(STREAMS_ONLY);
        config.putAll(CHART_SECURITY);
        config.put("bootstrap.servers", "a-path-kafka-kafka-bootstrap.a-path.svc:9093");
        config.putAll(extra);
        return config;
    }

    @Test
    void theAdminAndTheProducerGetTheStreamsSecurityButNotTheStreamsOnlySettings() {
        KafkaClientSettings clients = new KafkaClientSettings(streamsConfiguration(Map.of()));

        for (Map<String, Object> config : List.of(
                clients.admin("journey-service-topics", Map.of()),
                clients.producer("journey-service-commands", Map.of()))) {
            assertThat(config)
                    .containsAllEntriesOf(CHART_SECURITY)
                    .containsEntry("bootstrap.servers", "a-path-kafka-kafka-bootstrap.a-path.svc:9093")
                    .doesNotContainKeys(STREAMS_ONLY.keySet().toArray(String[]::new));
        }
    }

    @Test
    void prefixedSettingsReachOnlyTheirKindAndWinOverSharedOnesAndDefaults() {
        KafkaClientSettings clients = new KafkaClientSettings(streamsConfiguration(Map.of(
                "request.timeout.ms", "7000",
                "producer.linger.ms", "20",
                "admin.request.timeout.ms", "3000",
                "client.id", "elsewhere")));

        assertThat(clients.admin("journey-service-topics", Map.of("request.timeout.ms", 1_000)))
                .containsEntry("request.timeout.ms", "3000")
                .containsEntry("client.id", "journey-service-topics")
                .doesNotContainKey("linger.ms");
        assertThat(clients.producer("journey-service-commands", Map.of("linger.ms", 5, "acks", "all")))
                .containsEntry("request.timeout.ms", "7000")
                .containsEntry("linger.ms", "20")
                .containsEntry("acks", "all")
                .containsEntry("client.id", "journey-service-commands");
    }

    @Test
    void theCommandsProducerIsBuiltWithTheSettings() {
        RecordingMetricsReporter.CONFIGS.clear();
        // PLAINTEXT so that the producer can be built without a truststore file; the SASL/TLS entries are still given.
        Map<String, Object> config = streamsConfiguration(Map.of(
                "bootstrap.servers",
                "localhost:1",
                "security.protocol",
                "PLAINTEXT",
                "metric.reporters",
                RecordingMetricsReporter.class.getName()));

        new KafkaJourneyCommands(
                        new KafkaClientSettings(config),
                        "journey-commands.v1",
                        JourneySerdes.create().journeyInput())
                .close();

        assertThat(RecordingMetricsReporter.CONFIGS.get("journey-service-commands"))
                .containsEntry("security.protocol", "PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("ssl.truststore.location", "/etc/a-path/kafka-ca/ca.crt")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true);
    }

    /**
     * End to end through Spring and the binder: security given as the chart gives it reaches the admin that prepares
     * the commands topic at start-up. No broker listens, so start-up stops there once the admin times out.
     */
    @Test
    void securityGivenToTheStreamsBinderReachesTheCommandsTopicAdminAtStartUp(@TempDir Path dir) throws IOException {
        RecordingMetricsReporter.CONFIGS.clear();
        // The binder insists that a truststore location names a file (else it looks for it on the classpath), as the
        // chart's mounted CA does; under PLAINTEXT nothing reads it.
        String truststore = Files.writeString(dir.resolve("ca.crt"), "not read").toString();
        Map<String, String> security = new HashMap<>(CHART_SECURITY);
        security.put("security.protocol", "PLAINTEXT");
        security.put("ssl.truststore.location", truststore);
        String binder = "--spring.cloud.stream.kafka.streams.binder.configuration.";
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.cloud.stream.kafka.streams.binder.brokers=localhost:1",
                binder + "metric.reporters=" + RecordingMetricsReporter.class.getName(),
                binder + "admin.request.timeout.ms=300",
                binder + "admin.default.api.timeout.ms=300"));
        security.forEach((key, value) -> args.add(binder + key + "=" + value));

        assertThatThrownBy(() -> JourneyApplication.application().run(args.toArray(String[]::new)))
                .hasStackTraceContaining("cannot prepare journey-commands.v1");

        Map<String, Object> admin = RecordingMetricsReporter.CONFIGS.get("journey-service-topics");
        assertThat(admin).containsAllEntriesOf(security);
        assertThat(String.valueOf(admin.get("bootstrap.servers"))).contains("localhost:1");
    }
}
