package io.apath.journey.api;

import io.apath.contracts.Intent;
import io.apath.contracts.RelationshipStyle;
import io.apath.contracts.Stage;
import io.apath.contracts.StageChange;
import io.apath.journey.domain.JourneyState;
import io.apath.journey.domain.JourneyState.Consent;
import io.apath.journey.domain.JourneyState.ResponseStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/customers/{key}/journey}: where the customer stands and why. {@code history} is bounded (the most
 * recent stage changes, oldest first), each with its evidence.
 */
record CustomerView(
        String customerKey,
        String tenant,
        Stage stage,
        Instant stageSince,
        Stage highestStage,
        RelationshipStyle style,
        Instant firstSeenAt,
        Instant lastInteractionAt,
        long mentionCount,
        Map<Intent, Long> intentCounts,
        Counters counters,
        List<OpenResponse> openResponses,
        ResponseStats responses,
        Consent consent,
        List<StageChange> history) {

    record Counters(long relevantMentions, long positiveInteractionsKept, long engagedWeeks, long follows) {}

    record OpenResponse(String mentionId, Instant openedAt, Instant dueBy, boolean overdue) {}

    static CustomerView of(JourneyState s) {
        var j = s.journey();
        return new CustomerView(
                j.customerKey().value(),
                j.tenant(),
                j.stage(),
                s.stageSince(),
                s.highestStage(),
                j.style(),
                j.firstSeenAt(),
                j.lastInteractionAt(),
                j.mentionCount(),
                j.intentCounts(),
                new Counters(
                        s.relevantMentions(),
                        s.positiveAt().size(),
                        s.engagedWeeks().size(),
                        s.follows()),
                s.openResponses().stream()
                        .map(w -> new OpenResponse(w.mentionId().value(), w.openedAt(), w.dueBy(), w.overdue()))
                        .toList(),
                s.responses(),
                s.consent(),
                j.history());
    }
}
