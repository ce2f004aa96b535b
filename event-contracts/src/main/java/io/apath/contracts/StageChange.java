package io.apath.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One step in a customer's history: which rule moved them, when, and on what evidence. {@code from} is null for the
 * step that put the customer on the journey.
 */
public record StageChange(Stage from, Stage to, String rule, Instant at, List<Evidence> evidence) {

    public StageChange {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
