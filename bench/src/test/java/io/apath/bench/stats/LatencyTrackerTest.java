package io.apath.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LatencyTrackerTest {

    private static final Instant T = Instant.parse("2026-10-01T00:00:00Z");
    private static final long MS = 1_000_000;

    @Test
    void anUpdateSettlesItsMentionAndEveryEarlierOneOfThatCustomer() {
        LatencyTracker tracker = new LatencyTracker();
        tracker.accepted("a", T, 0, true);
        tracker.accepted("a", T.plusMillis(1), 10 * MS, true);
        tracker.accepted("a", T.plusMillis(2), 20 * MS, true);
        tracker.visible("a", T.plusMillis(1), 110 * MS);
        assertThat(tracker.summary().count()).isEqualTo(2);
        assertThat(tracker.summary().max()).isEqualTo(110.0);
        assertThat(tracker.unsettled()).isEqualTo(1);
    }

    @Test
    void otherCustomersUpdatesSettleNothing() {
        LatencyTracker tracker = new LatencyTracker();
        tracker.accepted("a", T, 0, true);
        tracker.visible("b", T.plusMillis(5), 50 * MS);
        assertThat(tracker.summary().count()).isZero();
        assertThat(tracker.unsettled()).isEqualTo(1);
    }

    @Test
    void warmUpMentionsAreMatchedButNotCounted() {
        LatencyTracker tracker = new LatencyTracker();
        tracker.accepted("a", T, 0, false);
        tracker.accepted("a", T.plusMillis(1), 5 * MS, true);
        tracker.visible("a", T.plusMillis(1), 25 * MS);
        assertThat(tracker.summary().count()).isEqualTo(1);
        assertThat(tracker.summary().p50()).isEqualTo(20.0);
        assertThat(tracker.measuredAccepted()).isEqualTo(1);
    }

    @Test
    void anUpdateSeenBeforeIngestsAnswerArrivedCountsAsZero() {
        LatencyTracker tracker = new LatencyTracker();
        tracker.visible("a", T, 5 * MS);
        tracker.accepted("a", T, 7 * MS, true);
        assertThat(tracker.summary().count()).isEqualTo(1);
        assertThat(tracker.summary().max()).isZero();
        assertThat(tracker.settledBeforeAnswer()).isEqualTo(1);
    }
}
