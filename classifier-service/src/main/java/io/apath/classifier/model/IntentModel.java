package io.apath.classifier.model;

import io.apath.contracts.Intent;
import io.apath.contracts.SentimentLabel;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The trained intent + sentiment model: hashed n-gram features, one logistic head per intent (Platt-calibrated, with
 * its own decision threshold) and a softmax sentiment head with per-class offsets. Immutable and thread-safe.
 *
 * <p>File format (gzip): magic, format, version, feature settings and brand accounts, calibration, then int16-quantised
 * weights with one scale per head. The version ends in a hash of everything after it, so the same training data and
 * seed give the same file and the same {@code modelVersion}.
 */
public final class IntentModel {

    public static final int INTENTS = Intent.values().length;
    public static final int SENTIMENTS = SentimentLabel.values().length;
    public static final int HEADS = INTENTS + SENTIMENTS;

    private static final String MAGIC = "APATH-INTENT-MODEL";
    /**
     * 5: the brand accounts learnt in training ({@link BrandAccounts}, written {@code ~b}) after the feature settings;
     * 4: @handles among the features ({@link TextFeatures#extract}); 3: negated words, emoji and emoticon tokens. A
     * model of an older format was trained on other features and would mis-read these.
     */
    private static final int FORMAT = 5;

    private static final List<Intent> EXCLUSIVE = List.of(Intent.INFORMATIONAL, Intent.IRRELEVANT);

    private final String version;
    private final TextFeatures features;
    private final LinearHeads heads;
    private final Calibration calibration;

    /**
     * The calibration layer: per intent, a logistic regression over every head's raw score, the cue bits and a bias
     * ({@link #STACK_WIDTH} weights, row-major in {@code stack}), fitted on out-of-fold scores. It generalises Platt
     * scaling and lets e.g. PRAISE use the sentiment head, which learnt from far more data than the intent heads.
     * Then a threshold per intent (for the secondary label) and per-sentiment logit offsets.
     */
    public record Calibration(float[] stack, float[] thresholds, float[] sentimentOffsets) {

        /** Platt-like identity: each intent's probability is the sigmoid of its own raw score. */
        public static Calibration identity() {
            float[] stack = new float[INTENTS * STACK_WIDTH];
            for (int i = 0; i < INTENTS; i++) {
                stack[i * STACK_WIDTH + i] = 1f;
            }
            float[] t = new float[INTENTS];
            java.util.Arrays.fill(t, 0.5f);
            return new Calibration(stack, t, new float[SENTIMENTS]);
        }
    }

    /** Inputs of the calibration layer: all raw head scores, one per cue group, and a constant 1. */
    public static final int STACK_WIDTH = HEADS + Cues.featureCount() + 1;

    /** The calibration layer's input vector for raw scores and cue bits. */
    public static double[] stackInput(float[] raw, int cues) {
        double[] z = new double[STACK_WIDTH];
        for (int k = 0; k < HEADS; k++) {
            z[k] = raw[k];
        }
        for (int c = 0; c < Cues.featureCount(); c++) {
            z[HEADS + c] = (cues >>> c) & 1;
        }
        z[STACK_WIDTH - 1] = 1;
        return z;
    }

    public IntentModel(String version, TextFeatures features, LinearHeads heads, Calibration calibration) {
        if (heads.heads() != HEADS || heads.dimension() != features.dimension()) {
            throw new IllegalArgumentException("heads do not fit the feature space");
        }
        this.version = version;
        this.features = features;
        this.heads = heads;
        this.calibration = calibration;
    }

    public String version() {
        return version;
    }

    public TextFeatures features() {
        return features;
    }

    /**
     * This model reading {@code more} accounts as brands' too (a tenant's own), beside the ones it learnt: the same
     * weights and version, since the accounts are input, not training.
     */
    public IntentModel withBrandAccounts(BrandAccounts more) {
        TextFeatures with = features.withBrands(more);
        return with == features ? this : new IntentModel(version, with, heads, calibration);
    }

    public LinearHeads heads() {
        return heads;
    }

    public Calibration calibration() {
        return calibration;
    }

    public Prediction predict(String text) {
        return predict(features.extract(text));
    }

    public Prediction predict(SparseFeatures x) {
        float[] raw = new float[HEADS];
        heads.scores(x, raw);
        return decide(raw, x.cues(), calibration);
    }

    /** Uncalibrated intent margins and sentiment logits, for fitting the calibration. */
    public float[] rawScores(SparseFeatures x) {
        float[] raw = new float[HEADS];
        heads.scores(x, raw);
        return raw;
    }

