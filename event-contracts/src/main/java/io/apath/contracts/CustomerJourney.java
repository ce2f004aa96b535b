package io.apath.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where one customer stands, as {@code journey-state.v1} holds it (latest per customer key; a tombstone after
 * erasure). {@code stage} is null only before the customer has shown any brand-relevant intent. {@code history} is
 * every stage change with its evidence, oldest first.
 */
public record CustomerJourney(
        CustomerKey customerKey,
        String tenant,
        Stage stage,
        RelationshipStyle style,
        Instant firstSeenAt,
        Instant lastInteractionAt,
        long mentionCount,
        Map<Intent, Long> intentCounts,
        List<StageChange> history,
        Instant updatedAt) {

    public CustomerJourney {
        Objects.requireNonNull(customerKey, "customerKey");
        Objects.requireNonNull(tenant, "tenant");
        intentCounts = intentCounts == null ? Map.of() : Map.copyOf(intentCounts);
        history = history == null ? List.of() : List.copyOf(history);
    }
}
