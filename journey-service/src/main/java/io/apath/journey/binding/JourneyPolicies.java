package io.apath.journey.binding;

import io.apath.contracts.Handles;
import io.apath.journey.domain.BusinessCalendar;
import io.apath.journey.domain.JourneyPolicy;
import io.apath.journey.domain.JourneyRules;
import io.apath.journey.domain.JourneySettings;
import io.apath.journey.domain.RuleExpressions;
import io.apath.journey.domain.TenantPolicy;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the {@link JourneyPolicy} from configuration; an invalid rule fails here, i.e. at start-up. */
final class JourneyPolicies {

    private static final Logger log = LoggerFactory.getLogger(JourneyPolicies.class);

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
                Set.of());
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
                                brandHandles(tenant, t.brandHandles()))));
        return new JourneyPolicy(settings, defaults, tenants);
    }

    /**
     * Fails at start-up on a malformed handle, naming the tenant, as the classifier does for the same list. Warns
     * when there are none: no reply is then the brand's, so every response window the tenant's complaints open ends
     * overdue, and its response rate reads 0 %.
     */
    private static Set<String> brandHandles(String tenant, List<String> handles) {
        if (handles.isEmpty()) {
            log.warn(
                    "tenant {} has no brand-handles: no reply can answer its complaints, so each ends ResponseOverdue;"
                            + " set apath.journey.tenants.{}.brand-handles",
                    tenant,
                    tenant);
        }
        try {
            return handles.stream().map(Handles::configured).collect(Collectors.toSet());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("apath.journey.tenants." + tenant + ".brand-handles: " + e.getMessage(), e);
        }
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
