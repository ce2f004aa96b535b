package io.apath.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.apath.contracts.MentionId;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RecentMentionsTest {

    private static final Instant NOW = Instant.parse("2026-10-01T12:00:00Z");
    private static final MentionId ID = MentionId.of("acme", "x", "1");
    private final RecentMentions recent = new RecentMentions(Duration.ofHours(24));

    @Test
    void aFreshIdIsReservedAndThenSeenOnceConfirmed() {
        assertThat(recent.reserve(ID, NOW, new CompletableFuture<>())).isInstanceOf(RecentMentions.Fresh.class);
        recent.confirm(ID, NOW);
        assertThat(recent.reserve(ID, NOW, new CompletableFuture<>())).isInstanceOf(RecentMentions.Seen.class);
    }

    @Test
    void anIdBeingPublishedIsInFlightAndFreeAgainWhenReleased() {
        CompletableFuture<Void> first = new CompletableFuture<>();
        recent.reserve(ID, NOW, first);
        assertThat(recent.reserve(ID, NOW, new CompletableFuture<>())).isEqualTo(new RecentMentions.InFlight(first));
        recent.release(ID);
        assertThat(recent.reserve(ID, NOW, new CompletableFuture<>())).isInstanceOf(RecentMentions.Fresh.class);
    }

    @Test
    void anIdReadFromTheTopicCountsAsSeenUntilTheWindowPasses() {
        recent.observed(ID.value(), NOW.minus(Duration.ofHours(23)));
        assertThat(recent.reserve(ID, NOW, new CompletableFuture<>())).isInstanceOf(RecentMentions.Seen.class);
        Instant later = NOW.plus(Duration.ofHours(2));
        assertThat(recent.evict(later)).isEqualTo(1);
        assertThat(recent.reserve(ID, later, new CompletableFuture<>())).isInstanceOf(RecentMentions.Fresh.class);
    }

    @Test
    void anotherReplicasPublicationWinsOverOurPendingOne() {
        recent.reserve(ID, NOW, new CompletableFuture<>());
        recent.observed(ID.value(), NOW);
        recent.release(ID);
        assertThat(recent.reserve(ID, NOW, new CompletableFuture<>())).isInstanceOf(RecentMentions.Seen.class);
    }
}
