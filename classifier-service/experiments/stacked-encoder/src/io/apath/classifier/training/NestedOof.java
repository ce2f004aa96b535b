package io.apath.classifier.training;

import io.apath.classifier.model.IntentModel;
import io.apath.classifier.model.SparseFeatures;
import java.io.PrintWriter;
import java.nio.file.*;
import java.util.*;
import java.util.stream.IntStream;

/**
 * Leak check for the stacker: for ONE outer fold k, n-gram probabilities of the training rows computed WITHOUT fold k
 * (for each inner fold g != k: full recipe trained on folds not in {k, g}, predicting fold g). Same folds as evaluate.
 * Output: OofDump's TSV rows (fold column = g).
 */
public final class NestedOof {
    public static void main(String[] a) throws Exception {
        Path data = Path.of(a[0]);
        Path out = Path.of(a[1]);
        int k = Integer.parseInt(a[2]);
        List<Example> examples = Corpora.readDirectory(data, List.of());
        ModelTraining training = new ModelTraining(Trainer.Settings.defaults());
        SparseFeatures[] features = training.extract(examples);
        int[] all = IntStream.range(0, examples.size()).toArray();
        int[] assignment = ModelTraining.Folds.assign(examples, all, 5, CrossValidation.OUTER_SALT);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            for (int g = 0; g < 5; g++) {
                if (g == k) continue;
                long t0 = System.nanoTime();
                final int gg = g;
                int[] train = Arrays.stream(all).filter(r -> assignment[r] != k && assignment[r] != gg).toArray();
                int[] test = ModelTraining.Folds.rowsIn(all, assignment, g);
                IntentModel model = training.fit(examples, features, train).model();
                for (int row : test) {
                    Example e = examples.get(row);
                    if (e.source() == Example.Source.INTENTS && e.hasGoldIntents()) {
                        w.println(OofDump.row(e, model.predict(features[row]), g));
                    }
                }
                w.flush();
                System.err.printf("outer %d inner %d done in %.0f s%n", k, g, (System.nanoTime() - t0) / 1e9);
            }
        }
    }
}
