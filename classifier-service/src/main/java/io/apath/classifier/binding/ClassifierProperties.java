package io.apath.classifier.binding;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code apath.classifier.*}: which model to load (a classpath resource, or {@code file:} path for a retrained one),
 * the review thresholds, and the languages to detect and the ones the model was trained on.
 */
@ConfigurationProperties("apath.classifier")
public record ClassifierProperties(String model, Review review, Languages languages) {

    public ClassifierProperties {
        model = model == null ? "classpath:model/intent-model.bin" : model;
        review = review == null ? new Review(0.5, 0.1) : review;
        languages = languages == null
                ? new Languages(List.of("en", "es", "fr", "de", "it", "pt", "nl"), List.of("en"), 0.8)
                : languages;
    }

    /** {@code needsReview} when the top intent probability is below min-confidence or the top two within min-margin. */
    public record Review(double minConfidence, double minMargin) {}

    /** Languages to tell apart, the ones the model was trained on, and the probability needed to name one. */
    public record Languages(List<String> detect, List<String> trained, double minProbability) {}
}
