package io.apath.classifier.binding;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code apath.classifier.*}: which model to load (a classpath resource, or {@code file:} path for a retrained one),
 * the review thresholds, the languages to detect and the ones the model was trained on, and the tenants whose API
 * keys may submit corrections.
 */
@ConfigurationProperties("apath.classifier")
public record ClassifierProperties(String model, Review review, Languages languages, Map<String, Tenant> tenants) {

    public ClassifierProperties {
        model = model == null ? "classpath:model/intent-model.bin" : model;
        review = review == null ? new Review(0.5, 0.1) : review;
        languages = languages == null
                ? new Languages(List.of("en", "es", "fr", "de", "it", "pt", "nl"), List.of("en"), 0.8)
                : languages;
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    }

    /** {@code needsReview} when the top intent probability is below min-confidence or the top two within min-margin. */
    public record Review(double minConfidence, double minMargin) {}

    /** Languages to tell apart, the ones the model was trained on, and the probability needed to name one. */
    public record Languages(List<String> detect, List<String> trained, double minProbability) {}

    /**
     * @param apiKeySha256 hex SHA-256 of each API key that acts for this tenant (several, so keys can be rotated; the
     *     keys themselves are never stored), the same scheme and values as {@code ingest.tenants} and
     *     {@code apath.journey.tenants}
     */
    public record Tenant(List<String> apiKeySha256) {
        public Tenant {
            apiKeySha256 = apiKeySha256 == null ? List.of() : List.copyOf(apiKeySha256);
        }
    }
}
