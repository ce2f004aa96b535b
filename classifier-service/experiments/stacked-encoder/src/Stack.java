import com.fasterxml.jackson.databind.*;
import java.nio.file.*;
import java.util.*;

/**
 * Stacking experiment over the out-of-fold n-gram scores that `evaluate` dumped (args[0]) and sentence embeddings
 * (args[1]). Same outer folds as evaluate; heads and thresholds fitted on the training folds only (thresholds by inner
 * 3-fold CV on them). Caveat: the n-gram scores of training rows are outer-OOF scores (their models saw the held-out
 * fold), the usual cross-validated stacking shortcut, which flatters (c) slightly.
 */
public class Stack {
    static final String[] L = {"COMPLAINT","SUPPORT_REQUEST","PRAISE","PURCHASE_INTENT","DEAL_SEEKING","RECOMMENDATION","CHURN_RISK","INFORMATIONAL","IRRELEVANT"};
    record Row(int fold, boolean[] gold, double[] p, double[] t, boolean[] pred, float[] emb) {}

    public static void main(String[] a) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, float[]> emb = new HashMap<>();
        for (String l : Files.readAllLines(Path.of(a[1]))) {
            int t = l.lastIndexOf('\t');
            String[] parts = l.substring(t + 1).split(",");
            float[] v = new float[parts.length];
            for (int i = 0; i < v.length; i++) v[i] = Float.parseFloat(parts[i]);
            emb.put(json.readValue(l.substring(0, t), String.class), v);
        }
        double l2 = a.length > 2 ? Double.parseDouble(a[2]) : 1e-2;
        List<Row> rows = new ArrayList<>();
        int missing = 0;
        for (String l : Files.readAllLines(Path.of(a[0]))) {
            JsonNode n = json.readTree(l);
            if (!n.get("source").asText().equals("INTENTS")) continue;
            float[] e = emb.get(n.get("text").asText());
            if (e == null) { missing++; continue; }
            boolean[] gold = new boolean[9], pred = new boolean[9];
            for (JsonNode g : n.get("gold")) gold[idx(g.asText())] = true;
            for (JsonNode g : n.get("pred")) pred[idx(g.asText())] = true;
            double[] p = new double[9], t = new double[9];
            for (int i = 0; i < 9; i++) { p[i] = n.get("p").get(i).asDouble(); t[i] = n.get("t").get(i).asDouble(); }
            rows.add(new Row(n.get("fold").asInt(), gold, p, t, pred, e));
        }
        System.out.printf("rows %d (missing embeddings %d), L2 %g%n", rows.size(), missing, l2);
        boolean[][] shipped = new boolean[rows.size()][];
        for (int i = 0; i < rows.size(); i++) shipped[i] = rows.get(i).pred();
        report("(a) n-gram as shipped", rows, shipped, null);
        boolean[][] embOnly = predictCv(rows, false, l2);
        report("(b) embedding head alone", rows, embOnly, null);
        boolean[][] stacked = predictCv(rows, true, l2);
        report("(c) stacked [embedding, n-gram scores], all items", rows, stacked, null);
        boolean[] review = new boolean[rows.size()];
        int nr = 0;
        for (int i = 0; i < rows.size(); i++) {
            double[] p = rows.get(i).p().clone(); Arrays.sort(p);
            review[i] = p[8] < 0.5 || p[8] - p[7] < 0.1;
            if (review[i]) nr++;
        }
        System.out.printf("needsReview items (top < 0.5 or top-two gap < 0.1): %d of %d (%.1f %%)%n", nr, rows.size(), 100.0 * nr / rows.size());
        boolean[][] routed = new boolean[rows.size()][];
        for (int i = 0; i < rows.size(); i++) routed[i] = review[i] ? stacked[i] : shipped[i];
        report("(d) stacked only for needsReview items, n-gram otherwise", rows, routed, null);
    }

    static int idx(String s) { for (int i = 0; i < 9; i++) if (L[i].equals(s)) return i; throw new IllegalArgumentException(s); }

    static double[] features(Row r, boolean stacked) {
        double[] x = new double[r.emb().length + (stacked ? 9 : 0) + 1];
        for (int i = 0; i < r.emb().length; i++) x[i] = r.emb()[i];
        if (stacked) for (int i = 0; i < 9; i++) { double p = Math.min(1 - 1e-4, Math.max(1e-4, r.p()[i])); x[r.emb().length + i] = Math.log(p / (1 - p)); }
        x[x.length - 1] = 1;
        return x;
    }

    static boolean[][] predictCv(List<Row> rows, boolean stacked, double l2) {
        boolean[][] out = new boolean[rows.size()][];
        for (int fold = 0; fold < 5; fold++) {
            List<Integer> train = new ArrayList<>(), test = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) (rows.get(i).fold() == fold ? test : train).add(i);
            if (test.isEmpty() || train.isEmpty()) continue;
            double[][] xTrain = new double[train.size()][];
            for (int i = 0; i < train.size(); i++) xTrain[i] = features(rows.get(train.get(i)), stacked);
            double[] mean = new double[xTrain[0].length], sd = new double[mean.length];
            standardiser(xTrain, mean, sd);
            for (double[] x : xTrain) standardise(x, mean, sd);
            double[][] w = new double[9][];
            double[] thr = new double[9];
            for (int label = 0; label < 9; label++) {
                boolean[] y = new boolean[train.size()];
                for (int i = 0; i < train.size(); i++) y[i] = rows.get(train.get(i)).gold()[label];
                // threshold by inner 3-fold CV on the training part only
                double[] oof = new double[train.size()];
                for (int inner = 0; inner < 3; inner++) {
                    List<Integer> in = new ArrayList<>(), outIdx = new ArrayList<>();
                    for (int i = 0; i < train.size(); i++) ((i * 2654435761L >>> 7) % 3 == inner ? outIdx : in).add(i);
                    double[] wi = fit(xTrain, y, in, l2);
                    for (int i : outIdx) oof[i] = sigmoid(dot(wi, xTrain[i]));
                }
                thr[label] = bestThreshold(oof, y);
                List<Integer> all = new ArrayList<>();
                for (int i = 0; i < train.size(); i++) all.add(i);
                w[label] = fit(xTrain, y, all, l2);
            }
            for (int i : test) {
                double[] x = features(rows.get(i), stacked);
                standardise(x, mean, sd);
                double[] s = new double[9];
                for (int label = 0; label < 9; label++) s[label] = sigmoid(dot(w[label], x));
                out[i] = decide(s, thr);
            }
        }
        return out;
    }

    /** Labels over their thresholds, at most two (highest first); none over: the best one, as the shipped rule. */
    static boolean[] decide(double[] s, double[] thr) {
        Integer[] order = {0,1,2,3,4,5,6,7,8};
        Arrays.sort(order, (x, y) -> Double.compare(s[y] - thr[y], s[x] - thr[x]));
        boolean[] pred = new boolean[9];
        int n = 0;
        for (int i : order) if (s[i] >= thr[i] && n < 2) { pred[i] = true; n++; }
        if (n == 0) pred[order[0]] = true;
        return pred;
    }

    static double bestThreshold(double[] s, boolean[] y) {
        double best = 0.5, bestF = -1;
        for (double t = 0.05; t < 0.96; t += 0.01) {
            int tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < s.length; i++) { boolean p = s[i] >= t; if (p && y[i]) tp++; else if (p) fp++; else if (y[i]) fn++; }
            double f = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
            if (f > bestF) { bestF = f; best = t; }
        }
        return best;
    }

    /** Class-weighted L2 logistic regression, full-batch gradient descent with AdaGrad steps. */
    static double[] fit(double[][] x, boolean[] y, List<Integer> rows, double l2) {
        int d = x[0].length;
        double[] w = new double[d], g2 = new double[d];
        int pos = 0; for (int i : rows) if (y[i]) pos++;
        double wPos = pos == 0 ? 1 : rows.size() / (2.0 * pos), wNeg = rows.size() / (2.0 * Math.max(1, rows.size() - pos));
        for (int it = 0; it < 200; it++) {
            double[] grad = new double[d];
            for (int i : rows) {
                double err = sigmoid(dot(w, x[i])) - (y[i] ? 1 : 0);
                double c = err * (y[i] ? wPos : wNeg);
                for (int j = 0; j < d; j++) grad[j] += c * x[i][j];
            }
            for (int j = 0; j < d; j++) {
                double gj = grad[j] / rows.size() + (j == d - 1 ? 0 : l2 * w[j]);
                g2[j] += gj * gj;
                w[j] -= 0.5 * gj / (Math.sqrt(g2[j]) + 1e-8);
            }
        }
        return w;
    }

    static void standardiser(double[][] x, double[] mean, double[] sd) {
        int d = mean.length;
        for (double[] r : x) for (int j = 0; j < d; j++) mean[j] += r[j] / x.length;
        for (double[] r : x) for (int j = 0; j < d; j++) sd[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / x.length;
        for (int j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j]) + 1e-9;
        mean[d - 1] = 0; sd[d - 1] = 1; // bias
    }
    static void standardise(double[] x, double[] mean, double[] sd) { for (int j = 0; j < x.length; j++) x[j] = (x[j] - mean[j]) / sd[j]; }
    static double dot(double[] w, double[] x) { double s = 0; for (int j = 0; j < w.length; j++) s += w[j] * x[j]; return s; }
    static double sigmoid(double z) { return 1 / (1 + Math.exp(-z)); }

    static void report(String name, List<Row> rows, boolean[][] pred, boolean[] only) {
        StringBuilder sb = new StringBuilder();
        double sum = 0;
        for (int label = 0; label < 9; label++) {
            int tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < rows.size(); i++) {
                boolean p = pred[i][label], g = rows.get(i).gold()[label];
                if (p && g) tp++; else if (p) fp++; else if (g) fn++;
            }
            double f = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
            sum += f;
            sb.append(String.format(" %s %.3f", L[label].substring(0, Math.min(8, L[label].length())), f));
        }
        System.out.printf("%-60s macro-F1 %.3f |%s%n", name, sum / 9, sb);
    }
}
