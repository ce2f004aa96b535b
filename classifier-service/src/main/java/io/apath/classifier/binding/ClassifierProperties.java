package io.apath.classifier.binding;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code apath.classifier.*}: which model to load (a classpath resource, or {@code file:} path for a retrained one),
 * the review thresholds, the languages to detect and the ones the model was trained on, the tenants whose API keys may
 * submit corrections and whose brand accounts they are, and the optional second opinion.
 */
@ConfigurationProperties("apath.classifier")
public record ClassifierProperties(
        String model, Review review, Languages languages, Map<String, Tenant> tenants, SecondOpinion secondOpinion) {

    public ClassifierProperties {
        model = model == null ? "classpath:model/intent-model.bin" : model;
        review = review == null ? new Review(0.5, 0.1) : review;
        languages = languages == null
                ? new Languages(List.of("en", "es", "fr", "de", "it", "pt", "nl"), List.of("en"), 0.8)
                : languages;
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
        secondOpinion = secondOpinion == null ? new SecondOpinion(false, null, null, null, null) : secondOpinion;
    }

    /** {@code needsReview} when the top intent probability is below min-confidence or the top two within min-margin. */
    public record Review(double minConfidence, double minMargin) {}

    /**
     * The optional second opinion (sentence encoder + stacked heads) for posts the n-gram model is unsure of: off by
     * default; {@code heads} must have been trained beside {@code model} ({@code train --second-opinion on}).
     *
     * @param belowConfidence reconsider when the n-gram top intent probability is below this
     * @param withinMargin or when the top two are within this
     * @param threads ONNX intra-op threads per encoding (the consumer threads already run in parallel)
     */
    public record SecondOpinion(
            boolean enabled, String heads, Double belowConfidence, Double withinMargin, Integer threads) {
        public SecondOpinion {
            heads = heads == null ? "classpath:model/second-opinion.bin" : heads;
            belowConfidence = belowConfidence == null
                    ? io.apath.classifier.model.SecondOpinion.DEFAULT_BELOW_CONFIDENCE
                    : belowConfidence;
            withinMargin =
                    withinMargin == null ? io.apath.classifier.model.SecondOpinion.DEFAULT_WITHIN_MARGIN : withinMargin;
            threads = threads == null ? 1 : threads;
        }
    }

    /** Languages to tell apart, the ones the model was trained on, and the probability needed to name one. */
    public record Languages(List<String> detect, List<String> trained, double minProbability) {}

    /**
     * @param apiKeySha256 hex SHA-256 of each API key that acts for this tenant (several, so keys can be rotated; the
     *     keys themselves are never stored), the same scheme and values as {@code ingest.tenants} and
     *     {@code apath.journey.tenants}
     * @param brandHandles the brand's own accounts ({@code @acme}, {@code AcmeHelp}), as in {@code
     *     apath.journey.tenants}: posts addressed to them read as addressed to a brand, as posts to the training data's
     *     brands do ({@link io.apath.classifier.model.BrandAccounts})
     */
    public record Tenant(List<String> apiKeySha256, List<String> brandHandles) {
        public Tenant {
            apiKeySha256 = apiKeySha256 == null ? List.of() : List.copyOf(apiKeySha256);
            brandHandles = brandHandles == null ? List.of() : List.copyOf(brandHandles);
        }
    }
}
