package io.apath.classifier.training;

import io.apath.classifier.model.IntentModel;
import io.apath.classifier.model.IntentModel.Calibration;
import io.apath.classifier.model.SparseFeatures;
import io.apath.contracts.Intent;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits the calibration layer on out-of-fold raw scores: per intent a ridge logistic regression over all head scores
 * and cue bits (a generalised Platt scaling, so probabilities of different heads are comparable and the primary intent
 * is a fair argmax), the threshold per intent that maximises F1 for the secondary label, and sentiment offsets that
 * maximise macro-recall (the SemEval measure).
 */
final class Calibrator {

    private Calibrator() {}

    static final double RIDGE = 1.0;

    static Calibration fit(List<Example> examples, float[][] oof, SparseFeatures[] features) {
        int intents = IntentModel.INTENTS;
        int width = IntentModel.STACK_WIDTH;
        float[] stack = new float[intents * width];
        float[] thresholds = new float[intents];
        for (Intent intent : Intent.values()) {
            int h = intent.ordinal();
            List<double[]> inputs = new ArrayList<>();
            List<Boolean> targets = new ArrayList<>();
            for (int row = 0; row < examples.size(); row++) {
                Example e = examples.get(row);
                if (oof[row] != null && e.knows(intent) && e.intentWeights()[h] >= Corpora.GOLD) {
                    inputs.add(IntentModel.stackInput(oof[row], features[row].cues()));
                    targets.add(e.is(intent));
                }
            }
            double[] beta = logistic(inputs, targets, h);
            for (int j = 0; j < width; j++) {
                stack[h * width + j] = (float) beta[j];
            }
            List<float[]> pairs = new ArrayList<>();
            for (int k = 0; k < inputs.size(); k++) {
                pairs.add(new float[] {(float) dot(beta, inputs.get(k)), targets.get(k) ? 1f : 0f});
            }
            // COMPLAINT is also a binary decision of its own (complaint or not, judged by macro-F1 over both
            // classes); the other intents only decide whether they are a secondary label (F1 of the label)
            thresholds[h] = bestThreshold(pairs, new float[] {1f, 0f}, intent == Intent.COMPLAINT);
        }
        float[] offsets = sentimentOffsets(examples, oof);
        return new Calibration(stack, thresholds, offsets);
    }

    /**
     * Ridge logistic regression over the stack inputs (bias last, not penalised). Without both classes it falls back
     * to the head's own score, which is what Platt scaling with a = 1, b = 0 would give.
     */
    static double[] logistic(List<double[]> inputs, List<Boolean> targets, int ownHead) {
        double[] start = new double[IntentModel.STACK_WIDTH];
        start[ownHead] = 1;
        return RidgeLogistic.fit(inputs, targets, RIDGE, start);
    }

    static double dot(double[] a, double[] b) {
        return RidgeLogistic.dot(a, b);
    }

    static float bestThreshold(List<float[]> pairs, float[] platt) {
        return bestThreshold(pairs, platt, false);
    }

    static float bestThreshold(List<float[]> pairs, float[] platt, boolean macro) {
        float best = 0.5f;
        double bestF1 = -1;
        for (int step = 5; step <= 95; step++) {
            float threshold = step / 100f;
            int tp = 0, fp = 0, fn = 0;
            for (float[] p : pairs) {
                double q = 1 / (1 + Math.exp(-(platt[0] * p[0] + platt[1])));
                boolean predicted = q >= threshold;
                boolean actual = p[1] > 0;
                if (predicted && actual) {
                    tp++;
                } else if (predicted) {
                    fp++;
                } else if (actual) {
                    fn++;
                }
            }
            double f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
            if (macro) {
                int tn = pairs.size() - tp - fp - fn;
                f1 = (f1 + (tn == 0 ? 0 : 2.0 * tn / (2.0 * tn + fp + fn))) / 2;
            }
            if (f1 > bestF1 + 1e-9) {
                bestF1 = f1;
                best = threshold;
            }
        }
        return best;
    }

    /** Coordinate search of additive logit offsets for NEGATIVE and POSITIVE (NEUTRAL stays 0). */
    static float[] sentimentOffsets(List<Example> examples, float[][] oof) {
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < examples.size(); row++) {
            Example e = examples.get(row);
            if (oof[row] != null && e.hasSentiment() && e.sentimentWeight() >= Corpora.GOLD) {
                rows.add(row);
            }
        }
        float[] offsets = new float[IntentModel.SENTIMENTS];
        if (rows.isEmpty()) {
            return offsets;
        }
        double best = macroRecall(examples, oof, rows, offsets);
        for (int round = 0; round < 3; round++) {
            for (int k : new int[] {0, 2}) {
                float bestValue = offsets[k];
                for (int step = -20; step <= 20; step++) {
                    offsets[k] = step / 10f;
                    double r = macroRecall(examples, oof, rows, offsets);
                    if (r > best + 1e-9) {
                        best = r;
                        bestValue = offsets[k];
                    }
                }
                offsets[k] = bestValue;
            }
        }
        return offsets;
    }

    private static double macroRecall(List<Example> examples, float[][] oof, List<Integer> rows, float[] offsets) {
        int k = IntentModel.SENTIMENTS;
        int base = IntentModel.INTENTS;
        int[] hit = new int[k];
        int[] total = new int[k];
        for (int row : rows) {
            float[] raw = oof[row];
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (raw[base + c] + offsets[c] > raw[base + best] + offsets[best]) {
                    best = c;
                }
            }
            int gold = examples.get(row).sentiment();
            total[gold]++;
            if (best == gold) {
                hit[gold]++;
            }
        }
        double sum = 0;
        int classes = 0;
        for (int c = 0; c < k; c++) {
            if (total[c] > 0) {
                sum += (double) hit[c] / total[c];
                classes++;
            }
        }
        return sum / classes;
    }
}
