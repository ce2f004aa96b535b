package io.apath.contracts;

import java.util.Map;
import java.util.Objects;

/**
 * A mention with what the classifier made of it. {@code intents} maps each label to its probability (multi-label, so
 * they need not sum to 1); {@code needsReview} is set when the model was unsure (low top probability, close top two,
 * or a language it was not trained on).
 */
public record ClassifiedMention(
        Mention mention,
        Map<Intent, Double> intents,
        Intent primaryIntent,
        Sentiment sentiment,
        String language,
        String modelVersion,
        boolean needsReview) {

    public ClassifiedMention {
        Objects.requireNonNull(mention, "mention");
        Objects.requireNonNull(primaryIntent, "primaryIntent");
        Objects.requireNonNull(modelVersion, "modelVersion");
        intents = intents == null ? Map.of() : Map.copyOf(intents);
    }

    public double confidence() {
        return intents.getOrDefault(primaryIntent, 0.0);
    }
}
