package io.apath.classifier.training;

import io.apath.classifier.model.IntentModel;
import io.apath.classifier.model.Prediction;
import io.apath.classifier.model.SparseFeatures;
import io.apath.contracts.Intent;
import java.io.PrintWriter;
import java.nio.file.*;
import java.util.*;
import java.util.stream.IntStream;

/**
 * Exact copy of CrossValidation.run (shipped defaults, folds by normalised text over ALL files, OUTER_SALT),
 * but writes the held-out prediction of every intents-train.jsonl row: id, fold, 9 calibrated probabilities,
 * the shipped decision (labels), plus the Evaluation report so it can be checked against BENCHMARKS (0.591).
 * Output TSV: id \t fold \t p0..p8 (comma) \t predicted labels (comma) \t gold labels (comma)
 */
public final class OofDump {
    public static void main(String[] a) throws Exception {
        Path data = Path.of(a[0]);
        Path out = Path.of(a[1]);
        List<Example> examples = Corpora.readDirectory(data, List.of());
        ModelTraining training = new ModelTraining(Trainer.Settings.defaults());
        SparseFeatures[] features = training.extract(examples);
        int[] all = IntStream.range(0, examples.size()).toArray();
        int[] assignment = ModelTraining.Folds.assign(examples, all, 5, CrossValidation.OUTER_SALT);
        Evaluation evaluation = new Evaluation();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            for (int fold = 0; fold < 5; fold++) {
                long t0 = System.nanoTime();
                int[] train = ModelTraining.Folds.rowsNotIn(all, assignment, fold);
                int[] test = ModelTraining.Folds.rowsIn(all, assignment, fold);
                IntentModel model = training.fit(examples, features, train).model();
                float ct = model.calibration().thresholds()[Intent.COMPLAINT.ordinal()];
                for (int row : test) {
                    Example e = examples.get(row);
                    Prediction p = model.predict(features[row]);
                    evaluation.add(e, p, ct);
                    if (e.source() == Example.Source.INTENTS && e.hasGoldIntents()) {
                        w.println(row(e, p, fold));
                    }
                }
                w.flush();
                System.err.printf("fold %d done in %.0f s%n", fold, (System.nanoTime() - t0) / 1e9);
            }
        }
        System.out.println(evaluation.report());
    }

    /** One output line: id, fold, 9 probabilities, predicted labels, gold labels, text (tabs and newlines blanked). */
    static String row(Example e, Prediction p, int fold) {
        StringJoiner probs = new StringJoiner(",");
        for (double v : p.intentProbabilities()) probs.add(String.format(Locale.ROOT, "%.6f", v));
        StringJoiner predicted = new StringJoiner(",");
        for (Intent i : p.labels()) predicted.add(i.name());
        StringJoiner gold = new StringJoiner(",");
        for (Intent i : e.goldLabels()) gold.add(i.name());
        return e.id() + "\t" + fold + "\t" + probs + "\t" + predicted + "\t" + gold + "\t"
                + e.text().replace('\t', ' ').replace('\n', ' ');
    }
}
