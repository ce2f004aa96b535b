package io.apath.classifier.training;

import io.apath.classifier.model.IntentModel;
import io.apath.classifier.model.LinearHeads;
import io.apath.classifier.model.SparseFeatures;
import java.util.List;
import java.util.Random;

/**
 * Fits all heads at once by AdaGrad SGD on log loss with L2: one logistic loss per known intent target, one softmax
 * loss for sentiment. Positive intent examples get {@code sqrt(negatives / positives)} weight (capped), sentiment
 * classes {@code sqrt(balanced)} weight, so the rare labels are not drowned; calibration later undoes the bias this
 * puts into the raw scores. Single-threaded with seeded shuffles: same examples and seed give identical weights.
 */
public final class Trainer {

    /** Hyper-parameters; {@link #defaults()} are what the shipped model used. */
    public record Settings(
            int bits,
            int minChar,
            int maxChar,
            int epochs,
            float learningRate,
            float l2,
            float sentimentL2,
            int bags,
            long seed) {

        public Settings {
            if (bags < 1) {
                throw new IllegalArgumentException("bags (SGD runs to average) must be at least 1, was " + bags);
            }
        }

        /**
         * {@code l2} regularises the intent heads (few, noisy labels), {@code sentimentL2} the sentiment head;
         * {@code bags} runs of SGD with different shuffles are averaged into one set of weights.
         */
        public static Settings defaults() {
            return new Settings(18, 3, 5, 5, 0.2f, INTENT_L2, 1e-6f, BAGS, 20261122L);
        }
    }

    /**
     * SGD runs averaged per model, chosen by cross-validation (BENCHMARKS.md, 2026-12-02): averaging two runs that
     * differ only in their shuffle order gave intent macro-F1 0.591 / 0.586 against 0.582 / 0.578 for one (two seeds),
     * complaint and SemEval unchanged; four gave no more than two. Linear heads average into one linear head, so
     * prediction costs the same.
     */
    static final int BAGS = 2;

    /**
     * L2 of the intent heads, chosen by cross-validation: 1e-6 (the sentiment head's) let them memorise their ~1,600
     * hand labels; 3e-4, 1e-3, 3e-3 and 1e-2 gave intent macro-F1 0.567, 0.573, 0.575, 0.560 (without SemEval, see
     * BENCHMARKS.md), and 1e-3 the best complaint macro-F1.
     */
    static final float INTENT_L2 = 1e-3f;

    private final Settings settings;

