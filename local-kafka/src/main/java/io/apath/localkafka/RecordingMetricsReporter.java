package io.apath.localkafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;

/**
 * A Kafka metrics reporter that remembers the configuration each client was built with: every Kafka client (producer,
 * consumer, admin) hands its full configuration to its reporters' {@link #configure} while it is being constructed,
 * before it connects; kept here by client id. Tests register it with {@code metric.reporters} to check which settings
 * (security, timeouts) really reach a client that a service builds.
 */
public final class RecordingMetricsReporter implements MetricsReporter {

    public static final Map<String, Map<String, Object>> CONFIGS = new ConcurrentHashMap<>();

    @Override
    public void configure(Map<String, ?> configs) {
        CONFIGS.put(String.valueOf(configs.get("client.id")), Map.copyOf(configs));
    }

    @Override
    public void init(List<KafkaMetric> metrics) {}

    @Override
    public void metricChange(KafkaMetric metric) {}

    @Override
    public void metricRemoval(KafkaMetric metric) {}

    @Override
    public void close() {}
}
