package io.apath.ingest.binding;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Everything under {@code ingest.*} in ingest-service.yml; defaults live there, not here. */
@ConfigurationProperties("ingest")
public record IngestProperties(
        Kafka kafka,
        int maxBatchSize,
        DataSize maxBodySize,
        Duration dedupWindow,
        Duration retryAfter,
        Duration maxClockSkew,
        Set<String> platforms,
        Map<String, Tenant> tenants,
        Webhooks webhooks,
        Connectors connectors) {

    public IngestProperties {
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    }

    /**
     * @param ackTimeout how long a request waits for the broker's acknowledgement before it answers 503
     * @param properties Kafka client properties for every client ingest creates (security, tuning)
     * @param producer extra properties of the mention producer; they win over {@code properties} and the defaults
     * @param consumer extra properties of the topic followers (mentions, suppressions, checkpoints)
     * @param admin extra properties of the admin client (broker health, creating ingest's private topics)
     * @see KafkaClientSettings
     */
    public record Kafka(
            String bootstrapServers,
            String mentionsTopic,
            String suppressionsTopic,
            String checkpointsTopic,
            Duration ackTimeout,
            Map<String, String> properties,
            Map<String, String> producer,
            Map<String, String> consumer,
            Map<String, String> admin) {
        public Kafka {
            properties = properties == null ? Map.of() : Map.copyOf(properties);
            producer = producer == null ? Map.of() : Map.copyOf(producer);
            consumer = consumer == null ? Map.of() : Map.copyOf(consumer);
            admin = admin == null ? Map.of() : Map.copyOf(admin);
        }
    }

    /**
     * @param apiKeySha256 hex SHA-256 hashes of the tenant's API keys (never the keys themselves)
     * @param webhookSecret the shared secret webhook senders sign with; from a Secret, not from the repository
     */
    public record Tenant(List<String> apiKeySha256, String webhookSecret) {
        public Tenant {
            apiKeySha256 = apiKeySha256 == null ? List.of() : List.copyOf(apiKeySha256);
        }
    }

    public record Webhooks(Duration tolerance) {}

    public record Connectors(boolean enabled, List<Rss> rss, List<Mastodon> mastodon) {
        public Connectors {
            rss = rss == null ? List.of() : List.copyOf(rss);
            mastodon = mastodon == null ? List.of() : List.copyOf(mastodon);
        }
    }

    public record Rss(String id, String tenant, URI url, Duration interval) {}

    public record Mastodon(String id, String tenant, URI baseUrl, String hashtag, Duration interval, int pageSize) {}
}
