package io.apath.classifier.training;

import io.apath.classifier.model.IntentModel;
import io.apath.classifier.model.SparseFeatures;
import io.apath.classifier.model.StackedHeads;
import io.apath.contracts.Intent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Fits the second opinion's {@link StackedHeads}: inputs are each post's embedding and the n-gram model's
 * <em>out-of-fold</em> intent probabilities (from heads that never saw the post, so the stacker learns how far to trust
 * the n-gram scores on unseen text). Each head learns from the rows the calibration layer learns that intent from:
 * the hand-labelled posts (intents file, corrections) for every intent, and the complaints corpus for COMPLAINT too.
 *
 * <p>Recipe, as cross-validated (classifier-service/BENCHMARKS.md, "the second opinion, built"): inputs standardised,
 * one ridge logistic regression per intent with L2 {@link #L2} on the mean log loss and no class weights, per-intent
 * thresholds from {@link #THRESHOLD_FOLDS}-fold out-of-fold probabilities (the calibration layer's search: the label's
 * F1, two-class macro-F1 for COMPLAINT), then a final fit on all rows. Deterministic for the same rows and embeddings.
 */
public final class SecondOpinionTraining {

    /**
     * Mean-loss L2. Chosen in the experiment by inner cross-validation on the training folds from {1e-3, 1e-2, 1e-1,
     * 1}: 0.1 won in all five outer folds (the class-weighted and unweighted variants split 2:3 and scored alike).
     */
    public static final double L2 = 0.1;

    public static final int THRESHOLD_FOLDS = 4;
    static final long THRESHOLD_SALT = 0x632be59bd9b4e019L;

    private SecondOpinionTraining() {}

    /** Heads and their file bytes. */
    public record Fitted(StackedHeads heads, byte[] file, int rows) {}

    /** Fits on the teaching rows among {@code rows} that have out-of-fold n-gram scores in {@code ngram}. */
    public static Fitted fit(
            List<Example> examples,
            SparseFeatures[] features,
            ModelTraining.Trained ngram,
            int[] rows,
            Embeddings embeddings) {
        int[] labelled = Arrays.stream(rows)
                .filter(r -> teaches(examples.get(r)) && ngram.outOfFoldScores()[r] != null)
                .toArray();
        if (labelled.length == 0) {
            throw new IllegalArgumentException(
                    "the second opinion needs labelled posts (intents, corrections or complaints)");
        }
        embeddings.prefetch(
                Arrays.stream(labelled).mapToObj(r -> examples.get(r).text()).toList());
        double[][] inputs = new double[examples.size()][];
        for (int row : labelled) {
            inputs[row] = StackedHeads.input(
                    embeddings.of(examples.get(row).text()), ngram.outOfFoldProbabilities(row, features[row]));
        }

        int[] folds = ModelTraining.Folds.assign(examples, labelled, THRESHOLD_FOLDS, THRESHOLD_SALT);
        double[][] outOfFold = new double[examples.size()][];
        for (int fold = 0; fold < THRESHOLD_FOLDS; fold++) {
            int[] train = ModelTraining.Folds.rowsNotIn(labelled, folds, fold);
            int[] heldOut = ModelTraining.Folds.rowsIn(labelled, folds, fold);
            StackedHeads heads = fitHeads(examples, inputs, train, new float[IntentModel.INTENTS], "", "");
            for (int row : heldOut) {
                outOfFold[row] = heads.probabilities(inputs[row]);
            }
        }
        float[] thresholds = new float[IntentModel.INTENTS];
        for (Intent intent : Intent.values()) {
            thresholds[intent.ordinal()] = bestThreshold(examples, outOfFold, labelled, intent);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StackedHeads heads = fitHeads(
                examples,
                inputs,
                labelled,
                thresholds,
                embeddings.name(),
                ngram.model().version(),
                out);
        return new Fitted(heads, out.toByteArray(), labelled.length);
    }

    /**
     * Hand-labelled posts and corrections teach every head; the complaints corpus (gold for COMPLAINT only) the
     * COMPLAINT head. Extra labels do not: these heads have no example weights, and their thresholds are fitted on the
     * rows they learn from, which should be the labels the figures are measured on.
     */
    private static boolean teaches(Example e) {
        return (e.hasGoldIntents() && e.source() != Example.Source.EXTRA_LABELS)
                || (e.source() == Example.Source.COMPLAINTS && knowsGold(e, Intent.COMPLAINT));
    }

    /** The rows the calibration layer also learns an intent from: it is known, with a hand label's weight. */
    private static boolean knowsGold(Example e, Intent intent) {
        return e.knows(intent) && e.intentWeights()[intent.ordinal()] >= Corpora.GOLD;
    }

    private static StackedHeads fitHeads(
            List<Example> examples, double[][] inputs, int[] rows, float[] thresholds, String encoder, String base) {
        return fitHeads(examples, inputs, rows, thresholds, encoder, base, new ByteArrayOutputStream());
    }

    private static StackedHeads fitHeads(
            List<Example> examples,
            double[][] inputs,
            int[] rows,
            float[] thresholds,
            String encoder,
            String base,
            ByteArrayOutputStream out) {
        int d = inputs[rows[0]].length;
        float[] mean = new float[d];
        float[] spread = new float[d];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (int row : rows) {
                sum += inputs[row][j];
            }
            double mu = sum / rows.length;
            double squares = 0;
            for (int row : rows) {
                squares += (inputs[row][j] - mu) * (inputs[row][j] - mu);
            }
            mean[j] = (float) mu;
            spread[j] = (float) (Math.sqrt(squares / rows.length) + 1e-6);
        }
        double[][] standardised = new double[examples.size()][];
        for (int row : rows) {
            double[] z = new double[d + 1];
            for (int j = 0; j < d; j++) {
                z[j] = (inputs[row][j] - mean[j]) / spread[j];
            }
            z[d] = 1;
            standardised[row] = z;
        }
        double[][] beta = IntStream.range(0, IntentModel.INTENTS)
                .parallel()
                .mapToObj(h -> {
                    Intent intent = Intent.values()[h];
                    int[] known = Arrays.stream(rows)
                            .filter(r -> knowsGold(examples.get(r), intent))
                            .toArray();
                    List<double[]> z =
                            Arrays.stream(known).mapToObj(r -> standardised[r]).toList();
                    List<Boolean> targets = Arrays.stream(known)
                            .mapToObj(r -> examples.get(r).is(intent))
                            .toList();
                    return RidgeLogistic.fit(z, targets, L2 * known.length, new double[d + 1]);
                })
                .toArray(double[][]::new);
        float[] weights = new float[IntentModel.INTENTS * d];
        float[] bias = new float[IntentModel.INTENTS];
        for (int h = 0; h < IntentModel.INTENTS; h++) {
            for (int j = 0; j < d; j++) {
                weights[h * d + j] = (float) beta[h][j];
            }
            bias[h] = (float) beta[h][d];
        }
        try {
            return StackedHeads.write(encoder, base, mean, spread, weights, bias, thresholds, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The threshold (0.05..0.95) with the best F1 of the label over the out-of-fold probabilities. */
    private static float bestThreshold(List<Example> examples, double[][] outOfFold, int[] rows, Intent intent) {
        List<float[]> pairs = new ArrayList<>(rows.length);
        for (int row : rows) {
            if (!knowsGold(examples.get(row), intent)) {
                continue;
            }
            double p = Math.min(1 - 1e-7, Math.max(1e-7, outOfFold[row][intent.ordinal()]));
            pairs.add(new float[] {
                (float) Math.log(p / (1 - p)), examples.get(row).is(intent) ? 1f : 0f
            });
        }
        // as in the calibration layer: COMPLAINT is also a yes/no decision of its own, judged by two-class macro-F1
        return Calibrator.bestThreshold(pairs, new float[] {1f, 0f}, intent == Intent.COMPLAINT);
    }
}
