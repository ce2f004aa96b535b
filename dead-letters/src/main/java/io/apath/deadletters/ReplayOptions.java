package io.apath.deadletters;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * What one replay run does.
 *
 * @param client Kafka client settings: {@code bootstrap.servers}, and security settings from {@code --command-config}
 * @param deadLetterTopic the dead-letter topic to read
 * @param group the consumer group that remembers how far earlier runs got; its transactional id is the same name
 * @param errorContains replay only dead letters whose error contains this; null for all
 * @param fromBeginning start at the topic's beginning instead of where the group got to
 * @param dryRun report what would be replayed; write and commit nothing
 * @param timeout how long Kafka may take to answer, or to bring the next records, before the run gives up
 * @param limit stop after replaying this many (a first few, to see them go through); 0 for no limit
 */
record ReplayOptions(
        Properties client,
        String deadLetterTopic,
        String group,
        String errorContains,
        boolean fromBeginning,
        boolean dryRun,
        Duration timeout,
        int limit) {

    /** The group (and transactional id) of a topic when {@code --group} does not name one. */
    static String defaultGroup(String deadLetterTopic) {
        return "apath-dlq-replay-" + deadLetterTopic;
    }

    ReplayOptions {
        Objects.requireNonNull(client, "client");
        ReplayRules.sourcesOf(deadLetterTopic); // a topic that is not a dead-letter topic is refused before connecting
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(timeout, "timeout");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
    }
}
