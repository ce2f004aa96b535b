package io.apath.journey.topology;

import io.apath.contracts.CustomerKey;
import io.apath.contracts.MentionId;
import java.time.Instant;

/**
 * One side of a complaint–answer pair, keyed by the complained-about post ({@code tenant:platform:nativeId}): either
 * the complaint (who complained) or the brand's answer to that post. Whichever arrives second completes the pair.
 */
public record ResponseCorrelation(Side side, CustomerKey complainant, MentionId answerId, Instant at) {

    public enum Side {
        COMPLAINT,
        ANSWER
    }
}
