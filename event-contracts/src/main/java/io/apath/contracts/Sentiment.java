package io.apath.contracts;

import java.util.Objects;

/** Sentiment toward the brand with the model's probability for that label (0..1). */
public record Sentiment(SentimentLabel label, double score) {

    public Sentiment {
        Objects.requireNonNull(label, "label");
    }
}
