package io.apath.classifier.domain;

import io.apath.classifier.model.Prediction;
import java.util.Set;

/**
 * When a person should look at a classification: the top intent probability is below {@code minConfidence}, the top
 * two are within {@code minMargin} of each other, or the post is in a language the model was not trained on (an
 * undetermined language is not flagged: most very short posts are undetermined and the model handles them).
 */
public record ReviewPolicy(double minConfidence, double minMargin, Set<String> trainedLanguages) {

    public ReviewPolicy {
        trainedLanguages = Set.copyOf(trainedLanguages);
    }

    public static ReviewPolicy defaults() {
        return new ReviewPolicy(0.5, 0.1, Set.of("en"));
    }

    public boolean needsReview(Prediction prediction, String language) {
        double top = prediction.probability(prediction.primaryIntent());
        return top < minConfidence || top - prediction.runnerUpProbability() < minMargin || isForeign(language);
    }

    public boolean isForeign(String language) {
        return !LanguageIdentifier.UNDETERMINED.equals(language) && !trainedLanguages.contains(language);
    }
}
