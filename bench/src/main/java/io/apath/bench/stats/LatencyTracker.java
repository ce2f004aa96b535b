package io.apath.bench.stats;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Matches accepted mentions to the journey updates they cause. Each mention of a run has its own {@code createdAt}
 * millisecond and one customer's mentions are processed in order, so a visible journey whose
 * {@code lastInteractionAt} is T settles every pending mention of that customer created at or before T: they have all
 * been applied (a mention that changes nothing visible, e.g. an irrelevant first mention, is settled by the customer's
 * next visible update, or stays unsettled and is counted as such).
 */
public final class LatencyTracker {

    private record Pending(long createdAtMillis, long acceptedNanos, boolean measured) {}

    private final Map<String, ArrayDeque<Pending>> pending = new HashMap<>();
    private final Map<String, Long> visibleUpTo = new HashMap<>();
    private final Percentiles endToEnd = new Percentiles();
    private long measuredAccepted;
    private long settledBeforeAnswer;

    /** @param measured false for warm-up mentions: matched, but not counted */
    public synchronized void accepted(String customerKey, Instant createdAt, long acceptedNanos, boolean measured) {
        long created = createdAt.toEpochMilli();
        if (measured) {
            measuredAccepted++;
        }
        Long seen = visibleUpTo.get(customerKey);
        if (seen != null && seen >= created) {
            // The journey update was visible before ingest's answer reached us.
            if (measured) {
                settledBeforeAnswer++;
                endToEnd.add(0);
            }
            return;
        }
        pending.computeIfAbsent(customerKey, k -> new ArrayDeque<>())
                .add(new Pending(created, acceptedNanos, measured));
    }

    public synchronized void visible(String customerKey, Instant lastInteractionAt, long visibleNanos) {
        long upTo = lastInteractionAt.toEpochMilli();
        visibleUpTo.merge(customerKey, upTo, Math::max);
        ArrayDeque<Pending> queue = pending.get(customerKey);
        if (queue == null) {
            return;
        }
        while (!queue.isEmpty() && queue.peek().createdAtMillis() <= upTo) {
            Pending p = queue.poll();
            if (p.measured()) {
                endToEnd.add(Math.max(0, (visibleNanos - p.acceptedNanos()) / 1000));
            }
        }
        if (queue.isEmpty()) {
            pending.remove(customerKey);
        }
    }

    /** Measured mentions accepted but not (yet) seen in any journey update. */
    public synchronized long unsettled() {
        return pending.values().stream()
                .flatMap(ArrayDeque::stream)
                .filter(Pending::measured)
                .count();
    }

    public synchronized long measuredAccepted() {
        return measuredAccepted;
    }

    public synchronized long settledBeforeAnswer() {
        return settledBeforeAnswer;
    }

    public Percentiles.Summary summary() {
        return endToEnd.summary();
    }
}
