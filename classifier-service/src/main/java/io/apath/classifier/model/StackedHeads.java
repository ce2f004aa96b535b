package io.apath.classifier.model;

import io.apath.contracts.Intent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The second opinion's heads: per intent, a logistic regression over a sentence embedding stacked with the n-gram
 * model's nine intent logits (both standardised with the training rows' mean and spread), and a threshold per intent.
 * They read the scores of one particular n-gram model, so they name its version and must only run beside it.
 * Sentiment stays the n-gram model's: its head learnt from 49,000 SemEval posts, these from the hand-labelled few.
 *
 * <p>Labels (the rule that was cross-validated): the primary intent is the one furthest above its own threshold in
 * logit terms; a second, non-exclusive label joins when it is over its threshold; INFORMATIONAL and IRRELEVANT stand
 * alone, as the labelling guideline says.
 *
 * <p>File format (gzip): magic, format, version, encoder name, base model version, widths, then float32 arrays. The
 * version ends in a hash of everything after it, as for {@link IntentModel}.
 */
public final class StackedHeads {

    public static final String VERSION_PREFIX = "bge-stack-1";
    private static final String MAGIC = "APATH-STACKED-HEADS";
    private static final int FORMAT = 1;
    private static final int INTENTS = IntentModel.INTENTS;
    private static final List<Intent> EXCLUSIVE = List.of(Intent.INFORMATIONAL, Intent.IRRELEVANT);
    private static final double CLIP = 1e-4;

    private final String version;
    private final String encoder;
    private final String baseModelVersion;
    private final float[] mean;
    private final float[] spread;
    private final float[] weights;
    private final float[] bias;
    private final float[] thresholds;

    public StackedHeads(
            String version,
            String encoder,
            String baseModelVersion,
            float[] mean,
            float[] spread,
            float[] weights,
            float[] bias,
            float[] thresholds) {
        if (spread.length != mean.length
                || weights.length != INTENTS * mean.length
                || bias.length != INTENTS
                || thresholds.length != INTENTS) {
            throw new IllegalArgumentException("stacked heads do not fit their input width " + mean.length);
        }
        this.version = version;
        this.encoder = encoder;
        this.baseModelVersion = baseModelVersion;
        this.mean = mean;
        this.spread = spread;
        this.weights = weights;
        this.bias = bias;
        this.thresholds = thresholds;
    }

    public String version() {
        return version;
    }

    public String encoder() {
        return encoder;
    }

    public String baseModelVersion() {
        return baseModelVersion;
    }

    /** Embedding width plus the nine n-gram logits. */
    public int width() {
        return mean.length;
    }

    public float threshold(Intent intent) {
        return thresholds[intent.ordinal()];
    }

    /** The heads' input before standardisation: the embedding, then the logit of each n-gram intent probability. */
    public static double[] input(float[] embedding, double[] ngramIntentProbabilities) {
        double[] x = new double[embedding.length + INTENTS];
        for (int i = 0; i < embedding.length; i++) {
            x[i] = embedding[i];
        }
        for (int i = 0; i < INTENTS; i++) {
            x[embedding.length + i] = logit(ngramIntentProbabilities[i]);
        }
        return x;
    }

    /** Intent probabilities for a raw {@link #input}. */
    public double[] probabilities(double[] input) {
        int d = width();
        if (input.length != d) {
            throw new IllegalArgumentException("input width " + input.length + ", heads expect " + d);
        }
        double[] z = new double[d];
        for (int j = 0; j < d; j++) {
            z[j] = (input[j] - mean[j]) / spread[j];
        }
        double[] p = new double[INTENTS];
        for (int i = 0; i < INTENTS; i++) {
            double sum = bias[i];
            for (int j = 0; j < d; j++) {
                sum += weights[i * d + j] * z[j];
            }
            p[i] = 1 / (1 + Math.exp(-sum));
        }
        return p;
    }

    /** The second opinion on a text the n-gram model has already scored; its sentiment is kept. */
    public Prediction decide(float[] embedding, Prediction ngram) {
        double[] p = probabilities(input(embedding, ngram.intentProbabilities()));
        return new Prediction(p, labels(p, thresholds), ngram.sentimentProbabilities(), ngram.sentiment());
    }

