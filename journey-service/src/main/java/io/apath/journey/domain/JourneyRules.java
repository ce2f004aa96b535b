package io.apath.journey.domain;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.CelVariableResolver;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of one tenant, compiled from CEL once (at start-up) and evaluated per mention. Compilation type-checks
 * every expression against the declared variables (see {@link #MENTION_VARIABLES} and {@link #CUSTOMER_VARIABLES}),
 * so a misspelt variable, a wrong type or a non-boolean result stops start-up with the rule's name.
 */
public final class JourneyRules {

    /** What every rule may read about the current mention. */
    public static final Map<String, CelType> MENTION_VARIABLES = ordered(
            "intent", SimpleType.STRING,
            "confidence", SimpleType.DOUBLE,
            "confident", SimpleType.BOOL,
            "needs_review", SimpleType.BOOL,
            "intents", MapType.create(SimpleType.STRING, SimpleType.DOUBLE),
            "kind", SimpleType.STRING,
            "sentiment", SimpleType.STRING,
            "sentiment_score", SimpleType.DOUBLE,
            "platform", SimpleType.STRING,
            "language", SimpleType.STRING,
            "followers", SimpleType.INT);

    /** What customer-scoped rules may read in addition: the counters, updated with the current mention. */
    public static final Map<String, CelType> CUSTOMER_VARIABLES = ordered(
            "stage", SimpleType.STRING,
            "style", SimpleType.STRING,
            "mentions", SimpleType.INT,
            "relevant_mentions", SimpleType.INT,
            "intent_counts", MapType.create(SimpleType.STRING, SimpleType.INT),
            "deal_seeking", SimpleType.INT,
            "complaints", SimpleType.INT,
            "open_complaints", SimpleType.INT,
            "positive_90d", SimpleType.INT,
            "positive_days_90d", SimpleType.INT,
            "engaged_weeks", SimpleType.INT,
            "follows", SimpleType.INT,
            "days_in_stage", SimpleType.INT,
            "days_since_last_interaction", SimpleType.INT);

    static final Set<String> MENTION_SCOPED =
            Set.of(RuleExpressions.RESPONSE_DUE, RuleExpressions.POSITIVE, RuleExpressions.ENGAGEMENT);

    private static final CelCompiler MENTION_COMPILER = compiler(false);
    private static final CelCompiler CUSTOMER_COMPILER = compiler(true);
    private static final CelRuntime RUNTIME =
            CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private final String scope;
    private final RuleExpressions expressions;
    private final Map<String, CelRuntime.Program> programs;

    private JourneyRules(String scope, RuleExpressions expressions, Map<String, CelRuntime.Program> programs) {
        this.scope = scope;
        this.expressions = expressions;
        this.programs = programs;
    }

    /**
     * @param scope "default" or the tenant, for error messages
     * @throws InvalidRuleException naming the first rule that is missing, unknown or does not compile to a boolean
     */
    public static JourneyRules compile(String scope, RuleExpressions expressions) {
        Map<String, CelRuntime.Program> programs = new HashMap<>();
        for (String name : expressions.expressions().keySet()) {
            if (!RuleExpressions.DEFAULTS.expressions().containsKey(name)) {
                throw new InvalidRuleException(
                        name,
                        "Journey rule '" + name + "' (" + scope + ") is not a known rule; known rules are "
                                + RuleExpressions.DEFAULTS.expressions().keySet());
            }
        }
        for (String name : RuleExpressions.DEFAULTS.expressions().keySet()) {
            String expression = expressions.get(name);
            if (expression == null || expression.isBlank()) {
                throw new InvalidRuleException(name, "Journey rule '" + name + "' (" + scope + ") is empty");
            }
            CelCompiler compiler = MENTION_SCOPED.contains(name) ? MENTION_COMPILER : CUSTOMER_COMPILER;
            CelValidationResult result = compiler.compile(expression, name);
            if (result.hasError()) {
                throw new InvalidRuleException(
                        name,
                        "Journey rule '" + name + "' (" + scope + ") is invalid: " + result.getErrorString()
                                + (MENTION_SCOPED.contains(name)
                                        ? " (this rule sees only the mention's variables)"
                                        : ""));
            }
            try {
                CelAbstractSyntaxTree ast = result.getAst();
                programs.put(name, RUNTIME.createProgram(ast));
            } catch (Exception e) {
                throw new InvalidRuleException(
                        name, "Journey rule '" + name + "' (" + scope + ") cannot run: " + e.getMessage());
            }
        }
        return new JourneyRules(scope, expressions, Map.copyOf(programs));
    }

    public String scope() {
        return scope;
    }

    public RuleExpressions expressions() {
        return expressions;
    }

    /** @throws RuleEvaluationException if the rule fails at run time (say, a missing map key) */
    public boolean test(String rule, Map<String, Object> facts) {
        try {
            // A resolver reads the facts where they are; eval(Map) would copy them into an activation per rule.
            CelVariableResolver resolver = name -> Optional.ofNullable(facts.get(name));
            return (Boolean) programs.get(rule).eval(resolver);
        } catch (CelEvaluationException e) {
            throw new RuleEvaluationException(rule, scope, e);
        }
    }

    private static CelCompiler compiler(boolean customerScope) {
        CelCompilerBuilder builder =
                CelCompilerFactory.standardCelCompilerBuilder().setResultType(SimpleType.BOOL);
        MENTION_VARIABLES.forEach(builder::addVar);
        if (customerScope) {
            CUSTOMER_VARIABLES.forEach(builder::addVar);
        }
        return builder.build();
    }

    private static Map<String, CelType> ordered(Object... pairs) {
        Map<String, CelType> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (CelType) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /** A rule that compiled but failed on one input. */
    public static final class RuleEvaluationException extends RuntimeException {
        RuleEvaluationException(String rule, String scope, CelEvaluationException cause) {
            super("Journey rule '" + rule + "' (" + scope + ") failed: " + cause.getMessage(), cause);
        }
    }

    static List<String> ruleNames() {
        return List.copyOf(RuleExpressions.DEFAULTS.expressions().keySet());
    }
}
