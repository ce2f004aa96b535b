package io.apath.journey.topology;

import java.util.Objects;

/**
 * The topics the topology writes itself (the journey events go to the binder's output binding).
 *
 * @param state latest journey per customer, compacted
 * @param suppressions erasures for ingest, compacted
 * @param deadLetters input the topology could not process, with error headers
 */
public record JourneyTopics(String state, String suppressions, String deadLetters) {

    public JourneyTopics {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(suppressions, "suppressions");
        Objects.requireNonNull(deadLetters, "deadLetters");
    }
}
