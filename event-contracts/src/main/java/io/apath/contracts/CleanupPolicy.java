package io.apath.contracts;

/** Kafka's {@code cleanup.policy}: DELETE keeps a time window, COMPACT the latest value per key. */
public enum CleanupPolicy {
    DELETE,
    COMPACT;

    public String configValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
