package io.apath.journey.topology;

import java.util.Objects;

/**
 * The topics the topology writes itself (the journey events go to the binder's output binding).
 *
 * @param state latest journey per customer, compacted
 * @param suppressions erasures for ingest, compacted
 * @param deadLetters input the topology could not process, with error headers
 * @param commands privacy commands (read through the binder); a dead-lettered command or answer names it as the topic
 *     to replay to
 */
public record JourneyTopics(String state, String suppressions, String deadLetters, String commands) {

    public JourneyTopics {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(suppressions, "suppressions");
        Objects.requireNonNull(deadLetters, "deadLetters");
        Objects.requireNonNull(commands, "commands");
    }
}
