package io.apath.ingest.domain;

import io.apath.contracts.CustomerKey;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The customers whose mentions must be dropped at intake, as last read from {@code suppressions.v1}. */
public class SuppressionList {

    private final Set<CustomerKey> suppressed = ConcurrentHashMap.newKeySet();

    public void suppress(CustomerKey customer) {
        suppressed.add(customer);
    }

    /** A tombstone on the compacted topic: consent given again. */
    public void lift(CustomerKey customer) {
        suppressed.remove(customer);
    }

    public boolean isSuppressed(CustomerKey customer) {
        return suppressed.contains(customer);
    }

    public int size() {
        return suppressed.size();
    }
}
