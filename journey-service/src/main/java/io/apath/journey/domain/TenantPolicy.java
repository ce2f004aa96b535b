package io.apath.journey.domain;

import io.apath.contracts.Handles;
import java.time.Duration;
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
                : brandHandles.stream().map(Handles::configured).collect(Collectors.toUnmodifiableSet());
    }

    public static TenantPolicy defaults(JourneyRules rules) {
        return new TenantPolicy(rules, 1, BusinessCalendar.DEFAULT, Duration.ofHours(4), Set.of());
    }

    public boolean isBrandHandle(String handle) {
        return handle != null && brandHandles.contains(Handles.normalise(handle));
    }
}
