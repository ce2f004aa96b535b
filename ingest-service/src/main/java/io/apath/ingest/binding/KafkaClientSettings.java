package io.apath.ingest.binding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The one place every Kafka client ingest creates (the mention producer, the admin, the followers of
 * {@code mentions.v1}, {@code suppressions.v1} and the checkpoints) gets its configuration from. In order, later
 * wins: the client's own defaults; {@code ingest.kafka.properties.*} (every client); the overrides for the client's
 * kind ({@code ingest.kafka.producer.*}, {@code consumer.*}, {@code admin.*}); then bootstrap servers and client id.
 *
 * <p>Connection settings ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}) describe the cluster, not a kind
 * of client, so every client gets them wherever they were given: under {@code properties}, or under {@code producer}
 * or {@code consumer} as the Helm chart writes them. A connection setting given differently under {@code producer}
 * and {@code consumer} (and not under {@code properties}) is refused at start-up rather than guessed.
 */
final class KafkaClientSettings {

    private static final List<String> CONNECTION_PREFIXES =
            List.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "sasl.", "ssl.");

    private final String bootstrapServers;
    private final Map<String, String> common;
    private final IngestProperties.Kafka kafka;

    KafkaClientSettings(IngestProperties.Kafka kafka) {
        this.kafka = kafka;
        this.bootstrapServers = kafka.bootstrapServers();
        this.common = common(kafka);
    }

    /** What every client gets on top of its defaults. */
    Map<String, String> common() {
        return common;
    }

    Map<String, Object> producer(String clientId, Map<String, ?> defaults) {
        return build(clientId, defaults, kafka.producer());
    }

    Map<String, Object> consumer(String clientId, Map<String, ?> defaults) {
        return build(clientId, defaults, kafka.consumer());
    }

    Map<String, Object> admin(String clientId, Map<String, ?> defaults) {
        return build(clientId, defaults, kafka.admin());
    }

    private Map<String, Object> build(String clientId, Map<String, ?> defaults, Map<String, String> kind) {
        Map<String, Object> config = new HashMap<>(defaults);
        config.putAll(common);
        config.putAll(kind);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    private static Map<String, String> common(IngestProperties.Kafka kafka) {
        Map<String, String> common = new TreeMap<>();
        Map<String, String> fromProducer = connection(kafka.producer());
        Map<String, String> fromConsumer = connection(kafka.consumer());
        for (Map.Entry<String, String> p : fromProducer.entrySet()) {
            String c = fromConsumer.get(p.getKey());
            if (c != null && !c.equals(p.getValue()) && !kafka.properties().containsKey(p.getKey())) {
                throw new IllegalArgumentException("ingest.kafka.producer." + p.getKey() + " and ingest.kafka.consumer."
                        + p.getKey() + " differ; connection settings apply to every client: set it once under"
                        + " ingest.kafka.properties");
            }
        }
        common.putAll(fromProducer);
        common.putAll(fromConsumer);
        common.putAll(kafka.properties());
        return Map.copyOf(common);
    }

    private static Map<String, String> connection(Map<String, String> overrides) {
        Map<String, String> connection = new HashMap<>();
        overrides.forEach((key, value) -> {
            if (CONNECTION_PREFIXES.stream().anyMatch(key::startsWith)) {
                connection.put(key, value);
            }
        });
        return connection;
    }
}
