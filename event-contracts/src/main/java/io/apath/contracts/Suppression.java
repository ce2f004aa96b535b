package io.apath.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * Ingest must drop this customer's future mentions (erasure or withdrawn consent). Keyed by customer key on the
 * compacted {@code suppressions.v1}; a tombstone lifts it.
 */
public record Suppression(CustomerKey customerKey, String tenant, String reason, Instant since) {

    public Suppression {
        Objects.requireNonNull(customerKey, "customerKey");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(since, "since");
    }
}
