package io.apath.ingest.binding;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Readiness: DOWN while the broker the producer writes to does not answer, so Kubernetes stops routing requests that
 * could only get a 503; UP again by itself once it does.
 */
class BrokerHealth extends AbstractHealthIndicator {

    private static final int TIMEOUT_MS = 2_000;

    private final Admin admin;

    BrokerHealth(Admin admin) {
        super("Kafka broker unreachable");
        this.admin = admin;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
                .nodes()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .size();
        builder.up().withDetail("brokers", nodes);
    }
}
