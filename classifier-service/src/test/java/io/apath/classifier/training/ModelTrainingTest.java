package io.apath.classifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apath.classifier.model.IntentModel;
import io.apath.contracts.Intent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ModelTrainingTest {

    private final List<Example> examples = Corpora.readDirectory(TrainingData.directory(), List.of());

    @Test
    void sameDataAndSeedGiveTheSameModelFileByteForByte() {
        ModelTraining.Trained first = new ModelTraining(TrainingData.small(42)).fit(examples);
        ModelTraining.Trained second = new ModelTraining(TrainingData.small(42)).fit(examples);

        assertThat(second.file()).isEqualTo(first.file());
        assertThat(second.model().version()).isEqualTo(first.model().version());
    }

    @Test
    void fewerThanOneSgdRunToAverageIsRefusedWithTheSettingsName() {
        Trainer.Settings d = Trainer.Settings.defaults();
        assertThatThrownBy(() -> new Trainer.Settings(
                        d.bits(),
                        d.minChar(),
                        d.maxChar(),
                        d.epochs(),
                        d.learningRate(),
                        d.l2(),
                        d.sentimentL2(),
                        0,
                        d.seed()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bags");
    }

    @Test
    void anotherSeedGivesAnotherModelVersion() {
        String a =
                new ModelTraining(TrainingData.small(1)).fit(examples).model().version();
        String b =
                new ModelTraining(TrainingData.small(2)).fit(examples).model().version();

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void trainedHeadsFitTheirTrainingLabelsFarBetterThanChance() {
        IntentModel model =
                new ModelTraining(TrainingData.small(42)).fit(examples).model();
        Evaluation fit = new Evaluation();
        fit.addAll(examples, model);

        // training-set fit, a sanity check of the heads (held-out quality is measured by `evaluate`, not here)
        assertThat(fit.primaryAccuracy()).isGreaterThan(0.6);
        assertThat(fit.complaintAccuracy()).isGreaterThan(0.7);
        assertThat(fit.sentimentMacroRecall(Example.Source.SEMEVAL)).isGreaterThan(0.5);
    }

    @Test
    void duplicateTextsAlwaysShareAFoldWhateverTheirFile() {
        int k = 5;
        int a = ModelTraining.Folds.foldOf("@united Lost my bag AGAIN http://t.co/1", k, CrossValidation.OUTER_SALT);
        int b = ModelTraining.Folds.foldOf("@delta lost my bag again https://t.co/2", k, CrossValidation.OUTER_SALT);

        assertThat(a).isEqualTo(b);
    }

    @Test
    void correctionsTrainWithMoreWeightThanHandLabels() {
        Example correction = Corpora.readIntents(
                        TrainingData.directory().resolve("intents-train.jsonl"), Example.Source.CORRECTIONS)
                .get(0);

        assertThat(correction.intentWeights()[Intent.COMPLAINT.ordinal()]).isEqualTo(Corpora.CORRECTION);
        assertThat(correction.hasGoldIntents()).isTrue();
    }

    @Test
    void brandAccountsAreLearntFromTheTrainingRowsOfPostsToBrandsOnly() {
        List<Example> posts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            posts.add(Example.unlabelled("c" + i, Example.Source.COMPLAINTS, "@AcmeHelp my order " + i));
            posts.add(Example.unlabelled("s" + i, Example.Source.SEMEVAL, "@popstar your song " + i));
        }
        int[] all = IntStream.range(0, posts.size()).toArray();

        assertThat(ModelTraining.brandAccounts(posts, all).handles()).containsExactly("acmehelp");
        // two of acme's three posts: a held-out post does not make its addressee a brand
        assertThat(ModelTraining.brandAccounts(posts, new int[] {0, 1, 2, 3}).isEmpty())
                .isTrue();
    }
}
