package io.apath.classifier.domain;

import io.apath.classifier.model.IntentModel;
import io.apath.classifier.model.Prediction;
import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.Intent;
import io.apath.contracts.Mention;
import io.apath.contracts.MentionKind;
import io.apath.contracts.Sentiment;
import java.util.EnumMap;
import java.util.Map;

/**
 * The production classifier: the trained {@link IntentModel} for intents and sentiment, {@link LanguageIdentifier}
 * for the language, {@link ReviewPolicy} for {@code needsReview}. A FOLLOW has no text to read; it is an
 * INFORMATIONAL signal of a standing relationship, which the journey rules use through its kind.
 */
public final class TrainedClassifier implements Classifier {

    private final IntentModel model;
    private final LanguageIdentifier languages;
    private final ReviewPolicy review;

    public TrainedClassifier(IntentModel model, LanguageIdentifier languages, ReviewPolicy review) {
        this.model = model;
        this.languages = languages;
        this.review = review;
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
        Prediction prediction = model.predict(text);
        String language = languages.identify(text);
        if (LanguageIdentifier.UNDETERMINED.equals(language)
                && mention.lang() != null
                && !mention.lang().isBlank()) {
            language = mention.lang();
        }
        return new ClassifiedMention(
                mention,
                prediction.intents(),
                prediction.primaryIntent(),
                new Sentiment(prediction.sentiment(), Math.round(prediction.sentimentScore() * 10000) / 10000.0),
                language,
                model.version(),
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