    public Trainer(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Trains on the examples at {@code rows} (indices into {@code examples}/{@code features}): the average of
     * {@code bags} runs, run {@code b} shuffling with seed {@code seed + 7919 b}.
     */
    public LinearHeads train(List<Example> examples, SparseFeatures[] features, int[] rows) {
        LinearHeads sum = trainOnce(examples, features, rows, settings.seed());
        for (int b = 1; b < settings.bags(); b++) {
            LinearHeads run = trainOnce(examples, features, rows, settings.seed() + 7919L * b);
            addInto(sum.weights(), run.weights());
            addInto(sum.bias(), run.bias());
        }
        scale(sum.weights(), 1f / settings.bags());
        scale(sum.bias(), 1f / settings.bags());
        return sum;
    }

    private static void addInto(float[] into, float[] values) {
        for (int i = 0; i < into.length; i++) {
            into[i] += values[i];
        }
    }

    private static void scale(float[] values, float factor) {
        for (int i = 0; i < values.length; i++) {
            values[i] *= factor;
        }
    }

    private LinearHeads trainOnce(List<Example> examples, SparseFeatures[] features, int[] rows, long seed) {
        int heads = IntentModel.HEADS;
        int intents = IntentModel.INTENTS;
        LinearHeads model = new LinearHeads(1 << settings.bits(), heads);
        float[] w = model.weights();
        float[] bias = model.bias();
        float[] g2 = new float[w.length];
        float[] biasG2 = new float[heads];
        float[] positiveWeight = positiveWeights(examples, rows);
        float[] sentimentWeight = sentimentWeights(examples, rows);

        int[] order = rows.clone();
        Random random = new Random(seed);
        float[] raw = new float[heads];
        float[] grad = new float[heads];
        float lr = settings.learningRate();
        float[] l2 = new float[heads];
        for (int h = 0; h < heads; h++) {
            l2[h] = h < intents ? settings.l2() : settings.sentimentL2();
        }
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, random);
            for (int row : order) {
                Example e = examples.get(row);
                SparseFeatures x = features[row];
                model.scores(x, raw);
                boolean any = false;
                for (int h = 0; h < intents; h++) {
                    byte target = e.intentTargets()[h];
                    if (target < 0) {
                        grad[h] = 0;
                        continue;
                    }
                    float p = (float) (1.0 / (1.0 + Math.exp(-raw[h])));
                    float weight = e.intentWeights()[h] * (target == 1 ? positiveWeight[h] : 1f);
                    grad[h] = (p - target) * weight;
                    any = true;
                }
                if (e.hasSentiment()) {
                    float max = Math.max(raw[intents], Math.max(raw[intents + 1], raw[intents + 2]));
                    float sum = 0;
                    for (int k = 0; k < IntentModel.SENTIMENTS; k++) {
                        grad[intents + k] = (float) Math.exp(raw[intents + k] - max);
                        sum += grad[intents + k];
                    }
                    float weight = e.sentimentWeight() * sentimentWeight[e.sentiment()];
                    for (int k = 0; k < IntentModel.SENTIMENTS; k++) {
                        float p = grad[intents + k] / sum;
                        grad[intents + k] = (p - (k == e.sentiment() ? 1f : 0f)) * weight;
                    }
                    any = true;
                } else {
                    for (int k = 0; k < IntentModel.SENTIMENTS; k++) {
                        grad[intents + k] = 0;
                    }
                }
                if (!any) {
                    continue;
                }
                float scale = x.scale();
                for (int index : x.indices()) {
                    int base = index * heads;
                    for (int h = 0; h < heads; h++) {
                        float g = grad[h];
                        if (g == 0) {
                            continue;
                        }
                        int j = base + h;
                        float gj = g * scale + l2[h] * w[j];
                        g2[j] += gj * gj;
                        w[j] -= lr * gj / (float) Math.sqrt(g2[j] + 1e-8f);
                    }
                }
                for (int h = 0; h < heads; h++) {
                    float g = grad[h];
                    if (g != 0) {
                        biasG2[h] += g * g;
                        bias[h] -= lr * g / (float) Math.sqrt(biasG2[h] + 1e-8f);
                    }
                }
            }
        }
        return model;
    }

    private static float[] positiveWeights(List<Example> examples, int[] rows) {
        int intents = IntentModel.INTENTS;
        double[] pos = new double[intents];
        double[] neg = new double[intents];
        for (int row : rows) {
            Example e = examples.get(row);
            for (int h = 0; h < intents; h++) {
                byte t = e.intentTargets()[h];
                if (t == 1) {
                    pos[h] += e.intentWeights()[h];
                } else if (t == 0) {
                    neg[h] += e.intentWeights()[h];
                }
            }
        }
        float[] out = new float[intents];
        for (int h = 0; h < intents; h++) {
            out[h] = pos[h] == 0 ? 1f : (float) Math.min(5.0, Math.max(1.0, Math.sqrt(neg[h] / pos[h])));
        }
        return out;
    }

    private static float[] sentimentWeights(List<Example> examples, int[] rows) {
        int k = IntentModel.SENTIMENTS;
        double[] count = new double[k];
        double total = 0;
        for (int row : rows) {
            Example e = examples.get(row);
            if (e.hasSentiment()) {
                count[e.sentiment()] += e.sentimentWeight();
                total += e.sentimentWeight();
            }
        }
        float[] out = new float[k];
        for (int c = 0; c < k; c++) {
            out[c] = count[c] == 0 ? 1f : (float) Math.sqrt(total / (k * count[c]));
        }
        return out;
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
