package io.apath.ingest.binding;

import io.apath.ingest.connector.ConnectorSchedule;
import io.apath.ingest.connector.MastodonConnector;
import io.apath.ingest.connector.RssConnector;
import io.apath.ingest.domain.MentionIntake;
import io.apath.ingest.domain.MentionRules;
import io.apath.ingest.domain.RecentMentions;
import io.apath.ingest.domain.SuppressionList;
import io.apath.ingest.domain.WebhookSignature;
import io.apath.ingest.source.MentionJson;
import io.apath.tenantkeys.TenantKeys;
import io.apath.tenantkeys.TenantsFileWatcher;
import io.apath.tenantkeys.TenantsSection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * HTTP/webhook/connector submissions → {@link MentionIntake} → idempotent producer → {@code mentions.v1};
 * {@code mentions.v1} + {@code suppressions.v1} → the intake's idempotency window and suppression list.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class IngestBindings {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    KafkaClientSettings kafkaClientSettings(IngestProperties properties) {
        return new KafkaClientSettings(properties.kafka());
    }

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> mentionProducer(IngestProperties properties, KafkaClientSettings clients) {
        IngestProperties.Kafka kafka = properties.kafka();
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        // send() must never block a request thread longer than the request may wait for its acknowledgement.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, kafka.ackTimeout().toMillis());
        // Records left in the producer after a request gave up are retried this long, then failed for good; until
        // then their ids stay reserved, so a client retry cannot publish them twice.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(clients.producer("ingest-mentions", config));
    }

    @Bean(destroyMethod = "close")
    Admin ingestAdmin(KafkaClientSettings clients) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        return Admin.create(clients.admin("ingest-health", config));
    }

    @Bean
    RecentMentions recentMentions(IngestProperties properties) {
        return new RecentMentions(properties.dedupWindow());
    }

    @Bean
    SuppressionList suppressionList() {
        return new SuppressionList();
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    MentionLogFollower mentionLogFollower(
            IngestProperties properties, KafkaClientSettings clients, RecentMentions recent, Clock clock) {
        return new MentionLogFollower(properties.kafka().mentionsTopic(), clients, recent, clock, MentionJson.mapper());
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    SuppressionFollower suppressionFollower(
            IngestProperties properties,
            KafkaClientSettings clients,
            SuppressionList suppressions,
            Producer<String, byte[]> mentionProducer) {
        return new SuppressionFollower(
                properties.kafka().suppressionsTopic(), clients, suppressions, mentionProducer, MentionJson.mapper());
    }

    @Bean
    MentionIntake mentionIntake(
            IngestProperties properties,
            Producer<String, byte[]> mentionProducer,
            RecentMentions recent,
            SuppressionList suppressions,
            MentionLogFollower mentionLog,
            SuppressionFollower suppressionLog,
            MeterRegistry registry,
            Clock clock) {
        Gauge.builder("ingest.idempotency.window.size", recent, RecentMentions::size)
                .description("Mention ids currently in the idempotency window")
                .register(registry);
        Gauge.builder("ingest.suppressions.size", suppressions, SuppressionList::size)
                .description("Customers whose mentions are dropped at intake")
                .register(registry);
        MentionRules rules = new MentionRules(
                properties.platforms(),
                MentionRules.DEFAULT_MAX_TEXT_LENGTH,
                MentionRules.DEFAULT_MAX_HANDLE_LENGTH,
                MentionRules.DEFAULT_MAX_ID_LENGTH,
                properties.maxClockSkew());
        return new MentionIntake(
                rules,
                new KafkaMentionPublisher(mentionProducer, properties.kafka().mentionsTopic(), MentionJson.mapper()),
                recent,
                suppressions,
                () -> mentionLog.loaded() && suppressionLog.loaded(),
                new MicrometerIntakeMetrics(registry),
                clock,
                properties.kafka().ackTimeout());
    }

    @Bean
    TenantKeys tenantKeys(IngestProperties properties) {
        Map<String, TenantKeys.Secrets> tenants = new HashMap<>();
        properties
                .tenants()
                .forEach((tenant, config) ->
                        tenants.put(tenant, new TenantKeys.Secrets(config.apiKeySha256(), config.webhookSecret())));
        // a tenant name the mentions would be refused for is a configuration error: refused at start-up (and in a
        // rotated tenants file, which is then not applied)
        return new TenantKeys(tenants, MentionRules::isTenantName);
    }

    /** A rotated tenants file (keys, webhook secrets) takes effect without a restart. */
    @Bean
    @ConditionalOnProperty(TenantsFileWatcher.FILE_PROPERTY)
    TenantsFileWatcher tenantsFileWatcher(TenantKeys keys, Environment environment, MeterRegistry registry) {
        return TenantsFileWatcher.fromEnvironment(
                keys, TenantsSection.of("ingest", IngestProperties.Tenant.class), environment, registry);
    }

    @Bean
    WebhookSignature webhookSignature(IngestProperties properties) {
        return new WebhookSignature(properties.webhooks().tolerance());
    }

    @Bean
    HealthIndicator kafka(Admin ingestAdmin) {
        return new BrokerHealth(ingestAdmin);
    }

    /** Readiness waits until the idempotency window and the suppressions were read back from Kafka. */
    @Bean
    HealthIndicator intakeState(
            MentionLogFollower mentionLog, SuppressionFollower suppressionLog, RecentMentions recent) {
        return () -> {
            boolean loaded = mentionLog.loaded() && suppressionLog.loaded();
            return (loaded ? Health.up() : Health.outOfService())
                    .withDetail("idempotencyWindowLoaded", mentionLog.loaded())
                    .withDetail("suppressionsLoaded", suppressionLog.loaded())
                    .withDetail("idempotencyWindowSize", recent.size())
                    .build();
        };
    }

    /** Pull connectors and their durable checkpoints; off unless ingest.connectors.enabled (run them once, not per replica). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "ingest.connectors.enabled", havingValue = "true")
    static class Connectors {

        @Bean(initMethod = "start", destroyMethod = "close")
        KafkaCheckpoints connectorCheckpoints(
                IngestProperties properties,
                KafkaClientSettings clients,
                Admin ingestAdmin,
                Producer<String, byte[]> mentionProducer) {
            IngestProperties.Kafka kafka = properties.kafka();
            PrivateTopics.createCompacted(ingestAdmin, kafka.checkpointsTopic());
            return new KafkaCheckpoints(kafka.checkpointsTopic(), clients, mentionProducer, kafka.ackTimeout());
        }

        @Bean(destroyMethod = "close")
        ConnectorSchedule connectorSchedule(
                IngestProperties properties, MentionIntake intake, KafkaCheckpoints checkpoints, Clock clock) {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            List<ConnectorSchedule.Entry> entries = new ArrayList<>();
            for (IngestProperties.Rss rss : properties.connectors().rss()) {
                entries.add(new ConnectorSchedule.Entry(
                        new RssConnector(rss.id(), rss.tenant(), rss.url(), intake, checkpoints, http),
                        rss.interval()));
            }
            for (IngestProperties.Mastodon m : properties.connectors().mastodon()) {
                entries.add(new ConnectorSchedule.Entry(
                        new MastodonConnector(
                                m.id(),
                                m.tenant(),
                                m.baseUrl(),
                                m.hashtag(),
                                m.pageSize() > 0 ? m.pageSize() : 40,
                                intake,
                                checkpoints,
                                http,
                                clock),
                        m.interval()));
            }
            return new ConnectorSchedule(entries);
        }
    }
}
