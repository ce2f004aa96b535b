package io.apath.classifier.model;

/**
 * Weights of several linear heads over one hashed feature space, laid out feature-major ({@code w[index * heads +
 * head]}) so one feature's weights for every head sit in one cache line.
 */
public final class LinearHeads {

    private final int heads;
    private final float[] weights;
    private final float[] bias;

    public LinearHeads(int dimension, int heads) {
        this(heads, new float[dimension * heads], new float[heads]);
    }

    LinearHeads(int heads, float[] weights, float[] bias) {
        this.heads = heads;
        this.weights = weights;
        this.bias = bias;
    }

    public int heads() {
        return heads;
    }

    public int dimension() {
        return weights.length / heads;
    }

    /** Raw scores (logits) of every head for one feature vector, written into {@code out}. */
    public void scores(SparseFeatures features, float[] out) {
        int h = heads;
        float[] sums = new float[h];
        accumulate(weights, h, features.indices(), 0, features.indices().length, sums);
        float scale = features.scale();
        for (int k = 0; k < h; k++) {
            out[k] = bias[k] + sums[k] * scale;
        }
    }

    private static void accumulate(float[] w, int h, int[] indices, int from, int to, float[] sums) {
        if (h == 12) {
            accumulate12(w, indices, from, to, sums);
            return;
        }
        for (int i = from; i < to; i++) {
            int base = indices[i] * h;
            for (int k = 0; k < h; k++) {
                sums[k] += w[base + k];
            }
        }
    }

    /** The shipped model's 12 heads, summed in registers rather than through the array. */
    private static void accumulate12(float[] w, int[] indices, int from, int to, float[] sums) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0;
        float s6 = 0, s7 = 0, s8 = 0, s9 = 0, s10 = 0, s11 = 0;
        for (int i = from; i < to; i++) {
            int b = indices[i] * 12;
            s0 += w[b + 0];
            s1 += w[b + 1];
            s2 += w[b + 2];
            s3 += w[b + 3];
            s4 += w[b + 4];
            s5 += w[b + 5];
            s6 += w[b + 6];
            s7 += w[b + 7];
            s8 += w[b + 8];
            s9 += w[b + 9];
            s10 += w[b + 10];
            s11 += w[b + 11];
        }
        sums[0] += s0;
        sums[1] += s1;
        sums[2] += s2;
        sums[3] += s3;
        sums[4] += s4;
        sums[5] += s5;
        sums[6] += s6;
        sums[7] += s7;
        sums[8] += s8;
        sums[9] += s9;
        sums[10] += s10;
        sums[11] += s11;
    }

    /** Direct access for the trainer; the model never changes after training. */
    public float[] weights() {
        return weights;
    }

    public float[] bias() {
        return bias;
    }
}
