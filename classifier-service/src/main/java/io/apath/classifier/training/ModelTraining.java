package io.apath.classifier.training;

import io.apath.classifier.model.BrandAccounts;
import io.apath.classifier.model.IntentModel;
import io.apath.classifier.model.IntentModel.Calibration;
import io.apath.classifier.model.LinearHeads;
import io.apath.classifier.model.SparseFeatures;
import io.apath.classifier.model.TextFeatures;
import io.apath.classifier.training.Trainer.Settings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The whole recipe from examples to a shippable model: k-fold out-of-fold scores on the training rows, Platt
 * calibration and per-intent thresholds fitted on those (never on scores of rows a head was trained on), then a final
 * fit on all rows. Only hand-labelled targets calibrate; weak and neighbouring-task labels only train. The brand
 * accounts the features write as {@code ~b} are learnt from the same rows ({@link #brandAccounts}).
 */
public final class ModelTraining {

    public static final String VERSION_PREFIX = "hashed-ngram-lr-1";
    public static final int CALIBRATION_FOLDS = 3;
    static final long CALIBRATION_SALT = 0x9e3779b97f4a7c15L;

    private final Trainer trainer;
    private final TextFeatures textFeatures;

    public ModelTraining(Settings settings) {
        this.trainer = new Trainer(settings);
        this.textFeatures = new TextFeatures(settings.bits(), settings.minChar(), settings.maxChar());
    }

    /**
     * The brand accounts of {@code rows}: handles that open at least {@link BrandAccounts#MIN_POSTS} of the posts
     * written to brands, which are the complaints corpus (replies to customer-service accounts) and the hand-labelled
     * brand mentions and corrections.
     */
    public static BrandAccounts brandAccounts(List<Example> examples, int[] rows) {
        return BrandAccounts.learn(Arrays.stream(rows)
                .mapToObj(examples::get)
                .filter(e -> e.source() == Example.Source.COMPLAINTS
                        || e.source() == Example.Source.INTENTS
                        || e.source() == Example.Source.CORRECTIONS)
                .map(Example::text)
                .toList());
    }

    /**
     * A trained model, its file bytes, the inner out-of-fold raw scores the calibration was fitted on (null for rows
     * that do not calibrate), which the second opinion's heads are stacked on, and every example's features as this
     * model reads them (with the brand accounts it learnt).
     */
    public record Trained(IntentModel model, byte[] file, float[][] outOfFoldScores, SparseFeatures[] features) {

        /** The calibrated intent probabilities of a calibrating row, from heads that never saw it. */
        public double[] outOfFoldProbabilities(int row, SparseFeatures features) {
            return IntentModel.decide(outOfFoldScores[row], features.cues(), model.calibration())
                    .intentProbabilities();
        }
    }

    public Trained fit(List<Example> examples) {
        return fit(examples, IntStream.range(0, examples.size()).toArray());
    }

    /** Trains on {@code rows} only: the brand accounts, the heads and the calibration never see the other examples. */
    public Trained fit(List<Example> examples, int[] rows) {
        TextFeatures withBrands = textFeatures.withBrands(brandAccounts(examples, rows));
        SparseFeatures[] features =
                examples.stream().map(e -> withBrands.extract(e.text())).toArray(SparseFeatures[]::new);
        float[][] oof = new float[examples.size()][];
        int[] folds = Folds.assign(examples, rows, CALIBRATION_FOLDS, CALIBRATION_SALT);
        for (int fold = 0; fold < CALIBRATION_FOLDS; fold++) {
            int[] trainRows = Folds.rowsNotIn(rows, folds, fold);
            int[] heldOut = Folds.rowsIn(rows, folds, fold);
            LinearHeads heads = trainer.train(examples, features, trainRows);
            for (int row : heldOut) {
                if (calibrates(examples.get(row))) {
                    float[] raw = new float[IntentModel.HEADS];
                    heads.scores(features[row], raw);
                    oof[row] = raw;
                }
            }
        }
        Calibration calibration = Calibrator.fit(examples, oof, features);
        LinearHeads heads = trainer.train(examples, features, rows);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 22);
            IntentModel model = IntentModel.write(VERSION_PREFIX, withBrands, heads, calibration, out);
            return new Trained(model, out.toByteArray(), oof, features);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean calibrates(Example e) {
        return e.hasGoldIntents()
                || e.source() == Example.Source.COMPLAINTS
                || (e.hasSentiment() && e.sentimentWeight() >= Corpora.GOLD);
    }

    /** Fold assignment by normalised text, so duplicate texts across files always land in the same fold. */
    static final class Folds {

        private Folds() {}

        static int[] assign(List<Example> examples, int[] rows, int k, long salt) {
            int[] folds = new int[examples.size()];
            Arrays.fill(folds, -1);
            for (int row : rows) {
                folds[row] = foldOf(examples.get(row).text(), k, salt);
            }
            return folds;
        }

        static int foldOf(String text, int k, long salt) {
            String key = new String(TextFeatures.normalise(text == null ? "" : text));
            long h = salt;
            for (int i = 0; i < key.length(); i++) {
                h = (h ^ key.charAt(i)) * 0x100000001b3L;
            }
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            return (int) Math.floorMod(h, (long) k);
        }

        static int[] rowsIn(int[] rows, int[] folds, int fold) {
            return Arrays.stream(rows).filter(r -> folds[r] == fold).toArray();
        }

        static int[] rowsNotIn(int[] rows, int[] folds, int fold) {
            return Arrays.stream(rows).filter(r -> folds[r] != fold).toArray();
        }
    }
}
