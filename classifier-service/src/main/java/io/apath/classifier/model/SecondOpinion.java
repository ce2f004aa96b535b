package io.apath.classifier.model;

/**
 * The optional second opinion (off by default): for a post the n-gram model is unsure of, a sentence encoder embeds
 * the text and the {@link StackedHeads} decide its intents from that embedding and the n-gram scores together. Only
 * the unsure posts pay for the encoder (milliseconds, against microseconds for the n-gram model).
 *
 * @param belowConfidence reconsider when the n-gram top intent probability is below this (1 = every post)
 * @param withinMargin or when the top two are closer than this
 */
public record SecondOpinion(StackedHeads heads, SentenceEncoder encoder, double belowConfidence, double withinMargin) {

    /** Defaults of the cross-validated routing: top below 0.6 or top two within 0.1 (37 % of the labelled posts). */
    public static final double DEFAULT_BELOW_CONFIDENCE = 0.6;

    public static final double DEFAULT_WITHIN_MARGIN = 0.1;

    public SecondOpinion {
        if (!heads.encoder().equals(encoder.name())) {
            throw new IllegalArgumentException("second-opinion heads " + heads.version() + " were trained on "
                    + heads.encoder() + ", not on " + encoder.name());
        }
        if (heads.width() != encoder.dimension() + IntentModel.INTENTS) {
            throw new IllegalArgumentException("second-opinion heads expect width " + heads.width() + ", the encoder"
                    + " gives " + encoder.dimension() + " + " + IntentModel.INTENTS);
        }
    }

    /** Whether the n-gram prediction is unsure enough to ask. */
    public boolean wants(Prediction ngram) {
        double top = ngram.probability(ngram.primaryIntent());
        return top < belowConfidence || top - ngram.runnerUpProbability() < withinMargin;
    }

    public Prediction reconsider(String text, Prediction ngram) {
        return heads.decide(encoder.embed(text), ngram);
    }

    /** The {@code modelVersion} of a post the second opinion decided: both models, as both shaped the answer. */
    public String modelVersion(String ngramVersion) {
        return ngramVersion + "+" + heads.version();
    }
}
