package io.apath.classifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.apath.classifier.encoder.BgeSmallEncoder;
import io.apath.classifier.model.IntentModel;
import io.apath.classifier.model.Prediction;
import io.apath.classifier.model.SparseFeatures;
import io.apath.classifier.model.StackedHeads;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The second opinion's heads trained on the small slice, with the real encoder. */
class SecondOpinionTrainingTest {

    private static BgeSmallEncoder encoder;
    private static List<Example> examples;
    private static SparseFeatures[] features;
    private static ModelTraining.Trained ngram;
    private static int[] all;

    @BeforeAll
    static void train() {
        encoder = new BgeSmallEncoder(1);
        examples = Corpora.readDirectory(TrainingData.directory(), List.of());
        ModelTraining training = new ModelTraining(TrainingData.small(42));
        all = IntStream.range(0, examples.size()).toArray();
        ngram = training.fit(examples, all);
        features = ngram.features();
    }

    @AfterAll
    static void stop() {
        encoder.close();
    }

    @Test
    void sameDataGiveTheSameHeadsFileByteForByteWhateverTheEncodingThreads() {
        SecondOpinionTraining.Fitted first =
                SecondOpinionTraining.fit(examples, features, ngram, all, new Embeddings(encoder, 1));
        SecondOpinionTraining.Fitted second =
                SecondOpinionTraining.fit(examples, features, ngram, all, new Embeddings(encoder, 2));

        assertThat(second.file()).isEqualTo(first.file());
        assertThat(second.heads().version()).isEqualTo(first.heads().version());
    }

    @Test
    void theHeadsNameTheirEncoderAndTheModelWhoseScoresTheyRead() {
        SecondOpinionTraining.Fitted fitted =
                SecondOpinionTraining.fit(examples, features, ngram, all, new Embeddings(encoder, 2));

        long handLabelled = examples.stream().filter(Example::hasGoldIntents).count();
        long complaints = examples.stream()
                .filter(e -> e.source() == Example.Source.COMPLAINTS)
                .count();
        assertThat(handLabelled).isPositive();
        assertThat(complaints).isPositive();
        assertThat(fitted.rows()).isEqualTo((int) (handLabelled + complaints));
        assertThat(fitted.heads().encoder()).isEqualTo(encoder.name());
        assertThat(fitted.heads().baseModelVersion()).isEqualTo(ngram.model().version());
        assertThat(fitted.heads().width()).isEqualTo(encoder.dimension() + IntentModel.INTENTS);
    }

    @Test
    void theHeadsFitTheirTrainingLabelsFarBetterThanChance() {
        Embeddings embeddings = new Embeddings(encoder, 2);
        StackedHeads heads = SecondOpinionTraining.fit(examples, features, ngram, all, embeddings)
                .heads();
        Evaluation fit = new Evaluation();
        for (int row : all) {
            Example e = examples.get(row);
            if (e.hasGoldIntents()) {
                Prediction p = ngram.model().predict(features[row]);
                fit.addReconsidered(
                        e,
                        heads.decide(embeddings.of(e.text()), p),
                        heads.threshold(io.apath.contracts.Intent.COMPLAINT));
            }
        }

        // a training-set sanity check of the stacked heads (nine intents: chance is far below); quality is `evaluate`'s
        assertThat(fit.primaryAccuracy()).isGreaterThan(0.6);
        assertThat(fit.report()).contains("decided by the second opinion");
    }
}
