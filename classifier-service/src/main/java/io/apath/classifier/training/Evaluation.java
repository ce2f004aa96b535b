package io.apath.classifier.training;

import io.apath.classifier.model.IntentModel;
import io.apath.classifier.model.Prediction;
import io.apath.contracts.Intent;
import io.apath.contracts.SentimentLabel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores predictions against labels, per task: the 9 intents (multi-label per-label precision/recall/F1 and their
 * macro average, plus primary-intent accuracy and confusion matrix), the binary complaint task (macro-F1 over
 * complaint / not complaint) and sentiment (macro-recall, the SemEval 2017 Task 4A measure).
 */
public final class Evaluation {

    private static final Intent[] INTENTS = Intent.values();

    private final int[] tp = new int[INTENTS.length];
    private final int[] fp = new int[INTENTS.length];
    private final int[] fn = new int[INTENTS.length];
    private final int[][] primaryConfusion = new int[INTENTS.length][INTENTS.length];
    private int intentItems;
    private int primaryCorrect;
    private int reconsideredIntentItems;
    private int reconsideredComplaintItems;

    private final int[][] complaint = new int[2][2];
    private final Map<String, int[][]> sentiment = new LinkedHashMap<>();
    private Evaluation extraLabels;

    /** Adds one labelled example and the model's prediction for it to every task the example belongs to. */
    public void add(Example e, Prediction p, float complaintThreshold) {
        if (e.source() == Example.Source.EXTRA_LABELS) {
            if (e.hasGoldIntents()) {
                extraLabels().addIntents(e, p);
            }
            if (e.hasSentiment()) {
                // whatever the weight they train at: this section measures agreement with their labeller
                extraLabels().countSentiment(e, p);
            }
            return;
        }
        if (e.hasGoldIntents()) {
            addIntents(e, p);
        }
        if (e.source() == Example.Source.COMPLAINTS && e.knows(Intent.COMPLAINT)) {
            int actual = e.is(Intent.COMPLAINT) ? 1 : 0;
            int predicted = p.probability(Intent.COMPLAINT) >= complaintThreshold ? 1 : 0;
            complaint[actual][predicted]++;
        }
        addSentiment(e, p);
    }

    private void addSentiment(Example e, Prediction p) {
        if (e.hasSentiment() && e.sentimentWeight() >= Corpora.GOLD) {
            countSentiment(e, p);
        }
    }

    private void countSentiment(Example e, Prediction p) {
        sentiment
                .computeIfAbsent(e.source().name(), s -> new int[3][3])[e.sentiment()][
                p.sentiment().ordinal()]++;
    }

    private void addIntents(Example e, Prediction p) {
        intentItems++;
        for (Intent intent : INTENTS) {
            boolean predicted = p.labels().contains(intent);
            boolean actual = e.goldLabels().contains(intent);
            if (predicted && actual) {
                tp[intent.ordinal()]++;
            } else if (predicted) {
                fp[intent.ordinal()]++;
            } else if (actual) {
                fn[intent.ordinal()]++;
            }
        }
        Intent gold = e.goldLabels().get(0);
        primaryConfusion[gold.ordinal()][p.primaryIntent().ordinal()]++;
        if (gold == p.primaryIntent()) {
            primaryCorrect++;
        }
    }

    /**
     * The posts of {@code --extra-labels} files, scored apart: another labeller's labels, so they do not change what
     * the main figures measure (agreement with the hand labels), but show how the model reads that labeller's posts.
     */
    public Evaluation extraLabels() {
        if (extraLabels == null) {
            extraLabels = new Evaluation();
        }
        return extraLabels;
    }

    /** As {@link #add}, for a post the second opinion decided; counted, so the report says how many there were. */
    public void addReconsidered(Example e, Prediction p, float complaintThreshold) {
        add(e, p, complaintThreshold);
        if (e.hasGoldIntents() && e.source() != Example.Source.EXTRA_LABELS) {
            reconsideredIntentItems++;
        }
        if (e.source() == Example.Source.COMPLAINTS) {
            reconsideredComplaintItems++;
        }
    }

    public void addAll(List<Example> examples, IntentModel model) {
        for (Example e : examples) {
            add(e, model.predict(e.text()), model.calibration().thresholds()[Intent.COMPLAINT.ordinal()]);
        }
    }

    public int intentItems() {
        return intentItems;
    }

    public double f1(Intent intent) {
        int i = intent.ordinal();
        return tp[i] == 0 ? 0 : 2.0 * tp[i] / (2.0 * tp[i] + fp[i] + fn[i]);
    }

    public double precision(Intent intent) {
        int i = intent.ordinal();
        return tp[i] + fp[i] == 0 ? 0 : (double) tp[i] / (tp[i] + fp[i]);
    }

    public double recall(Intent intent) {
        int i = intent.ordinal();
        return tp[i] + fn[i] == 0 ? 0 : (double) tp[i] / (tp[i] + fn[i]);
    }

    /** Mean per-label F1 over the 9 intents (multi-label: predicted label set against gold label set). */
    public double intentMacroF1() {
        double sum = 0;
        for (Intent intent : INTENTS) {
            sum += f1(intent);
        }
        return sum / INTENTS.length;
    }

