package io.apath.classifier.domain;

import io.apath.classifier.model.BrandAccounts;
import io.apath.classifier.model.IntentModel;
import io.apath.classifier.model.Prediction;
import io.apath.classifier.model.SecondOpinion;
import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.Intent;
import io.apath.contracts.Mention;
import io.apath.contracts.MentionKind;
import io.apath.contracts.Sentiment;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The production classifier: the trained {@link IntentModel} for intents and sentiment, {@link LanguageIdentifier}
 * for the language, {@link ReviewPolicy} for {@code needsReview}, and, when switched on, the {@link SecondOpinion} for
 * the posts the n-gram model is unsure of (their {@code modelVersion} then names both). A FOLLOW has no text to read; it is an
 * INFORMATIONAL signal of a standing relationship, which the journey rules use through its kind. A tenant's own brand
 * accounts, when configured, are read as brand accounts in its mentions ({@link BrandAccounts}); for a tenant without
 * them, the handle a post opens with is ({@link BrandAccounts#OPENING_HANDLE}).
 */
public final class TrainedClassifier implements Classifier {

    private final IntentModel model;
    private final LanguageIdentifier languages;
    private final ReviewPolicy review;
    private final SecondOpinion secondOpinion;
    private final Map<String, IntentModel> modelByTenant;
    /** For a tenant that configured no accounts: the handle a post opens with is read as its brand's. */
    private final IntentModel withoutAccounts;

    public TrainedClassifier(IntentModel model, LanguageIdentifier languages, ReviewPolicy review) {
        this(model, languages, review, null);
    }

    /** With {@code secondOpinion} (may be null: off) asked about the posts it {@linkplain SecondOpinion#wants wants}. */
    public TrainedClassifier(
            IntentModel model, LanguageIdentifier languages, ReviewPolicy review, SecondOpinion secondOpinion) {
        this(model, languages, review, secondOpinion, Map.of());
    }

    /** As above, with each tenant's own brand accounts ({@code @acme}, {@code @AcmeHelp}) beside the model's. */
    public TrainedClassifier(
            IntentModel model,
            LanguageIdentifier languages,
            ReviewPolicy review,
            SecondOpinion secondOpinion,
            Map<String, BrandAccounts> brandAccountsByTenant) {
        this.model = model;
        this.languages = languages;
        this.review = review;
        this.secondOpinion = secondOpinion;
        Map<String, IntentModel> byTenant = new HashMap<>();
        brandAccountsByTenant.forEach((tenant, accounts) -> {
            if (!accounts.isEmpty()) {
                byTenant.put(tenant, model.withBrandAccounts(accounts));
            }
        });
        this.modelByTenant = Map.copyOf(byTenant);
        this.withoutAccounts = model.withBrandAccounts(BrandAccounts.OPENING_HANDLE);
    }

    public String modelVersion() {
        return model.version();
    }

    @Override
    public ClassifiedMention classify(Mention mention) {
        String text = mention.text() == null ? "" : mention.text();
        if (mention.kind() == MentionKind.FOLLOW && text.isBlank()) {
            return follow(mention);
        }
        Prediction prediction =
                modelByTenant.getOrDefault(mention.tenant(), withoutAccounts).predict(text);
        String language = languages.identify(text);
        if (LanguageIdentifier.UNDETERMINED.equals(language)
                && mention.lang() != null
                && !mention.lang().isBlank()) {
            language = mention.lang();
        }
        String modelVersion = model.version();
        // the encoder is English-only: a foreign post keeps its n-gram labels and is flagged for review anyway
        if (secondOpinion != null && !review.isForeign(language) && secondOpinion.wants(prediction)) {
            prediction = secondOpinion.reconsider(text, prediction);
            modelVersion = secondOpinion.modelVersion(modelVersion);
        }
        return new ClassifiedMention(
                mention,
                prediction.intents(),
                prediction.primaryIntent(),
                new Sentiment(prediction.sentiment(), Math.round(prediction.sentimentScore() * 10000) / 10000.0),
                language,
                modelVersion,
                review.needsReview(prediction, language));
    }

    private ClassifiedMention follow(Mention mention) {
        Map<Intent, Double> intents = new EnumMap<>(Intent.class);
        intents.put(Intent.INFORMATIONAL, 1.0);
        return new ClassifiedMention(
                mention,
                intents,
                Intent.INFORMATIONAL,
                new Sentiment(io.apath.contracts.SentimentLabel.NEUTRAL, 1.0),
                mention.lang() == null ? LanguageIdentifier.UNDETERMINED : mention.lang(),
                model.version(),
                false);
    }
}
