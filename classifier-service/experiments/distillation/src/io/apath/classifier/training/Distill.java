package io.apath.classifier.training;

import io.apath.classifier.model.*;
import io.apath.contracts.Intent;
import java.io.*;
import java.nio.file.*;
import java.util.*;
import java.util.stream.*;

/** Throwaway experiment: distil the stacked (bge + n-gram) teacher into the n-gram model via pseudo-labels. */
public class Distill {
    static final int INTENTS = IntentModel.INTENTS;

    public static void main(String[] args) throws Exception {
        List<Example> examples = Corpora.readDirectory(Path.of(args[0]), List.of());
        Map<String, float[]> vec = new HashMap<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(Path.of(args[1])), 1 << 20))) {
            int n = in.readInt(), d = in.readInt();
            for (int i = 0; i < n; i++) {
                float[] v = new float[d];
                for (int j = 0; j < d; j++) v[j] = in.readFloat();
                vec.put(examples.get(i).text() == null ? "" : examples.get(i).text(), v);
            }
        }
        SentenceEncoder lookup = new SentenceEncoder() {
            public String name() { return "cached"; }
            public int dimension() { return 384; }
            public float[] embed(String t) { float[] v = vec.get(t == null ? "" : t); if (v == null) throw new IllegalStateException("no vec"); return v; }
        };
        Embeddings emb = new Embeddings(lookup, 1);
        List<String> variants = Arrays.asList(args).subList(2, args.length);
        int folds = Integer.getInteger("folds", 5);
        ModelTraining training = new ModelTraining(Trainer.Settings.defaults());
        SparseFeatures[] features = training.extract(examples);
        int[] all = IntStream.range(0, examples.size()).toArray();
        int[] assignment = ModelTraining.Folds.assign(examples, all, 5, CrossValidation.OUTER_SALT);
        Evaluation base = new Evaluation(), teacher = new Evaluation();
        Map<String, Evaluation> students = new LinkedHashMap<>();
        for (String v : variants) students.put(v, new Evaluation());
        long t0 = System.nanoTime();
        for (int fold = 0; fold < folds; fold++) {
            int[] train = ModelTraining.Folds.rowsNotIn(all, assignment, fold);
            int[] test = ModelTraining.Folds.rowsIn(all, assignment, fold);
            ModelTraining.Trained trained = training.fit(examples, features, train);
            IntentModel model = trained.model();
            StackedHeads heads = SecondOpinionTraining.fit(examples, features, trained, train, emb).heads();
            float[] thr = new float[INTENTS];
            for (Intent i : Intent.values()) thr[i.ordinal()] = heads.threshold(i);
            for (int row : test) {
                Example e = examples.get(row);
                Prediction p = model.predict(features[row]);
                base.add(e, p, model.calibration().thresholds()[Intent.COMPLAINT.ordinal()]);
                teacher.add(e, heads.decide(emb.of(e.text()), p), heads.threshold(Intent.COMPLAINT));
            }
            // teacher probabilities for every training row without hand labels
            double[][] tp = new double[examples.size()][];
            for (int row : train) {
                Example e = examples.get(row);
                if (e.hasGoldIntents()) continue;
                tp[row] = heads.probabilities(StackedHeads.input(emb.of(e.text()), model.predict(features[row]).intentProbabilities()));
            }
            System.err.printf("fold %d teacher done %.0fs%n", fold, (System.nanoTime() - t0) / 1e9);
            final int f = fold;
            variants.parallelStream().forEach(v -> {
                String[] parts = v.split(":");
                String mode = parts[0];
                float w = Float.parseFloat(parts[1]);
                List<Example> ex = new ArrayList<>(examples);
                List<SparseFeatures> feats = new ArrayList<>(Arrays.asList(features));
                List<Integer> rows = new ArrayList<>();
                for (int r : train) rows.add(r);
                for (int row : train) {
                    if (tp[row] == null) continue;
                    Example e = examples.get(row);
                    if (mode.equals("hard")) {
                        byte[] t = e.intentTargets().clone();
                        float[] wt = e.intentWeights().clone();
                        for (int h = 0; h < INTENTS; h++) {
                            if (t[h] != Example.UNKNOWN) continue;
                            boolean pos = tp[row][h] >= thr[h];
                            t[h] = (byte) (pos ? 1 : 0);
                            wt[h] = w;
                        }
                        ex.set(row, new Example(e.id(), e.source(), e.text(), t, wt, e.sentiment(), e.sentimentWeight(), e.goldLabels()));
                    } else { // soft: positive copy weighted p, negative copy weighted 1-p
                        byte[] t = e.intentTargets().clone();
                        float[] wt = e.intentWeights().clone();
                        byte[] t2 = new byte[INTENTS];
                        float[] w2 = new float[INTENTS];
                        Arrays.fill(t2, Example.UNKNOWN);
                        for (int h = 0; h < INTENTS; h++) {
                            if (t[h] != Example.UNKNOWN) continue;
                            t[h] = 1; wt[h] = (float) (w * tp[row][h]);
                            t2[h] = 0; w2[h] = (float) (w * (1 - tp[row][h]));
                        }
                        ex.set(row, new Example(e.id(), e.source(), e.text(), t, wt, e.sentiment(), e.sentimentWeight(), e.goldLabels()));
                        ex.add(new Example(e.id() + "#neg", e.source(), e.text(), t2, w2, -1, 0f, List.of()));
                        feats.add(features[row]);
                        rows.add(ex.size() - 1);
                    }
                }
                ModelTraining.Trained student = training.fit(ex, feats.toArray(SparseFeatures[]::new), rows.stream().mapToInt(Integer::intValue).toArray());
                Evaluation ev = students.get(v);
                synchronized (ev) {
                    for (int row : test) {
                        ev.add(examples.get(row), student.model().predict(features[row]), student.model().calibration().thresholds()[Intent.COMPLAINT.ordinal()]);
                    }
                }
                System.err.printf("fold %d variant %s done %.0fs%n", f, v, (System.nanoTime() - t0) / 1e9);
            });
        }
        print("base", base);
        print("teacher(all items)", teacher);
        students.forEach((k, v) -> print("student " + k, v));
    }

    static void print(String name, Evaluation e) {
        StringBuilder sb = new StringBuilder();
        for (Intent i : Intent.values()) sb.append(String.format(" %.3f", e.f1(i)));
        System.out.printf("%-22s intent %.3f complaint %.3f semeval %.3f |%s%n", name, e.intentMacroF1(), e.complaintMacroF1(),
                e.sentimentMacroRecall(Example.Source.SEMEVAL), sb);
    }
}
