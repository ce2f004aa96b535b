package io.apath.journey.binding;

import io.apath.journey.domain.BusinessCalendar;
import io.apath.journey.domain.JourneyPolicy;
import io.apath.journey.domain.JourneyRules;
import io.apath.journey.domain.JourneySettings;
import io.apath.journey.domain.RuleExpressions;
import io.apath.journey.domain.TenantPolicy;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

/** Builds the {@link JourneyPolicy} from configuration; an invalid rule fails here, i.e. at start-up. */
final class JourneyPolicies {

    private JourneyPolicies() {}

    static JourneyPolicy from(JourneyProperties p) {
        JourneySettings settings = new JourneySettings(
                p.confidenceThreshold(),
                p.positiveWindow(),
                p.decayAfter(),
                p.hysteresis(),
                p.complaintOpenFor(),
                p.historyLimit());
        RuleExpressions base = RuleExpressions.DEFAULTS.overriddenBy(p.rules());
        TenantPolicy defaults = new TenantPolicy(
                JourneyRules.compile("default", base),
                p.regressionSteps(),
                BusinessCalendar.DEFAULT,
                p.responseSla(),
                java.util.Set.of());
        Map<String, TenantPolicy> tenants = new HashMap<>();
        p.tenants()
                .forEach((tenant, t) -> tenants.put(
                        tenant,
                        new TenantPolicy(
                                t.rules().isEmpty()
                                        ? defaults.rules()
                                        : JourneyRules.compile("tenant " + tenant, base.overriddenBy(t.rules())),
                                t.regressionSteps() == null ? p.regressionSteps() : t.regressionSteps(),
                                calendar(t.calendar()),
                                t.responseSla() == null ? p.responseSla() : t.responseSla(),
                                new HashSet<>(t.brandHandles()))));
        return new JourneyPolicy(settings, defaults, tenants);
    }

    private static BusinessCalendar calendar(JourneyProperties.Calendar c) {
        if (c == null) {
            return BusinessCalendar.DEFAULT;
        }
        BusinessCalendar d = BusinessCalendar.DEFAULT;
        return new BusinessCalendar(
                c.zone() == null ? d.zone() : ZoneId.of(c.zone()),
                c.opens() == null ? d.opens() : c.opens(),
                c.closes() == null ? d.closes() : c.closes(),
                c.days() == null || c.days().isEmpty() ? d.days() : EnumSet.copyOf(c.days()));
    }
}
