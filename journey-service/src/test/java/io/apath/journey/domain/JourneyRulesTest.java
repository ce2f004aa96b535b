package io.apath.journey.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JourneyRulesTest {

    @Test
    void defaultRulesCompile() {
        JourneyRules rules = JourneyRules.compile("default", RuleExpressions.DEFAULTS);

        assertThat(rules.expressions().expressions())
                .containsOnlyKeys(RuleExpressions.DEFAULTS.expressions().keySet());
    }

    @Test
    void misspeltVariableStopsWithTheRulesName() {
        RuleExpressions broken =
                RuleExpressions.DEFAULTS.overriddenBy(Map.of(RuleExpressions.AFFINITY, "postive_90d >= 3"));

        assertThatThrownBy(() -> JourneyRules.compile("tenant acme", broken))
                .isInstanceOfSatisfying(InvalidRuleException.class, e -> assertThat(e.ruleName())
                        .isEqualTo("affinity"))
                .hasMessageContaining("Journey rule 'affinity' (tenant acme) is invalid")
                .hasMessageContaining("postive_90d");
    }

    @Test
    void nonBooleanRuleIsRejected() {
        RuleExpressions broken = RuleExpressions.DEFAULTS.overriddenBy(Map.of(RuleExpressions.AUDIENCE, "follows + 1"));

        assertThatThrownBy(() -> JourneyRules.compile("default", broken))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("'audience'");
    }

    @Test
    void syntaxErrorIsRejected() {
        RuleExpressions broken =
                RuleExpressions.DEFAULTS.overriddenBy(Map.of(RuleExpressions.ATTRACTION, "confident && (intent =="));

        assertThatThrownBy(() -> JourneyRules.compile("default", broken))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("'attraction'");
    }

    @Test
    void mentionScopedRuleCannotReadCustomerCounters() {
        RuleExpressions broken = RuleExpressions.DEFAULTS.overriddenBy(
                Map.of(RuleExpressions.RESPONSE_DUE, "intent == 'COMPLAINT' && complaints > 1"));

        assertThatThrownBy(() -> JourneyRules.compile("default", broken))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("'response-due'")
                .hasMessageContaining("only the mention's variables");
    }

    @Test
    void unknownRuleNameIsRejected() {
        RuleExpressions broken = RuleExpressions.DEFAULTS.overriddenBy(Map.of("afinity", "true"));

        assertThatThrownBy(() -> JourneyRules.compile("default", broken))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("'afinity'")
                .hasMessageContaining("not a known rule");
    }

    @Test
    void ruleSeesTheDeclaredFacts() {
        JourneyRules rules = JourneyRules.compile(
                "default",
                RuleExpressions.DEFAULTS.overriddenBy(
                        Map.of(RuleExpressions.POSITIVE, "intents['PRAISE'] > 0.5 && followers >= 100")));

        Map<String, Object> facts = Map.of(
                "intent",
                "PRAISE",
                "confidence",
                0.9,
                "confident",
                true,
                "needs_review",
                false,
                "intents",
                Map.of("PRAISE", 0.9),
                "kind",
                "POST",
                "sentiment",
                "POSITIVE",
                "sentiment_score",
                0.8,
                "platform",
                "x",
                "language",
                "en");
        java.util.HashMap<String, Object> with = new java.util.HashMap<>(facts);
        with.put("followers", 150L);
        assertThat(rules.test(RuleExpressions.POSITIVE, with)).isTrue();
        with.put("followers", 50L);
        assertThat(rules.test(RuleExpressions.POSITIVE, with)).isFalse();
    }
}
