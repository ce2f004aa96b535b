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
        System.arraycopy(bias, 0, out, 0, heads);
        float scale = features.scale();
        int[] indices = features.indices();
        float[] w = weights;
        int h = heads;
        float[] sums = new float[h];
        for (int index : indices) {
            int base = index * h;
            for (int k = 0; k < h; k++) {
                sums[k] += w[base + k];
            }
        }
        for (int k = 0; k < h; k++) {
            out[k] += sums[k] * scale;
        }
    }

    /** Direct access for the trainer; the model never changes after training. */
    public float[] weights() {
        return weights;
    }

    public float[] bias() {
        return bias;
    }
}
