package io.apath.classifier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apath.classifier.Mentions;
import io.apath.classifier.cli.ClassifierCli;
import io.apath.classifier.encoder.BgeSmallEncoder;
import io.apath.classifier.model.IntentModel;
import io.apath.classifier.model.SecondOpinion;
import io.apath.classifier.model.SentenceEncoder;
import io.apath.classifier.model.StackedHeads;
import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.Intent;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped second opinion beside the shipped model, with the real encoder. */
class SecondOpinionClassifierTest {

    private static IntentModel model;
    private static StackedHeads heads;
    private static BgeSmallEncoder encoder;

    @BeforeAll
    static void load() {
        model = IntentModel.fromClasspath(ClassifierCli.SHIPPED_MODEL);
        heads = StackedHeads.fromClasspath(ClassifierCli.SHIPPED_SECOND_OPINION);
        encoder = new BgeSmallEncoder(1);
    }

    @AfterAll
    static void stop() {
        encoder.close();
    }

    private static TrainedClassifier classifier(double belowConfidence, double withinMargin) {
        return new TrainedClassifier(
                model,
                new LanguageIdentifier(List.of("en", "es", "fr", "de"), 0.8),
                ReviewPolicy.defaults(),
                new SecondOpinion(heads, encoder, belowConfidence, withinMargin));
    }

    private static ClassifiedMention classify(TrainedClassifier classifier, String text) {
        return classifier.classify(Mentions.post("acme", "alice", "n-" + text.hashCode(), text));
    }

    @Test
    void theShippedHeadsWereTrainedBesideTheShippedModel() {
        assertThat(heads.baseModelVersion()).isEqualTo(model.version());
        assertThat(heads.encoder()).isEqualTo(encoder.name());
    }

    @Test
    void aPostItReconsidersNamesBothModelsAndAConfidentOneOnlyTheNgramModel() {
        String text = "@acme 3 hours on hold and my refund still has not arrived, worst service ever";

        ClassifiedMention asked = classify(classifier(1.01, 0), text);
        ClassifiedMention notAsked = classify(classifier(0, 0), text);

        assertThat(asked.modelVersion()).isEqualTo(model.version() + "+" + heads.version());
        assertThat(asked.primaryIntent()).isEqualTo(Intent.COMPLAINT);
        assertThat(asked.intents()).containsOnlyKeys(Intent.values());
        assertThat(asked.sentiment()).isEqualTo(notAsked.sentiment());
        assertThat(notAsked.modelVersion()).isEqualTo(model.version());
    }

    @Test
    void aForeignPostKeepsItsNgramLabelsAndGoesToReview() {
        ClassifiedMention c = classify(
                classifier(1.01, 0), "Mi vuelo lleva tres horas de retraso y nadie de la aerolínea nos da información");

        assertThat(c.language()).isEqualTo("es");
        assertThat(c.modelVersion()).isEqualTo(model.version());
        assertThat(c.needsReview()).isTrue();
    }

    @Test
    void headsOfAnotherEncoderAreRefused() {
        SentenceEncoder other = new SentenceEncoder() {
            @Override
            public String name() {
                return "some-other-encoder";
            }

            @Override
            public int dimension() {
                return 384;
            }

            @Override
            public float[] embed(String text) {
                return new float[384];
            }
        };

        assertThatThrownBy(() -> new SecondOpinion(heads, other, 0.6, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("some-other-encoder");
    }
}
