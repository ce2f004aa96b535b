package io.apath.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.apath.localkafka.KafkaBrokerExtension;
import io.apath.localkafka.KafkaEndpoint;
import io.apath.localkafka.RecordingMetricsReporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every Kafka client ingest creates gets the connection settings the Helm chart writes (deploy/helm/a-path,
 * configmaps.yaml: {@code ingest.kafka.producer.*} and {@code ingest.kafka.consumer.*}, the same security map under
 * both), including the admin, which gets no map of its own. The settings are the SCRAM/TLS ones with
 * {@code security.protocol=PLAINTEXT}, so the clients still reach the test broker and ingest becomes ready; what the
 * clients were built with is read from a metrics reporter, which Kafka hands each client's whole configuration.
 */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaClientSecurityIT {

    private static final String JAAS =
            "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"ingest\" password=\"s3cret\";";
    private static final Map<String, String> SECURITY = Map.of(
            "security.protocol", "PLAINTEXT",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", JAAS,
            "ssl.truststore.type", "PEM",
            "ssl.truststore.location", "/etc/a-path/kafka-ca/ca.crt");

    @Test
    void theAdminAndEveryConsumerGetTheSecuritySettingsTheChartGivesProducerAndConsumer(KafkaEndpoint kafka) {
        String tenant = Mentions.tenant("sec");
        List<String> args = new ArrayList<>();
        SECURITY.forEach((key, value) -> {
            args.add("--ingest.kafka.producer." + key + "=" + value);
            args.add("--ingest.kafka.consumer." + key + "=" + value);
        });
        args.add("--ingest.kafka.properties.metric.reporters=" + RecordingMetricsReporter.class.getName());
        args.add("--ingest.connectors.enabled=true"); // so the checkpoints follower exists too

        try (RunningIngest ingest = RunningIngest.start(
                kafka.bootstrapServers(), Map.of(tenant, "key-" + tenant), args.toArray(String[]::new))) {
            assertThat(RecordingMetricsReporter.CONFIGS)
                    .containsKeys(
                            "ingest-mentions",
                            "ingest-health",
                            "ingest-recent-mentions",
                            "ingest-suppressions",
                            "ingest-checkpoints");
            for (String client : List.of(
                    "ingest-mentions",
                    "ingest-health",
                    "ingest-recent-mentions",
                    "ingest-suppressions",
                    "ingest-checkpoints")) {
                assertThat(RecordingMetricsReporter.CONFIGS.get(client))
                        .as(client)
                        .containsAllEntriesOf(SECURITY)
                        .containsEntry("bootstrap.servers", kafka.bootstrapServers());
            }
        }
    }
}
