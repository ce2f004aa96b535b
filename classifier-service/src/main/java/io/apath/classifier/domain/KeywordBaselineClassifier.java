package io.apath.classifier.domain;

import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.Intent;
import io.apath.contracts.Mention;
import io.apath.contracts.MentionKind;
import io.apath.contracts.Sentiment;
import io.apath.contracts.SentimentLabel;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A deliberately small KEYWORD BASELINE, not a trained model: a few high-precision phrases per intent and a handful of
 * sentiment words. It exists so the pipeline runs end to end until the trained model replaces it; its output says so
 * in {@code modelVersion} ({@value #MODEL_VERSION}). Matching is on lower-cased text; the first matching intent in
 * declaration order is primary.
 */
public class KeywordBaselineClassifier implements Classifier {

    public static final String MODEL_VERSION = "keyword-baseline-0";

    private static final double MATCHED = 0.9;
    private static final double UNMATCHED = 0.05;

    private static final Map<Intent, Pattern> PHRASES = phrases();
    private static final Pattern POSITIVE =
            words("love", "great", "thanks", "thank you", "awesome", "amazing", "best", "recommend", "happy");
    private static final Pattern NEGATIVE = words(
            "worst", "broken", "terrible", "awful", "hate", "never again", "refund", "cancel", "delayed", "crash");

    private static Map<Intent, Pattern> phrases() {
        Map<Intent, Pattern> phrases = new LinkedHashMap<>();
        phrases.put(Intent.CHURN_RISK, words("never again", "switching to", "cancel my", "cancelling", "done with you"));
        phrases.put(Intent.RECOMMENDATION, words("recommend", "you should try", "you should get", "go with", "check out"));
        phrases.put(Intent.COMPLAINT, words("worst", "broken", "terrible", "awful", "delayed", "lost my", "still waiting"));
        phrases.put(Intent.DEAL_SEEKING, words("discount", "promo", "coupon", "voucher", "giveaway", "free"));
        phrases.put(Intent.PURCHASE_INTENT, words("want to buy", "going to buy", "thinking of getting", "ordering", "upgrade to"));
        phrases.put(Intent.SUPPORT_REQUEST, words("how do i", "how can i", "help", "can you", "please fix", "?"));
        phrases.put(Intent.PRAISE, words("love", "great", "thanks", "thank you", "awesome", "amazing", "best"));
        return phrases;
    }

    private static Pattern words(String... phrases) {
        String alternatives = String.join("|", List.of(phrases).stream().map(Pattern::quote).toList());
        // '?' is punctuation, so only the alphabetic phrases get word boundaries.
        return Pattern.compile("(?:\\b(?:" + alternatives + ")\\b)|(?:" + alternatives + ")(?=\\W|$)");
    }

    @Override
    public ClassifiedMention classify(Mention mention) {
        String text = mention.text() == null ? "" : mention.text().toLowerCase(Locale.ROOT);
        Map<Intent, Double> intents = new EnumMap<>(Intent.class);
        Intent primary = null;
        for (Map.Entry<Intent, Pattern> entry : PHRASES.entrySet()) {
            boolean matched = entry.getValue().matcher(text).find();
            intents.put(entry.getKey(), matched ? MATCHED : UNMATCHED);
            if (matched && primary == null) {
                primary = entry.getKey();
            }
        }
        if (primary == null) {
            primary = mention.kind() == MentionKind.FOLLOW || !text.isBlank() ? Intent.INFORMATIONAL : Intent.IRRELEVANT;
            intents.put(primary, 0.6);
        }
        return new ClassifiedMention(
                mention,
                intents,
                primary,
                sentiment(text),
                mention.lang() == null ? "und" : mention.lang(),
                MODEL_VERSION,
                false);
    }

    private static Sentiment sentiment(String text) {
        boolean positive = POSITIVE.matcher(text).find();
        boolean negative = NEGATIVE.matcher(text).find();
        if (negative && !positive) {
            return new Sentiment(SentimentLabel.NEGATIVE, 0.8);
        }
        if (positive && !negative) {
            return new Sentiment(SentimentLabel.POSITIVE, 0.8);
        }
        return new Sentiment(SentimentLabel.NEUTRAL, 0.6);
    }
}
