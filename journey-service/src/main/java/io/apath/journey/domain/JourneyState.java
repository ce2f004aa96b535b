package io.apath.journey.domain;

import io.apath.contracts.CustomerJourney;
import io.apath.contracts.MentionId;
import java.util.List;

/**
 * What the journey store keeps per customer: the public {@link CustomerJourney} plus the ids of the customer's most
 * recent mentions, which is how a re-delivered mention is recognised and has no effect.
 */
public record JourneyState(CustomerJourney journey, List<MentionId> recentMentionIds) {

    public JourneyState {
        recentMentionIds = recentMentionIds == null ? List.of() : List.copyOf(recentMentionIds);
    }

    public boolean hasSeen(MentionId mentionId) {
        return recentMentionIds.contains(mentionId);
    }
}
