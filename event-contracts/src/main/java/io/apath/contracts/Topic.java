package io.apath.contracts;

import java.time.Duration;
import java.util.Objects;

/**
 * A topic of the catalogue: its name, what its keys and values are, and how Kafka keeps it. {@code retention} is
 * null for compacted topics (kept forever, latest per key).
 */
public record Topic<K, V>(
        String name,
        Class<K> keyType,
        Class<V> valueType,
        CleanupPolicy cleanupPolicy,
        Duration retention,
        int partitions) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        if ((cleanupPolicy == CleanupPolicy.DELETE) != (retention != null)) {
            throw new IllegalArgumentException(name + ": DELETE topics need a retention, COMPACT topics none");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException(name + ": partitions must be positive");
        }
    }

    /** The dead-letter topic for records this topic's consumers could not process: original bytes, error headers. */
    public Topic<byte[], byte[]> deadLetters() {
        return new Topic<>(
                name + ".dlq",
                byte[].class,
                byte[].class,
                CleanupPolicy.DELETE,
                Topics.DEAD_LETTER_RETENTION,
                partitions);
    }
}
