package io.apath.classifier.model;

import io.apath.contracts.Intent;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phrases that go with an intent, written from the labelling guideline's definitions (not mined from the data).
 * Two uses: {@link #match} turns broad cue groups into features, so a rare intent with few labelled examples still
 * shares weight across its typical phrasings; {@link #weakLabels} applies only narrow, high-precision phrases to the
 * unlabelled corpora to add extra positive examples for the rare intents. Input is {@link TextFeatures#normalise}d.
 */
public final class Cues {

    private static final Pattern[] FEATURE_CUES = {
        // 0 churn
        compile("never (fly|flying|buy|buying|use|using|shop|shopping|order|ordering|again)|switch(ing|ed)? (to|back)"
                + "|cancel(l)?(ing|ed)? my|(i'm|im|i am) (done|leaving|switching|out)|done with|going back to|moving to"
                + "|won't be (flying|buying|using|back)|taking my (business|money)|last time i|goodbye|unsubscrib"),
        // 1 recommendation
        compile("recommend|you (should|need to|must|gotta|have to) (try|get|use|check|follow|download|fly|go)"
                + "|check (it|them|this) out|go with|must have|better than|always (fly|use|buy|choose)"
                + "|if you (need|want|fly|are|like)|try (it|them|this)|everyone should"),
        // 2 purchase
        compile(
                "(want|wanna|going|gonna|plan|planning|about|need|thinking|decided|can't wait|cant wait|ready) to"
                        + " (buy|get|order|book|upgrade|try|purchase|switch|subscribe)|pre ?order|buying|(getting|ordering|booking)"
                        + " (a|an|my|the|new|some)|upgrade to|should i (buy|get)|thinking (of|about) (buying|getting)|just ordered"),
        // 3 deal
        compile("promo|coupon|discount|voucher|0 off|free|giveaway|giving away|win (a|an|the)|deal|sale|code|freebie"
                + "|compensat|refund|miles|points|credit"),
        // 4 support / question
        compile(
                "\\?|how (do|can|to|long|much)|can (you|i|someone|u)|could (you|u)|please|pls|plz|help|where (is|are|can|do)"
                        + "|when (will|is|does|do)|why (is|does|do|can't|won't)|\\bdm\\b|anyone know|is there"),
        // 5 complaint
        compile(
                "worst|terrible|awful|horrible|rude|delay|cancel+ed|lost|broke|crash|not working|doesn't work|won't"
                        + "|still waiting|hours|on hold|fail|unacceptable|ridiculous|disappoint|sucks|never|no one|nobody|again"),
        // 6 praise
        compile("thank|thx|love|great|awesome|amazing|best|excellent|fantastic|kudos|appreciate|happy|nice|wonderful"),
        // 7 starts as a reply to someone
        compile("^~a"),
    };

    private static final Map<Intent, Pattern> WEAK = Map.of(
            Intent.CHURN_RISK,
            compile("never (flying|fly|buying|buy|using|use|shopping|shop) \\w+ ?\\w* again|switch(ing|ed) (to|from)"
                    + "|cancel(l)?(ing|ed) my (account|subscription|membership|service|contract)|(i'm|im|i am) done with"
                    + "|taking my (business|money) (to|elsewhere)"),
            Intent.RECOMMENDATION,
            compile("(i|we) (highly |strongly |totally |definitely )?recommend|you (should|need to|must|gotta)"
                    + " (try|get|use|download|check out|follow)|highly recommend|everyone should (try|get|use)"),
            Intent.PURCHASE_INTENT,
            compile("(want|wanna|going|gonna|planning|plan|about|need|decided|can't wait|cant wait) to"
                    + " (buy|order|book|purchase|upgrade)|pre ?order(ed|ing)?|thinking (of|about) (buying|getting)"
                    + "|just ordered"),
            Intent.DEAL_SEEKING,
            compile("promo code|coupon|discount|voucher|giveaway|giving away|freebie|free (t ?shirts?|stuff|drinks"
                    + "|food|samples?|tickets?|download)|0 off"));

    private Cues() {}

    private static Pattern compile(String regex) {
        return Pattern.compile("(?<![\\w'])(?:" + regex + ")");
    }

    /** Number of cue-group features {@link #match} can set. */
    public static int featureCount() {
        return FEATURE_CUES.length;
    }

    /**
     * Bit {@code i} is set when cue group {@code i} occurs in the normalised text. Equivalent to {@code find()} with
     * the patterns' leading word-start guard, but tries the alternatives only at word starts: several times faster,
     * as the alternations are long and most positions are inside words.
     */
    static int match(char[] normalised) {
        String text = new String(normalised);
        Matcher[] matchers = new Matcher[FEATURE_CUES.length];
        int bits = 0;
        int all = (1 << FEATURE_CUES.length) - 1;
        for (int i = 0; i < normalised.length && bits != all; i++) {
            if (i > 0 && isWordChar(normalised[i - 1])) {
                continue;
            }
            for (int c = 0; c < FEATURE_CUES.length; c++) {
                if ((bits & (1 << c)) != 0) {
                    continue;
                }
                Matcher m = matchers[c];
                if (m == null) {
                    m = FEATURE_CUES[c].matcher(text).useAnchoringBounds(false).useTransparentBounds(true);
                    matchers[c] = m;
                }
                m.region(i, normalised.length);
                if (m.lookingAt()) {
                    bits |= 1 << c;
                }
            }
        }
        return bits;
    }

    /** The plain definition {@link #match} must agree with: {@code find()} anywhere. */
    static int matchByFind(char[] normalised) {
        String text = new String(normalised);
        int bits = 0;
        for (int i = 0; i < FEATURE_CUES.length; i++) {
            if (FEATURE_CUES[i].matcher(text).find()) {
                bits |= 1 << i;
            }
        }
        return bits;
    }

    /** What {@code (?<![\\w'])} excludes before a match: ASCII letters, digits, underscore and apostrophe. */
    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '\'';
    }

    /** The rare intents whose narrow phrases occur in the raw text: weak positive labels for unlabelled posts. */
    public static Set<Intent> weakLabels(String text) {
        String normal = new String(TextFeatures.normalise(text == null ? "" : text));
        Set<Intent> labels = EnumSet.noneOf(Intent.class);
        WEAK.forEach((intent, pattern) -> {
            if (pattern.matcher(normal).find()) {
                labels.add(intent);
            }
        });
        return labels;
    }
}
