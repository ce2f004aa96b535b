package io.apath.journey.binding;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The configuration of the Kafka clients journey builds itself (the admin that prepares {@code journey-commands.v1},
 * the producer of privacy commands), taken from the same Streams configuration the binder gives Kafka Streams (its
 * bean {@value #BINDER_STREAMS_CONFIGURATION}: {@code spring.cloud.stream.kafka.streams.binder.brokers} and
 * {@code .configuration.*}, {@code spring.kafka.*}), and derived from it the way Kafka Streams derives its own
 * producers' and admin's: every entry that is a setting of that kind of client ({@code security.protocol},
 * {@code sasl.*}, {@code ssl.*}, timeouts…; Streams-only ones such as {@code processing.guarantee} or
 * {@code state.dir} are left out), then the entries prefixed {@code producer.} or {@code admin.}, for that kind only.
 * Later wins: the client's own defaults, the shared entries, the prefixed ones, then bootstrap servers and client id.
 */
final class KafkaClientSettings {

    /** The Kafka Streams binder's bean holding the Streams configuration it built (the binder reads it by name). */
    static final String BINDER_STREAMS_CONFIGURATION = "streamConfigGlobalProperties";

    private final Map<String, Object> streams;

    KafkaClientSettings(Map<?, ?> streamsConfiguration) {
        Map<String, Object> copy = new HashMap<>();
        streamsConfiguration.forEach((key, value) -> {
            if (value != null) {
                copy.put(String.valueOf(key), value);
            }
        });
        if (!copy.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("the Streams configuration has no bootstrap.servers");
        }
        this.streams = Map.copyOf(copy);
    }

    Map<String, Object> producer(String clientId, Map<String, ?> defaults) {
        return build(clientId, defaults, ProducerConfig.configNames(), StreamsConfig.PRODUCER_PREFIX);
    }

    Map<String, Object> admin(String clientId, Map<String, ?> defaults) {
        return build(clientId, defaults, AdminClientConfig.configNames(), StreamsConfig.ADMIN_CLIENT_PREFIX);
    }

    private Map<String, Object> build(String clientId, Map<String, ?> defaults, Set<String> names, String prefix) {
        Map<String, Object> config = new HashMap<>(defaults);
        streams.forEach((key, value) -> {
            if (names.contains(key)) {
                config.put(key, value);
            }
        });
        streams.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                config.put(key.substring(prefix.length()), value);
            }
        });
        config.put(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                streams.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return config;
    }
}
