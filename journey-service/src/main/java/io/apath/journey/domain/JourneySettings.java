package io.apath.journey.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The numbers behind the rules that are the same for every tenant.
 *
 * @param confidenceThreshold a classification counts as {@code confident} at or above this probability (and only if
 *     the classifier did not flag it for review)
 * @param positiveWindow how far back positive interactions count for affinity (90 days)
 * @param decayAfter inactivity that moves a customer back one stage (180 days)
 * @param hysteresis after a regression, how long before the customer may re-enter the stage they lost
 * @param complaintOpenFor how long an unanswered complaint stays "open" for the audience rule
 * @param historyLimit how many stage changes the state keeps (oldest dropped first)
 */
public record JourneySettings(
        double confidenceThreshold,
        Duration positiveWindow,
        Duration decayAfter,
        Duration hysteresis,
        Duration complaintOpenFor,
        int historyLimit) {

    public static final JourneySettings DEFAULTS = new JourneySettings(
            0.6, Duration.ofDays(90), Duration.ofDays(180), Duration.ofDays(7), Duration.ofDays(30), 50);

    public JourneySettings {
        Objects.requireNonNull(positiveWindow, "positiveWindow");
        Objects.requireNonNull(decayAfter, "decayAfter");
        Objects.requireNonNull(hysteresis, "hysteresis");
        Objects.requireNonNull(complaintOpenFor, "complaintOpenFor");
        if (confidenceThreshold < 0 || confidenceThreshold > 1) {
            throw new IllegalArgumentException("confidence threshold must be within 0..1, was " + confidenceThreshold);
        }
        if (historyLimit < 1) {
            throw new IllegalArgumentException("history limit must be positive");
        }
    }
}
