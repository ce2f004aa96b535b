package io.apath.journey.domain;

import static io.apath.contracts.Stage.ADVOCATE;
import static io.apath.contracts.Stage.AFFINITY;
import static io.apath.contracts.Stage.AUDIENCE;
import static io.apath.journey.domain.AdvocateLists.Kind.ADVOCATES_AT_RISK;
import static io.apath.journey.domain.AdvocateLists.Kind.NEWEST_ADVOCATES;
import static io.apath.journey.domain.States.change;
import static io.apath.journey.domain.States.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.apath.contracts.Intent;
import io.apath.contracts.MentionId;
import io.apath.journey.domain.AdvocateLists.Listed;
import io.apath.journey.domain.JourneyState.ResponseWindow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdvocateListsTest {

    private static final Instant NOW = Instant.parse("2026-10-31T12:00:00Z");
    private static final double THRESHOLD = 0.6;

    private static JourneyState advocateSince(String key, String at) {
        return state(key, ADVOCATE, change(null, AUDIENCE, "2026-09-01T00:00:00Z"), change(AUDIENCE, ADVOCATE, at));
    }

    private static JourneyState fallenAdvocate(String key, String complainedAt, Intent intent, double confidence) {
        return state(
                key,
                ADVOCATE,
                change(null, AUDIENCE, "2026-09-01T00:00:00Z"),
                change(AUDIENCE, ADVOCATE, "2026-09-02T00:00:00Z"),
                change(ADVOCATE, AFFINITY, complainedAt, intent, confidence));
    }

    private static Optional<Listed> select(AdvocateLists.Kind kind, JourneyState state) {
        return AdvocateLists.select(kind, state, NOW, THRESHOLD);
    }

    @Test
    void newestAdvocatesAreCurrentAdvocatesLatestArrivalFirst() {
        List<Listed> rows = java.util.stream.Stream.of(
                        advocateSince("acme:x:old", "2026-10-01T00:00:00Z"),
                        advocateSince("acme:x:new", "2026-10-20T00:00:00Z"),
                        fallenAdvocate("acme:x:fallen", "2026-10-25T00:00:00Z", Intent.COMPLAINT, 0.9))
                .flatMap(s -> select(NEWEST_ADVOCATES, s).stream())
                .toList();

        assertThat(AdvocateLists.top(NEWEST_ADVOCATES, rows, 10))
                .extracting(Listed::customerKey, Listed::since)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("acme:x:new", Instant.parse("2026-10-20T00:00:00Z")),
                        org.assertj.core.groups.Tuple.tuple("acme:x:old", Instant.parse("2026-10-01T00:00:00Z")));
    }

    @Test
    void anAdvocateWhoComplainedConfidentlyWithinThirtyDaysIsAtRisk() {
        Optional<Listed> row =
                select(ADVOCATES_AT_RISK, fallenAdvocate("acme:x:1", "2026-10-20T09:00:00Z", Intent.COMPLAINT, 0.9));

        assertThat(row).map(Listed::lastComplaintAt).contains(Instant.parse("2026-10-20T09:00:00Z"));
        assertThat(row).map(Listed::stage).contains(AFFINITY);
    }

    @Test
    void aChurnSignalCountsLikeAComplaint() {
        assertThat(select(
                        ADVOCATES_AT_RISK, fallenAdvocate("acme:x:1", "2026-10-20T09:00:00Z", Intent.CHURN_RISK, 0.9)))
                .isPresent();
    }

    @Test
    void aComplaintOlderThanThirtyDaysOrUnsureDoesNotPutAnAdvocateAtRisk() {
        assertThat(select(ADVOCATES_AT_RISK, fallenAdvocate("acme:x:1", "2026-09-30T11:59:59Z", Intent.COMPLAINT, 0.9)))
                .isEmpty();
        assertThat(select(ADVOCATES_AT_RISK, fallenAdvocate("acme:x:1", "2026-10-20T09:00:00Z", Intent.COMPLAINT, 0.5)))
                .isEmpty();
    }

    @Test
    void aCustomerWhoNeverReachedAdvocateIsNotAtRisk() {
        JourneyState neverAdvocate = state(
                "acme:x:1",
                AUDIENCE,
                change(null, AUDIENCE, "2026-09-01T00:00:00Z"),
                change(AUDIENCE, AFFINITY, "2026-10-20T09:00:00Z", Intent.COMPLAINT, 0.9));

        assertThat(select(ADVOCATES_AT_RISK, neverAdvocate)).isEmpty();
    }

    @Test
    void anAdvocateWaitingForAnAnswerIsAtRisk() {
        Instant opened = Instant.parse("2026-10-30T10:00:00Z");
        JourneyState waiting = state(
                "acme:x:1",
                ADVOCATE,
                List.of(change(null, ADVOCATE, "2026-09-01T00:00:00Z")),
                List.of(new ResponseWindow(
                        MentionId.of("acme", "x", "p1"), "p1", opened, opened.plusSeconds(3600), false)));

        assertThat(select(ADVOCATES_AT_RISK, waiting))
                .map(Listed::lastComplaintAt)
                .contains(opened);
    }

    @Test
    void atRiskIsOrderedByLatestComplaintAndMergingInstancesTopsKeepsTheOverallTop() {
        List<Listed> instanceA = AdvocateLists.top(
                ADVOCATES_AT_RISK,
                List.of(
                        select(
                                        ADVOCATES_AT_RISK,
                                        fallenAdvocate("acme:x:a1", "2026-10-10T00:00:00Z", Intent.COMPLAINT, 1))
                                .orElseThrow(),
                        select(
                                        ADVOCATES_AT_RISK,
                                        fallenAdvocate("acme:x:a2", "2026-10-28T00:00:00Z", Intent.COMPLAINT, 1))
                                .orElseThrow()),
                1);
        List<Listed> instanceB = AdvocateLists.top(
                ADVOCATES_AT_RISK,
                List.of(select(
                                ADVOCATES_AT_RISK,
                                fallenAdvocate("acme:x:b1", "2026-10-20T00:00:00Z", Intent.COMPLAINT, 1))
                        .orElseThrow()),
                1);

        List<Listed> merged = AdvocateLists.top(
                ADVOCATES_AT_RISK,
                java.util.stream.Stream.concat(instanceA.stream(), instanceB.stream())
                        .toList(),
                2);

        assertThat(merged).extracting(Listed::customerKey).containsExactly("acme:x:a2", "acme:x:b1");
    }

    @Test
    void listParametersAreTheOnesThePageSends() {
        assertThat(AdvocateLists.Kind.ofParameter("newest-advocates")).contains(NEWEST_ADVOCATES);
        assertThat(AdvocateLists.Kind.ofParameter("advocates-at-risk")).contains(ADVOCATES_AT_RISK);
        assertThat(AdvocateLists.Kind.ofParameter("everyone")).isEmpty();
    }
}
