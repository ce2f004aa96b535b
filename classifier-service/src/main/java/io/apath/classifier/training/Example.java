package io.apath.classifier.training;

import io.apath.contracts.Intent;
import io.apath.contracts.SentimentLabel;
import java.util.Arrays;
import java.util.List;

/**
 * One training text with whatever its source tells about it. Heads without a target ({@link #UNKNOWN}) are not
 * trained on it, which is how corpora labelled for different tasks share one model: the complaints corpus teaches only
 * the COMPLAINT head (and whether a post is IRRELEVANT or INFORMATIONAL), SemEval only the sentiment head, and so on.
 *
 * @param goldLabels the hand-assigned intents, primary first, or empty when the source has no intent labels
 */
public record Example(
        String id,
        Source source,
        String text,
        byte[] intentTargets,
        float[] intentWeights,
        int sentiment,
        float sentimentWeight,
        List<Intent> goldLabels) {

    public static final byte UNKNOWN = -1;

    /** Where an example came from; decides how it is weighted and which evaluation it belongs to. */
    public enum Source {
        INTENTS,
        CORRECTIONS,
        /** More posts labelled per the guideline by someone other than the brand's reviewers ({@code --extra-labels}). */
        EXTRA_LABELS,
        COMPLAINTS,
        SEMEVAL,
        BRAND_EMOTION,
        SANDERS
    }

    public boolean hasGoldIntents() {
        return !goldLabels.isEmpty();
    }

    public boolean knows(Intent intent) {
        return intentTargets[intent.ordinal()] != UNKNOWN;
    }

    public boolean is(Intent intent) {
        return intentTargets[intent.ordinal()] == 1;
    }

    public boolean hasSentiment() {
        return sentiment >= 0;
    }

    /** Builder-ish start: nothing known yet. */
    static Example unlabelled(String id, Source source, String text) {
        byte[] targets = new byte[Intent.values().length];
        Arrays.fill(targets, UNKNOWN);
        return new Example(id, source, text, targets, new float[targets.length], -1, 0f, List.of());
    }

    Example withIntent(Intent intent, boolean positive, float weight) {
        intentTargets[intent.ordinal()] = (byte) (positive ? 1 : 0);
        intentWeights[intent.ordinal()] = weight;
        return this;
    }

    Example withGold(List<Intent> labels, float weight) {
        for (Intent intent : Intent.values()) {
            withIntent(intent, labels.contains(intent), weight);
        }
        return new Example(
                id, source, text, intentTargets, intentWeights, sentiment, sentimentWeight, List.copyOf(labels));
    }

    Example withSentiment(SentimentLabel label, float weight) {
        return new Example(id, source, text, intentTargets, intentWeights, label.ordinal(), weight, goldLabels);
    }
}
