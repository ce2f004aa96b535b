package io.apath.classifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.apath.classifier.Mentions;
import io.apath.classifier.cli.ClassifierCli;
import io.apath.classifier.model.BrandAccounts;
import io.apath.classifier.model.IntentModel;
import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.Intent;
import io.apath.contracts.SentimentLabel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped model behind the production classifier, on clear-cut posts. */
class TrainedClassifierTest {

    private static IntentModel model;
    private static TrainedClassifier classifier;
    /** Tenant acme configured its account {@code @AcmeAir}; globex configured none. */
    private static TrainedClassifier withAcmeAccounts;

    @BeforeAll
    static void load() {
        model = IntentModel.fromClasspath(ClassifierCli.SHIPPED_MODEL);
        classifier = new TrainedClassifier(
                model,
                new LanguageIdentifier(List.of("en", "es", "fr", "de"), 0.8),
                new ReviewPolicy(0.5, 0.1, Set.of("en")));
        withAcmeAccounts = new TrainedClassifier(
                model,
                new LanguageIdentifier(List.of("en", "es", "fr", "de"), 0.8),
                new ReviewPolicy(0.5, 0.1, Set.of("en")),
                null,
                Map.of("acme", BrandAccounts.of(List.of("@AcmeAir"))));
    }

    private static ClassifiedMention classify(String text) {
        return classifier.classify(Mentions.post("acme", "alice", "n-" + text.hashCode(), text));
    }

    @Test
    void aTenantsOwnAccountReadsAsABrandAccountInThatTenantsMentionsOnly() {
        // the account is not the handle the post opens with, which a tenant without accounts reads as a brand's
        String text = "@kim my flight with @AcmeAir was cancelled and nobody at the gate can tell me anything";

        ClassifiedMention acme = withAcmeAccounts.classify(Mentions.post("acme", "alice", "n-1", text));
        ClassifiedMention globex = withAcmeAccounts.classify(Mentions.post("globex", "alice", "n-1", text));
        ClassifiedMention unconfigured = classify(text);

        assertThat(globex.intents()).isEqualTo(unconfigured.intents());
        assertThat(acme.intents()).isNotEqualTo(unconfigured.intents());
        assertThat(acme.modelVersion()).isEqualTo(unconfigured.modelVersion());
    }

    @Test
    void withoutConfiguredAccountsTheHandleAPostOpensWithReadsAsTheBrandsAccount() {
        String text = "@AcmeAir my flight was cancelled and nobody at the gate can tell me anything";
        ClassifiedMention configured = withAcmeAccounts.classify(Mentions.post("acme", "alice", "n-1", text));
        ClassifiedMention unconfigured = classify(text);
        IntentModel asAPerson = model.withBrandAccounts(BrandAccounts.NONE);

        assertThat(unconfigured.intents()).isEqualTo(configured.intents());
        assertThat(unconfigured.primaryIntent()).isEqualTo(Intent.COMPLAINT);
        assertThat(unconfigured.intents().get(Intent.IRRELEVANT))
                .as("read as a reply to a person, the post leans IRRELEVANT")
                .isLessThan(asAPerson.predict(text).intentProbabilities()[Intent.IRRELEVANT.ordinal()]);
    }

    @Test
    void anAngryDelayIsAComplaintWithNegativeSentiment() {
        ClassifiedMention c =
                classify("@united 3 hours delayed and you lost my bag. worst airline ever, absolutely terrible");

        assertThat(c.primaryIntent()).isEqualTo(Intent.COMPLAINT);
        assertThat(c.sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(c.modelVersion()).isEqualTo(model.version()).startsWith("hashed-ngram-lr-1-");
        assertThat(c.language()).isEqualTo("en");
    }

    @Test
    void thanksForAGreatFlightIsPraiseWithPositiveSentiment() {
        ClassifiedMention c = classify("Thank you @JetBlue for a great flight, the crew was amazing! love you guys");

        assertThat(c.primaryIntent()).isEqualTo(Intent.PRAISE);
        assertThat(c.sentiment().label()).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void everyIntentGetsAProbability() {
        ClassifiedMention c = classify("any promo codes for the store this weekend?");

        assertThat(c.intents()).containsOnlyKeys(Intent.values());
        assertThat(c.intents().values()).allMatch(p -> p >= 0 && p <= 1);
        assertThat(c.confidence())
                .isEqualTo(
                        c.intents().values().stream().mapToDouble(d -> d).max().orElseThrow());
    }

    @Test
    void aPostInSpanishIsMarkedAndSentToReview() {
        ClassifiedMention c =
                classify("Mi vuelo lleva tres horas de retraso y nadie de la aerolínea nos da información");

        assertThat(c.language()).isEqualTo("es");
        assertThat(c.needsReview()).isTrue();
    }

    @Test
    void reviewIsNeededWhenTheTopTwoIntentsAreClose() {
        ReviewPolicy strict = new ReviewPolicy(0.0, 1.0, Set.of("en"));
        ReviewPolicy lenient = new ReviewPolicy(0.0, 0.0, Set.of("en"));
        var prediction = model.predict("thanks for nothing, still waiting for my refund");

        assertThat(strict.needsReview(prediction, "en")).isTrue();
        assertThat(lenient.needsReview(prediction, "en")).isFalse();
    }
}