    /** The label rule of this class comment, for any probabilities and thresholds (also used to fit thresholds). */
    public static List<Intent> labels(double[] p, float[] thresholds) {
        Intent[] intents = Intent.values();
        double[] margin = new double[INTENTS];
        int primary = 0;
        for (int i = 0; i < INTENTS; i++) {
            margin[i] = logit(p[i]) - logit(thresholds[i]);
            if (margin[i] > margin[primary]) {
                primary = i;
            }
        }
        List<Intent> labels = new ArrayList<>(2);
        labels.add(intents[primary]);
        if (!EXCLUSIVE.contains(intents[primary])) {
            int second = -1;
            for (int i = 0; i < INTENTS; i++) {
                if (i != primary
                        && !EXCLUSIVE.contains(intents[i])
                        && margin[i] >= 0
                        && (second < 0 || margin[i] > margin[second])) {
                    second = i;
                }
            }
            if (second >= 0) {
                labels.add(intents[second]);
            }
        }
        return List.copyOf(labels);
    }

    static double logit(double p) {
        double q = Math.min(1 - CLIP, Math.max(CLIP, p));
        return Math.log(q / (1 - q));
    }

    // ---- persistence -------------------------------------------------------------------------------------------

    /** Writes the heads; the version is {@link #VERSION_PREFIX} plus a hash of the content. Returns what was written. */
    public static StackedHeads write(
            String encoder,
            String baseModelVersion,
            float[] mean,
            float[] spread,
            float[] weights,
            float[] bias,
            float[] thresholds,
            OutputStream out)
            throws IOException {
        ByteArrayOutputStream bodyBytes = new ByteArrayOutputStream();
        DataOutputStream body = new DataOutputStream(bodyBytes);
        body.writeUTF(encoder);
        body.writeUTF(baseModelVersion);
        body.writeInt(mean.length);
        body.writeInt(INTENTS);
        for (Intent intent : Intent.values()) {
            body.writeUTF(intent.name());
        }
        for (float[] values : List.of(mean, spread, weights, bias, thresholds)) {
            for (float v : values) {
                body.writeFloat(v);
            }
        }
        body.flush();
        byte[] bytes = bodyBytes.toByteArray();
        String version = VERSION_PREFIX + "-" + IntentModel.shortHash(bytes);
        ByteArrayOutputStream file = new ByteArrayOutputStream(bytes.length);
        try (DataOutputStream gz = new DataOutputStream(new GZIPOutputStream(file))) {
            gz.writeUTF(MAGIC);
            gz.writeInt(FORMAT);
            gz.writeUTF(version);
            gz.write(bytes);
        }
        out.write(file.toByteArray());
        out.flush();
        return read(new ByteArrayInputStream(file.toByteArray()));
    }

    public static StackedHeads read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(in)));
        if (!MAGIC.equals(data.readUTF())) {
            throw new IOException("not A-Path second-opinion heads");
        }
        int format = data.readInt();
        if (format != FORMAT) {
            throw new IOException("unsupported second-opinion format " + format + " (this build reads " + FORMAT + ")");
        }
        String version = data.readUTF();
        String encoder = data.readUTF();
        String base = data.readUTF();
        int width = data.readInt();
        int intents = data.readInt();
        for (Intent intent : Intent.values()) {
            String name = data.readUTF();
            if (intents != INTENTS || !intent.name().equals(name)) {
                throw new IOException("second-opinion labels differ from this build's intents at " + name);
            }
        }
        return new StackedHeads(
                version,
                encoder,
                base,
                floats(data, width),
                floats(data, width),
                floats(data, INTENTS * width),
                floats(data, INTENTS),
                floats(data, INTENTS));
    }

    public static StackedHeads fromClasspath(String resource) {
        try (InputStream in = StackedHeads.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("second-opinion heads not found on the classpath: " + resource);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read second-opinion heads " + resource, e);
        }
    }

    private static float[] floats(DataInputStream in, int n) throws IOException {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }
}
