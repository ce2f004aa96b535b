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

    @Test
    void manyIdsSurviveTheTablesGrowingAndEvictionDropsExactlyTheOldOnes() {
        int n = 40_000;
        for (int i = 0; i < n; i++) {
            MentionId id = MentionId.of("acme", "x", "n-" + i);
            if (i % 2 == 0) {
                recent.observed(id.value(), NOW.minus(Duration.ofHours(23)));
            } else {
                assertThat(recent.reserve(id, NOW, new CompletableFuture<>())).isInstanceOf(RecentMentions.Fresh.class);
                recent.confirm(id, NOW);
            }
        }
        assertThat(recent.size()).isEqualTo(n);

        Instant later = NOW.plus(Duration.ofHours(2));
        assertThat(recent.evict(later)).isEqualTo(n / 2);
        assertThat(recent.size()).isEqualTo(n / 2);
        for (int i = 0; i < n; i++) {
            MentionId id = MentionId.of("acme", "x", "n-" + i);
            assertThat(recent.reserve(id, later, new CompletableFuture<>()))
                    .as("id %d", i)
                    .isInstanceOf(i % 2 == 0 ? RecentMentions.Fresh.class : RecentMentions.Seen.class);
        }
    }

    @Test
    void idsInAnyFormAreKeptAndIdsDifferingInEitherHalfAreDistinct() {
        recent.observed("written-by-someone-else", NOW);
        recent.observed("00000000000000000000000000000001", NOW);

        assertThat(recent.reserve(new MentionId("written-by-someone-else"), NOW, new CompletableFuture<>()))
                .isInstanceOf(RecentMentions.Seen.class);
        assertThat(recent.reserve(new MentionId("00000000000000000000000000000001"), NOW, new CompletableFuture<>()))
                .isInstanceOf(RecentMentions.Seen.class);
        assertThat(recent.reserve(new MentionId("10000000000000000000000000000001"), NOW, new CompletableFuture<>()))
                .isInstanceOf(RecentMentions.Fresh.class);
        assertThat(recent.reserve(new MentionId("00000000000000000000000000000002"), NOW, new CompletableFuture<>()))
                .isInstanceOf(RecentMentions.Fresh.class);
        assertThat(recent.reserve(new MentionId("0000000000000000000000000000000G"), NOW, new CompletableFuture<>()))
                .isInstanceOf(RecentMentions.Fresh.class);
    }

    @Test
    void theEarliestPublicationReadFromTheTopicCounts() {
        recent.observed(ID.value(), NOW.minus(Duration.ofHours(23)));
        recent.observed(ID.value(), NOW); // a second copy, e.g. two replicas racing

        assertThat(recent.evict(NOW.plus(Duration.ofHours(2)))).isEqualTo(1);
    }
}
