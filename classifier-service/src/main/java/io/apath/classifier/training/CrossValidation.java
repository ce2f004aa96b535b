package io.apath.classifier.training;

import io.apath.classifier.model.IntentModel;
import io.apath.classifier.model.Prediction;
import io.apath.classifier.model.SecondOpinion;
import io.apath.classifier.model.SparseFeatures;
import io.apath.contracts.Intent;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * K-fold cross-validation of the full training recipe. Folds are assigned by normalised text over ALL files at once,
 * so a post that appears in two corpora is held out of both: no held-out text is ever trained on, not even through a
 * neighbouring corpus. Each fold runs the complete {@link ModelTraining#fit} (inner calibration folds included) on the
 * other folds, and the shipped, quantised model form predicts the held-out fold.
 */
public final class CrossValidation {

    static final long OUTER_SALT = 0x2545f4914f6cdd1dL;

    private final ModelTraining training;
    private final int folds;

    public CrossValidation(ModelTraining training, int folds) {
        this.training = training;
        this.folds = folds;
    }

    /**
     * How the second opinion joins a cross-validation: its heads are trained inside each fold on that fold's training
     * rows, and it reconsiders the held-out posts its routing picks.
     */
    public record SecondOpinionSetup(Embeddings embeddings, double belowConfidence, double withinMargin) {}

    public Evaluation run(List<Example> examples, IntConsumer onFoldDone) {
        return run(examples, onFoldDone, null);
    }

    /** As {@link #run(List, IntConsumer)}, with the second opinion when {@code secondOpinion} is not null. */
    public Evaluation run(List<Example> examples, IntConsumer onFoldDone, SecondOpinionSetup secondOpinion) {
        int[] all = IntStream.range(0, examples.size()).toArray();
        int[] assignment = ModelTraining.Folds.assign(examples, all, folds, OUTER_SALT);
        if (secondOpinion != null) {
            secondOpinion
                    .embeddings()
                    .prefetch(examples.stream()
                            .filter(CrossValidation::judgesIntents)
                            .map(Example::text)
                            .toList());
        }
        Evaluation evaluation = new Evaluation();
        for (int fold = 0; fold < folds; fold++) {
            int[] train = ModelTraining.Folds.rowsNotIn(all, assignment, fold);
            int[] test = ModelTraining.Folds.rowsIn(all, assignment, fold);
            ModelTraining.Trained trained = training.fit(examples, train);
            IntentModel model = trained.model();
            SparseFeatures[] features = trained.features();
            float complaintThreshold = model.calibration().thresholds()[Intent.COMPLAINT.ordinal()];
            SecondOpinion opinion = secondOpinion == null
                    ? null
                    : new SecondOpinion(
                            SecondOpinionTraining.fit(examples, features, trained, train, secondOpinion.embeddings())
                                    .heads(),
                            secondOpinion.embeddings(),
                            secondOpinion.belowConfidence(),
                            secondOpinion.withinMargin());
            for (int row : test) {
                Example example = examples.get(row);
                Prediction prediction = model.predict(features[row]);
                if (opinion != null && judgesIntents(example) && opinion.wants(prediction)) {
                    evaluation.addReconsidered(
                            example,
                            opinion.reconsider(example.text(), prediction),
                            opinion.heads().threshold(Intent.COMPLAINT));
                } else {
                    evaluation.add(example, prediction, complaintThreshold);
                }
            }
            onFoldDone.accept(fold);
        }
        return evaluation;
    }

    /** Posts whose intent labels are scored (the intents file, corrections, the complaints corpus). */
    private static boolean judgesIntents(Example e) {
        return e.hasGoldIntents() || e.source() == Example.Source.COMPLAINTS;
    }
}
