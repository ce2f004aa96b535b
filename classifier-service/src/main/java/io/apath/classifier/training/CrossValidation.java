package io.apath.classifier.training;

import io.apath.classifier.model.IntentModel;
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

    public Evaluation run(List<Example> examples, IntConsumer onFoldDone) {
        SparseFeatures[] features = training.extract(examples);
        int[] all = IntStream.range(0, examples.size()).toArray();
        int[] assignment = ModelTraining.Folds.assign(examples, all, folds, OUTER_SALT);
        Evaluation evaluation = new Evaluation();
        for (int fold = 0; fold < folds; fold++) {
            int[] train = ModelTraining.Folds.rowsNotIn(all, assignment, fold);
            int[] test = ModelTraining.Folds.rowsIn(all, assignment, fold);
            IntentModel model = training.fit(examples, features, train).model();
            float complaintThreshold = model.calibration().thresholds()[Intent.COMPLAINT.ordinal()];
            for (int row : test) {
                evaluation.add(examples.get(row), model.predict(features[row]), complaintThreshold);
            }
            onFoldDone.accept(fold);
        }
        return evaluation;
    }
}
