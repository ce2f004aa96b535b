package io.apath.ingest.binding;

import io.apath.ingest.domain.IntakeMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code ingest_mentions_total{source,tenant,outcome}} and {@code ingest_publish_latency_seconds} (histogram). Tenants
 * come from configuration, so the tag stays low-cardinality; customer identifiers are never tags.
 */
class MicrometerIntakeMetrics implements IntakeMetrics {

    private final MeterRegistry registry;
    private final Timer publishLatency;

    MicrometerIntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.publishLatency = Timer.builder("ingest.publish.latency")
                .description("Time from send to the broker's acknowledgement of one mention")
                .publishPercentileHistogram()
                .register(registry);
    }

    private record Key(String source, String tenant, String outcome) {}

    /** Looked up per mention on the hot path: cached rather than rebuilt through the registry each time. */
    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

    @Override
    public void counted(String source, String tenant, String outcome) {
        counters.computeIfAbsent(new Key(source, tenant, outcome), k -> Counter.builder("ingest.mentions")
                        .description("Submitted mentions by what became of them")
                        .tag("source", k.source())
                        .tag("tenant", k.tenant())
                        .tag("outcome", k.outcome())
                        .register(registry))
                .increment();
    }

    @Override
    public void acknowledged(Duration publishLatency) {
        this.publishLatency.record(publishLatency);
    }
}
