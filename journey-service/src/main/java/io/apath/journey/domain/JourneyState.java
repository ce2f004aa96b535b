package io.apath.journey.domain;

import io.apath.contracts.CustomerJourney;
import io.apath.contracts.MentionId;
import io.apath.contracts.Stage;
import java.time.Instant;
import java.util.List;

/**
 * What the journey store keeps per customer: the public {@link CustomerJourney} plus what the rules need and the
 * public record does not carry. Every list is bounded, so a very active customer's state stays small.
 *
 * @param recentMentionIds the latest mention ids, how a re-delivered mention is recognised and has no effect
 * @param highestStage the furthest the customer ever got, for the funnel's conversion rates
 * @param stageSince when the customer entered the current stage
 * @param positiveAt times of positive interactions within the affinity window (event time)
 * @param engagedWeeks ISO weeks ({@code 2026-W40}) with a brand-relevant interaction, latest last
 * @param relevantMentions mentions that counted as engagement (not IRRELEVANT by default)
 * @param follows FOLLOW mentions seen
 * @param lastRegression the latest regression, for hysteresis; null if none
 * @param lastDecayAt the time of the latest inactivity step since the last interaction; null after an interaction
 * @param openResponses complaints waiting for the brand's answer (and overdue ones while they count as open), at most
 *     32 — the newest; the oldest overdue ones are dropped first
 * @param responses how the brand answered this customer's complaints so far
 * @param consent whether the brand may contact the customer; null when never recorded
 */
public record JourneyState(
        CustomerJourney journey,
        List<MentionId> recentMentionIds,
        Stage highestStage,
        Instant stageSince,
        List<Instant> positiveAt,
        List<String> engagedWeeks,
        long relevantMentions,
        long follows,
        Regression lastRegression,
        Instant lastDecayAt,
        List<ResponseWindow> openResponses,
        ResponseStats responses,
        Consent consent) {

    public JourneyState {
        recentMentionIds = recentMentionIds == null ? List.of() : List.copyOf(recentMentionIds);
        positiveAt = positiveAt == null ? List.of() : List.copyOf(positiveAt);
        engagedWeeks = engagedWeeks == null ? List.of() : List.copyOf(engagedWeeks);
        openResponses = openResponses == null ? List.of() : List.copyOf(openResponses);
        responses = responses == null ? ResponseStats.NONE : responses;
    }

    public boolean hasSeen(MentionId mentionId) {
        return recentMentionIds.contains(mentionId);
    }

    public Stage stage() {
        return journey.stage();
    }

    /** A regression from {@code from} at {@code at}: re-entering {@code from} waits for the hysteresis period. */
    public record Regression(Stage from, Stage to, Instant at) {}

    /** One complaint the brand should answer by {@code dueBy}; {@code overdue} once the deadline passed unanswered. */
    public record ResponseWindow(
            MentionId mentionId, String nativeId, Instant openedAt, Instant dueBy, boolean overdue) {}

    /** Counts of complaints that opened a response window and what became of them. */
    public record ResponseStats(long opened, long answeredInTime, long answeredLate, long overdue) {
        public static final ResponseStats NONE = new ResponseStats(0, 0, 0, 0);

        public long answered() {
            return answeredInTime + answeredLate;
        }
    }

    /** Contact permission as the customer gave or withdrew it through the brand. */
    public record Consent(boolean contactAllowed, Instant recordedAt) {}
}
