package io.apath.classifier.training;

import io.apath.classifier.model.IntentModel;
import io.apath.classifier.model.Prediction;
import io.apath.classifier.model.SparseFeatures;
import io.apath.contracts.Intent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/** Throwaway: out-of-fold predictions of the outer CV for every intents/complaints row, as TSV. */
public final class OofDump {
    static Trainer.Settings withSeed(Trainer.Settings d) {
        long seed = Long.getLong("exp.seed", d.seed());
        return new Trainer.Settings(d.bits(), d.minChar(), d.maxChar(), d.epochs(), d.learningRate(), d.l2(), d.sentimentL2(), d.bags(), seed);
    }

    public static void main(String[] args) throws Exception {
        List<Example> examples = Corpora.readDirectory(Path.of(args[0]), List.of());
        ModelTraining training = new ModelTraining(withSeed(Trainer.Settings.defaults()));
        SparseFeatures[] features = training.extract(examples);
        int[] all = IntStream.range(0, examples.size()).toArray();
        int folds = 5;
        int[] assignment = ModelTraining.Folds.assign(examples, all, folds, CrossValidation.OUTER_SALT);
        if (Boolean.getBoolean("exp.groupByHandle")) {
            java.util.regex.Pattern handle = java.util.regex.Pattern.compile("(?<![A-Za-z0-9_])@([A-Za-z0-9_]+)");
            for (int r : all) {
                String text = examples.get(r).text() == null ? "" : examples.get(r).text();
                java.util.regex.Matcher m = handle.matcher(text);
                if (m.find() && !m.group(1).equalsIgnoreCase("mention")) {
                    assignment[r] = ModelTraining.Folds.foldOf("handle " + m.group(1).toLowerCase(java.util.Locale.ROOT), folds, CrossValidation.OUTER_SALT);
                }
            }
        }
        try (PrintWriter out = new PrintWriter(args[1], "UTF-8")) {
            for (int fold = 0; fold < folds; fold++) {
                int[] train = ModelTraining.Folds.rowsNotIn(all, assignment, fold);
                int[] test = ModelTraining.Folds.rowsIn(all, assignment, fold);
                IntentModel model = training.fit(examples, features, train).model();
                float[] t = model.calibration().thresholds();
                for (int row : test) {
                    Example e = examples.get(row);
                    if (!e.hasGoldIntents() && e.source() != Example.Source.COMPLAINTS) continue;
                    Prediction p = model.predict(features[row]);
                    StringBuilder b = new StringBuilder();
                    b.append(fold).append('\t').append(e.source()).append('\t').append(e.id()).append('\t');
                    b.append(e.hasGoldIntents() ? e.goldLabels().toString() : (e.is(Intent.COMPLAINT) ? "C1" : "C0")).append('\t');
                    b.append(p.labels()).append('\t');
                    for (int i = 0; i < IntentModel.INTENTS; i++) b.append(String.format("%.4f", p.intentProbabilities()[i])).append(i < 8 ? "," : "\t");
                    for (int i = 0; i < IntentModel.INTENTS; i++) b.append(String.format("%.4f", t[i])).append(i < 8 ? "," : "\t");
                    b.append(e.text().replace('\t', ' ').replace('\n', ' '));
                    out.println(b);
                }
                System.err.println("fold " + fold + " done");
            }
        }
    }
}
