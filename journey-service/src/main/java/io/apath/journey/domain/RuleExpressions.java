package io.apath.journey.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The journey rules of one tenant as written in configuration: a CEL expression per rule name. The defaults are
 * DESIGN §3; a tenant's overrides replace single rules and keep the rest.
 *
 * <p>Stage entry rules ({@code attention} … {@code advocate}), {@code regression}, {@code transactional} see the
 * customer's counters and the current mention; {@code response-due}, {@code positive} and {@code engagement} see
 * only the mention (they classify one mention, so the SLA can be tracked without the customer's state).
 */
public record RuleExpressions(Map<String, String> expressions) {

    public static final String ATTENTION = "attention";
    public static final String ATTRACTION = "attraction";
    public static final String AFFINITY = "affinity";
    public static final String AUDIENCE = "audience";
    public static final String ADVOCATE = "advocate";
    public static final String REGRESSION = "regression";
    public static final String TRANSACTIONAL = "transactional";
    public static final String RESPONSE_DUE = "response-due";
    public static final String POSITIVE = "positive";
    public static final String ENGAGEMENT = "engagement";

    /** DESIGN §3, as CEL. */
    public static final RuleExpressions DEFAULTS = new RuleExpressions(ordered(
            ATTENTION, "intent != 'IRRELEVANT'",
            ATTRACTION, "confident && intent in ['SUPPORT_REQUEST', 'PURCHASE_INTENT', 'PRAISE']",
            AFFINITY, "positive_90d >= 3 && positive_days_90d >= 2",
            AUDIENCE, "(follows > 0 || engaged_weeks >= 3) && open_complaints == 0",
            ADVOCATE, "confident && intent == 'RECOMMENDATION' && stage in ['AFFINITY', 'AUDIENCE']",
            REGRESSION, "confident && intent in ['COMPLAINT', 'CHURN_RISK']",
            TRANSACTIONAL, "relevant_mentions >= 2 && deal_seeking * 2 > relevant_mentions",
            RESPONSE_DUE, "confident && intent == 'COMPLAINT'",
            POSITIVE,
                    "confident && (intent in ['PRAISE', 'RECOMMENDATION', 'PURCHASE_INTENT'] || sentiment == 'POSITIVE')"
                            + " && !(intent in ['COMPLAINT', 'CHURN_RISK'])",
            ENGAGEMENT, "intent != 'IRRELEVANT'"));

    public RuleExpressions {
        Objects.requireNonNull(expressions, "expressions");
        expressions = Map.copyOf(expressions);
    }

    /** These rules with {@code overrides} replacing the rules of the same name; unknown names are kept, to be rejected. */
    public RuleExpressions overriddenBy(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(expressions);
        if (overrides != null) {
            merged.putAll(overrides);
        }
        return new RuleExpressions(merged);
    }

    public String get(String name) {
        return expressions.get(name);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