    /** Applies calibration and the label rules to raw scores (also used while tuning thresholds). */
    public static Prediction decide(float[] raw, int cues, Calibration c) {
        double[] z = stackInput(raw, cues);
        double[] p = new double[INTENTS];
        int primary = 0;
        float[] stack = c.stack();
        for (int i = 0; i < INTENTS; i++) {
            double sum = 0;
            for (int j = 0; j < STACK_WIDTH; j++) {
                sum += stack[i * STACK_WIDTH + j] * z[j];
            }
            p[i] = sigmoid(sum);
            if (p[i] > p[primary]) {
                primary = i;
            }
        }
        Intent[] intents = Intent.values();
        List<Intent> labels = new ArrayList<>(2);
        labels.add(intents[primary]);
        // the guideline never combines INFORMATIONAL or IRRELEVANT with another label, and allows at most two
        if (!EXCLUSIVE.contains(intents[primary])) {
            int second = -1;
            for (int i = 0; i < INTENTS; i++) {
                if (i != primary
                        && !EXCLUSIVE.contains(intents[i])
                        && p[i] >= c.thresholds()[i]
                        && (second < 0 || p[i] > p[second])) {
                    second = i;
                }
            }
            if (second >= 0) {
                labels.add(intents[second]);
            }
        }
        double[] s = new double[SENTIMENTS];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < SENTIMENTS; k++) {
            s[k] = raw[INTENTS + k] + c.sentimentOffsets()[k];
            max = Math.max(max, s[k]);
        }
        double sum = 0;
        int best = 0;
        for (int k = 0; k < SENTIMENTS; k++) {
            s[k] = Math.exp(s[k] - max);
            sum += s[k];
            if (s[k] > s[best]) {
                best = k;
            }
        }
        for (int k = 0; k < SENTIMENTS; k++) {
            s[k] /= sum;
        }
        return new Prediction(p, List.copyOf(labels), s, SentimentLabel.values()[best]);
    }

    static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    // ---- persistence -------------------------------------------------------------------------------------------

    /** Writes the model; {@code versionPrefix} gets the content hash appended to form the model version. */
    public static IntentModel write(
            String versionPrefix, TextFeatures features, LinearHeads heads, Calibration c, OutputStream out)
            throws IOException {
        ByteArrayOutputStream bodyBytes = new ByteArrayOutputStream(1 << 20);
        DataOutputStream body = new DataOutputStream(bodyBytes);
        body.writeInt(features.bits());
        body.writeInt(features.minChar());
        body.writeInt(features.maxChar());
        List<String> brands = features.brands().handles();
        body.writeInt(brands.size());
        for (String handle : brands) {
            body.writeUTF(handle);
        }
        body.writeInt(INTENTS);
        for (Intent intent : Intent.values()) {
            body.writeUTF(intent.name());
        }
        body.writeInt(SENTIMENTS);
        for (SentimentLabel label : SentimentLabel.values()) {
            body.writeUTF(label.name());
        }
        body.writeInt(STACK_WIDTH);
        writeFloats(body, c.stack());
        writeFloats(body, c.thresholds());
        writeFloats(body, c.sentimentOffsets());
        writeFloats(body, heads.bias());
        float[] w = heads.weights();
        int h = HEADS;
        float[] scales = new float[h];
        for (int i = 0; i < w.length; i++) {
            int k = i % h;
            scales[k] = Math.max(scales[k], Math.abs(w[i]) / Short.MAX_VALUE);
        }
        writeFloats(body, scales);
        for (int i = 0; i < w.length; i++) {
            float scale = scales[i % h];
            body.writeShort(scale == 0 ? 0 : Math.round(w[i] / scale));
        }
        body.flush();
        byte[] bytes = bodyBytes.toByteArray();
        String version = versionPrefix + "-" + shortHash(bytes);
        byte[] file = toGzip(version, bytes);
        out.write(file);
        out.flush();
        // read back what was written, so callers evaluate exactly the quantised model that ships
        return read(new java.io.ByteArrayInputStream(file));
    }

    private static byte[] toGzip(String version, byte[] body) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(body.length / 2);
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(buffer, 1 << 16))) {
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(version);
            out.write(body);
        }
        return buffer.toByteArray();
    }

    public static IntentModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(in, 1 << 16)));
        if (!MAGIC.equals(data.readUTF())) {
            throw new IOException("not an A-Path intent model");
        }
        int format = data.readInt();
        if (format != FORMAT) {
            throw new IOException("unsupported model format " + format + " (this build reads " + FORMAT + ")");
        }
        String version = data.readUTF();
        int bits = data.readInt();
        int minChar = data.readInt();
        int maxChar = data.readInt();
        List<String> brands = new ArrayList<>();
        for (int k = data.readInt(); k > 0; k--) {
            brands.add(data.readUTF());
        }
        TextFeatures features = new TextFeatures(bits, minChar, maxChar, BrandAccounts.of(brands));
        int intents = data.readInt();
        for (Intent intent : Intent.values()) {
            String name = data.readUTF();
            if (intents != INTENTS || !intent.name().equals(name)) {
                throw new IOException("model labels differ from this build's intents at " + name);
            }
        }
        int sentiments = data.readInt();
        for (SentimentLabel label : SentimentLabel.values()) {
            String name = data.readUTF();
            if (sentiments != SENTIMENTS || !label.name().equals(name)) {
                throw new IOException("model sentiment labels differ from this build's at " + name);
            }
        }
        int width = data.readInt();
        if (width != STACK_WIDTH) {
            throw new IOException("model calibration width " + width + " differs from this build's " + STACK_WIDTH);
        }
        Calibration c = new Calibration(
                readFloats(data, INTENTS * STACK_WIDTH), readFloats(data, INTENTS), readFloats(data, SENTIMENTS));
        float[] bias = readFloats(data, HEADS);
        float[] scales = readFloats(data, HEADS);
        float[] w = new float[features.dimension() * HEADS];
        byte[] raw = new byte[w.length * 2];
        data.readFully(raw);
        for (int i = 0; i < w.length; i++) {
            short q = (short) (((raw[2 * i] & 0xff) << 8) | (raw[2 * i + 1] & 0xff));
            w[i] = q * scales[i % HEADS];
        }
        return new IntentModel(version, features, new LinearHeads(HEADS, w, bias), c);
    }

    /** Loads a model from the classpath, e.g. the one shipped in the service jar. */
    public static IntentModel fromClasspath(String resource) {
        try (InputStream in = IntentModel.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("model resource not found on the classpath: " + resource);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + resource, e);
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    private static float[] readFloats(DataInputStream in, int n) throws IOException {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }

    static String shortHash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
