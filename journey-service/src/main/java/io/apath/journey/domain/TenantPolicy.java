package io.apath.journey.domain;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How one tenant's journeys are judged: its compiled rules, how far a regression drops a customer, its business
 * calendar and response SLA, and the handles of the brand's own accounts (whose replies answer complaints and who are
 * never customers themselves).
 */
public record TenantPolicy(
        JourneyRules rules,
        int regressionSteps,
        BusinessCalendar calendar,
        Duration responseSla,
        Set<String> brandHandles) {

    public TenantPolicy {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(responseSla, "responseSla");
        if (regressionSteps < 1 || regressionSteps > 4) {
            throw new IllegalArgumentException("regression steps must be 1..4, was " + regressionSteps);
        }
        brandHandles = brandHandles == null
                ? Set.of()
                : brandHandles.stream().map(TenantPolicy::normalise).collect(Collectors.toUnmodifiableSet());
    }

    public static TenantPolicy defaults(JourneyRules rules) {
        return new TenantPolicy(rules, 1, BusinessCalendar.DEFAULT, Duration.ofHours(4), Set.of());
    }

    public boolean isBrandHandle(String handle) {
        return handle != null && brandHandles.contains(normalise(handle));
    }

    private static String normalise(String handle) {
        String trimmed = handle.trim().toLowerCase(Locale.ROOT);
        return trimmed.startsWith("@") ? trimmed.substring(1) : trimmed;
    }
}
