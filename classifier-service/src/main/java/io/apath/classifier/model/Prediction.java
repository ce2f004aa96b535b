package io.apath.classifier.model;

import io.apath.contracts.Intent;
import io.apath.contracts.SentimentLabel;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the model made of one text: a calibrated probability per intent (multi-label, so they need not sum to 1), the
 * labels that passed their thresholds (primary first, at most two), and the sentiment distribution.
 */
public record Prediction(
        double[] intentProbabilities, List<Intent> labels, double[] sentimentProbabilities, SentimentLabel sentiment) {

    public Intent primaryIntent() {
        return labels.get(0);
    }

    public double probability(Intent intent) {
        return intentProbabilities[intent.ordinal()];
    }

    public double sentimentScore() {
        return sentimentProbabilities[sentiment.ordinal()];
    }

    public Map<Intent, Double> intents() {
        Map<Intent, Double> map = new EnumMap<>(Intent.class);
        for (Intent intent : Intent.values()) {
            map.put(intent, round(intentProbabilities[intent.ordinal()]));
        }
        return map;
    }

    /** Second highest intent probability, for the "top two are close" review rule. */
    public double runnerUpProbability() {
        double best = -1;
        double second = -1;
        for (double p : intentProbabilities) {
            if (p > best) {
                second = best;
                best = p;
            } else if (p > second) {
                second = p;
            }
        }
        return second;
    }

    static double round(double p) {
        return Math.round(p * 10000.0) / 10000.0;
    }
}