    /** Single-label view: gold primary against predicted primary, macro-F1 over the 9 intents. */
    public double primaryMacroF1() {
        double sum = 0;
        for (int c = 0; c < INTENTS.length; c++) {
            int t = primaryConfusion[c][c];
            int predicted = 0, actual = 0;
            for (int k = 0; k < INTENTS.length; k++) {
                predicted += primaryConfusion[k][c];
                actual += primaryConfusion[c][k];
            }
            sum += t == 0 ? 0 : 2.0 * t / (predicted + actual);
        }
        return sum / INTENTS.length;
    }

    public double primaryAccuracy() {
        return intentItems == 0 ? 0 : (double) primaryCorrect / intentItems;
    }

    public int complaintItems() {
        return complaint[0][0] + complaint[0][1] + complaint[1][0] + complaint[1][1];
    }

    public double complaintMacroF1() {
        double f1Complaint = binaryF1(complaint[1][1], complaint[0][1], complaint[1][0]);
        double f1Other = binaryF1(complaint[0][0], complaint[1][0], complaint[0][1]);
        return (f1Complaint + f1Other) / 2;
    }

    public double complaintAccuracy() {
        int n = complaintItems();
        return n == 0 ? 0 : (double) (complaint[0][0] + complaint[1][1]) / n;
    }

    private static double binaryF1(int tp, int fp, int fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    /** Macro-recall of sentiment over the items of one source (e.g. {@code SEMEVAL}); NaN when it had none. */
    public double sentimentMacroRecall(Example.Source source) {
        int[][] m = sentiment.get(source.name());
        if (m == null) {
            return Double.NaN;
        }
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            int total = m[c][0] + m[c][1] + m[c][2];
            sum += total == 0 ? 0 : (double) m[c][c] / total;
        }
        return sum / 3;
    }

    public int sentimentItems(Example.Source source) {
        int[][] m = sentiment.get(source.name());
        int n = 0;
        if (m != null) {
            for (int[] row : m) {
                for (int v : row) {
                    n += v;
                }
            }
        }
        return n;
    }

    /** A plain-text report, the same for the CLI and the model card. */
    public String report() {
        StringBuilder out = new StringBuilder();
        if (intentItems > 0) {
            out.append(String.format(Locale.ROOT, "intents: %d items%n", intentItems));
            out.append(String.format(
                    Locale.ROOT, "  %-16s %9s %9s %9s %6s%n", "label", "precision", "recall", "F1", "gold"));
            for (Intent intent : INTENTS) {
                int i = intent.ordinal();
                out.append(String.format(
                        Locale.ROOT,
                        "  %-16s %9.3f %9.3f %9.3f %6d%n",
                        intent,
                        precision(intent),
                        recall(intent),
                        f1(intent),
                        tp[i] + fn[i]));
            }
            out.append(String.format(Locale.ROOT, "  intent macro-F1 (multi-label): %.3f%n", intentMacroF1()));
            if (reconsideredIntentItems > 0) {
                out.append(String.format(
                        Locale.ROOT,
                        "  decided by the second opinion: %d of %d intents items, %d of %d complaints items%n",
                        reconsideredIntentItems,
                        intentItems,
                        reconsideredComplaintItems,
                        complaintItems()));
            }
            out.append(String.format(
                    Locale.ROOT,
                    "  primary intent: accuracy %.3f, macro-F1 %.3f%n",
                    primaryAccuracy(),
                    primaryMacroF1()));
            out.append("  primary confusion (rows gold, columns predicted):\n  ")
                    .append(" ".repeat(17));
            for (Intent intent : INTENTS) {
                out.append(String.format(Locale.ROOT, "%5.5s", intent.name()));
            }
            out.append('\n');
            for (Intent gold : INTENTS) {
                out.append(String.format(Locale.ROOT, "  %-17s", gold));
                for (Intent predicted : INTENTS) {
                    out.append(
                            String.format(Locale.ROOT, "%5d", primaryConfusion[gold.ordinal()][predicted.ordinal()]));
                }
                out.append('\n');
            }
        }
        if (complaintItems() > 0) {
            out.append(String.format(
                    Locale.ROOT,
                    "complaints: %d items, macro-F1 %.3f, accuracy %.3f (tn %d fp %d fn %d tp %d)%n",
                    complaintItems(),
                    complaintMacroF1(),
                    complaintAccuracy(),
                    complaint[0][0],
                    complaint[0][1],
                    complaint[1][0],
                    complaint[1][1]));
        }
        for (Map.Entry<String, int[][]> entry : sentiment.entrySet()) {
            int[][] m = entry.getValue();
            out.append(String.format(
                    Locale.ROOT,
                    "sentiment (%s): %d items, macro-recall %.3f; confusion rows gold %s%n",
                    entry.getKey(),
                    sentimentItems(Example.Source.valueOf(entry.getKey())),
                    sentimentMacroRecall(Example.Source.valueOf(entry.getKey())),
                    List.of(SentimentLabel.values())));
            for (int[] row : m) {
                out.append(String.format(Locale.ROOT, "  %6d %6d %6d%n", row[0], row[1], row[2]));
            }
        }
        if (extraLabels != null) {
            out.append("extra labels (another labeller's posts, scored apart from everything above):\n");
            extraLabels.report().lines().forEach(line -> out.append("  ")
                    .append(line)
                    .append('\n'));
        }
        return out.toString();
    }
}
