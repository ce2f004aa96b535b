package io.apath.journey.domain;

import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.CustomerJourney;
import io.apath.contracts.EventId;
import io.apath.contracts.Evidence;
import io.apath.contracts.Intent;
import io.apath.contracts.JourneyEvent;
import io.apath.contracts.JourneyEvent.CustomerNoticed;
import io.apath.contracts.JourneyEvent.StageAdvanced;
import io.apath.contracts.RelationshipStyle;
import io.apath.contracts.Stage;
import io.apath.contracts.StageChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies one classified mention to one customer's state. This walking-skeleton policy knows two rules — any
 * brand-relevant mention puts a customer in ATTENTION, a confident question, purchase intent or praise moves them to
 * ATTRACTION — and keeps the counters later rules will read. Pure and deterministic: the same state and mention always
 * give the same update (event ids and times come from the mention), which is what lets journeys be rebuilt by replay.
 */
public class JourneyPolicy {

    public static final String ATTENTION_RULE = "attention.any-relevant-mention";
    public static final String ATTRACTION_RULE = "attraction.interest-shown";

    static final int REMEMBERED_MENTION_IDS = 200;
    private static final Set<Intent> INTEREST =
            EnumSet.of(Intent.SUPPORT_REQUEST, Intent.PURCHASE_INTENT, Intent.PRAISE);

    private final double confidenceThreshold;

    public JourneyPolicy(double confidenceThreshold) {
        this.confidenceThreshold = confidenceThreshold;
    }

    /** @param current the customer's state, or null for a customer not seen before */
    public JourneyUpdate apply(JourneyState current, ClassifiedMention classified) {
        if (current != null && current.hasSeen(classified.mention().mentionId())) {
            return JourneyUpdate.NONE; // re-delivered: already counted
        }
        boolean relevant = classified.primaryIntent() != Intent.IRRELEVANT;
        if (current == null && !relevant) {
            return JourneyUpdate.NONE; // not about the brand: no journey starts
        }
        Instant at = classified.mention().createdAt();
        Evidence evidence = Evidence.of(classified);
        CustomerJourney before = current == null ? newJourney(classified) : current.journey();
        List<JourneyEvent> events = new ArrayList<>();
        List<StageChange> history = new ArrayList<>(before.history());
        Stage stage = before.stage();

        if (stage == null && relevant) {
            stage = Stage.ATTENTION;
            history.add(new StageChange(null, stage, ATTENTION_RULE, at, List.of(evidence)));
            events.add(new CustomerNoticed(
                    eventId("CustomerNoticed", classified),
                    at,
                    before.customerKey(),
                    before.tenant(),
                    stage,
                    ATTENTION_RULE,
                    List.of(evidence)));
        }
        if (stage == Stage.ATTENTION && showsInterest(classified)) {
            history.add(new StageChange(stage, Stage.ATTRACTION, ATTRACTION_RULE, at, List.of(evidence)));
            events.add(new StageAdvanced(
                    eventId("StageAdvanced", classified),
                    at,
                    before.customerKey(),
                    before.tenant(),
                    stage,
                    Stage.ATTRACTION,
                    ATTRACTION_RULE,
                    List.of(evidence)));
            stage = Stage.ATTRACTION;
        }

        CustomerJourney after = new CustomerJourney(
                before.customerKey(),
                before.tenant(),
                stage,
                before.style(),
                before.firstSeenAt().isBefore(at) ? before.firstSeenAt() : at,
                latest(before.lastInteractionAt(), at),
                before.mentionCount() + 1,
                countIntent(before.intentCounts(), classified.primaryIntent()),
                history,
                latest(before.updatedAt(), at));
        return new JourneyUpdate(new JourneyState(after, remember(current, classified)), events);
    }

    private boolean showsInterest(ClassifiedMention classified) {
        return INTEREST.contains(classified.primaryIntent()) && classified.confidence() >= confidenceThreshold;
    }

    private static CustomerJourney newJourney(ClassifiedMention classified) {
        Instant at = classified.mention().createdAt();
        return new CustomerJourney(
                classified.mention().customerKey(),
                classified.mention().tenant(),
                null,
                RelationshipStyle.RELATIONAL,
                at,
                at,
                0,
                Map.of(),
                List.of(),
                at);
    }

    private static EventId eventId(String type, ClassifiedMention classified) {
        return EventId.derived(
                type,
                classified.mention().customerKey(),
                classified.mention().mentionId().value());
    }

    private static Map<Intent, Long> countIntent(Map<Intent, Long> counts, Intent intent) {
        Map<Intent, Long> updated = new EnumMap<>(Intent.class);
        updated.putAll(counts);
        updated.merge(intent, 1L, Long::sum);
        return updated;
    }

    private static List<io.apath.contracts.MentionId> remember(JourneyState current, ClassifiedMention classified) {
        List<io.apath.contracts.MentionId> ids =
                new ArrayList<>(current == null ? List.of() : current.recentMentionIds());
        ids.add(classified.mention().mentionId());
        return ids.size() > REMEMBERED_MENTION_IDS ? ids.subList(ids.size() - REMEMBERED_MENTION_IDS, ids.size()) : ids;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
