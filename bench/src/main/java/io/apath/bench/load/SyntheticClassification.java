package io.apath.bench.load;

import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.Intent;
import io.apath.contracts.Mention;
import io.apath.contracts.Sentiment;
import io.apath.contracts.SentimentLabel;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code mentions-classified.v1} record journey scenarios feed journey without running the classifier: a
 * brand-relevant primary intent drawn from a fixed mix (praise most, recommendations least), confident (0.65–0.99),
 * with the sentiment that goes with it. Confident and relevant on purpose: every mention then counts, which is
 * journey's most expensive path.
 */
public final class SyntheticClassification {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Intent[] INTENTS = {
        Intent.PRAISE,
        Intent.SUPPORT_REQUEST,
        Intent.COMPLAINT,
        Intent.PURCHASE_INTENT,
        Intent.DEAL_SEEKING,
        Intent.INFORMATIONAL,
        Intent.RECOMMENDATION
    };
    private static final double[] INTENT_CDF = {0.3, 0.5, 0.65, 0.75, 0.85, 0.95, 1.0};

    private SyntheticClassification() {}

    /** {@code mention} classified, as the JSON bytes of the topic's record. */
    public static byte[] of(Mention mention, SplittableRandom random) {
        double u = random.nextDouble();
        int i = 0;
        while (INTENT_CDF[i] < u) {
            i++;
        }
        Intent primary = INTENTS[i];
        double confidence = 0.65 + random.nextDouble() * 0.34;
        Map<Intent, Double> intents = new EnumMap<>(Intent.class);
        intents.put(primary, confidence);
        SentimentLabel sentiment =
                switch (primary) {
                    case PRAISE, RECOMMENDATION -> SentimentLabel.POSITIVE;
                    case COMPLAINT -> SentimentLabel.NEGATIVE;
                    default -> SentimentLabel.NEUTRAL;
                };
        return JSON.writeValueAsBytes(new ClassifiedMention(
                mention, intents, primary, new Sentiment(sentiment, confidence), "en", "bench-synthetic-0", false));
    }
}
