package io.apath.localkafka;

import io.apath.contracts.CleanupPolicy;
import io.apath.contracts.Topic;
import io.apath.contracts.Topics;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics of the {@link Topics} catalogue on a broker, with their partitions and cleanup policy. */
public final class CatalogueTopics {

    private CatalogueTopics() {}

    public static void create(String bootstrapServers) {
        create(bootstrapServers, Topics.ALL);
    }

    /** Idempotent: topics that already exist are left as they are. */
    public static void create(String bootstrapServers, Collection<Topic<?, ?>> topics) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> newTopics =
                    topics.stream().map(CatalogueTopics::newTopic).toList();
            admin.createTopics(newTopics).values().values().forEach(future -> {
                try {
                    future.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic", e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while creating topics", e);
                } catch (TimeoutException e) {
                    throw new IllegalStateException("broker did not create topics within 30 s", e);
                }
            });
        }
    }

    static NewTopic newTopic(Topic<?, ?> topic) {
        Map<String, String> configs = new HashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanupPolicy().configValue());
        if (topic.cleanupPolicy() == CleanupPolicy.DELETE) {
            configs.put(
                    TopicConfig.RETENTION_MS_CONFIG,
                    Long.toString(topic.retention().toMillis()));
        }
        // One broker locally: replication factor 1. Production replication is the deploy/ manifests' business.
        return new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(configs);
    }
}
