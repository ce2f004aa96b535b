package io.apath.classifier.training;

import io.apath.classifier.domain.ReviewPolicy;
import io.apath.classifier.domain.ReviewQueue;
import io.apath.classifier.model.IntentModel;
import io.apath.classifier.model.Prediction;
import io.apath.classifier.model.SparseFeatures;
import io.apath.contracts.Author;
import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.Intent;
import io.apath.contracts.Mention;
import io.apath.contracts.MentionId;
import io.apath.contracts.MentionKind;
import io.apath.contracts.Sentiment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Throwaway (2026-12-07): does labelling what {@link ReviewQueue} picks improve the model more than labelling as many
 * random posts? Pool-based active-learning simulation inside the outer 5-fold cross-validation of {@code evaluate}.
 *
 * <p>Per outer fold (folds by normalised text, {@link CrossValidation#OUTER_SALT}): the hand-labelled intents rows of
 * the training side are split by a salted hash of their normalised text into SEED (3/5) and POOL (2/5). M0 is trained
 * with the product recipe ({@link ModelTraining#fit}) on the training rows minus POOL; it reads every POOL post, and the
 * real {@link ReviewQueue} ranks them (closest call, one post per normalised text). A condition retrains on the
 * training rows minus POOL plus the selected POOL rows (with their gold labels) and is scored on the held-out fold's
 * hand-labelled posts exactly as {@link CrossValidation} does ({@code model.predict(features[row])}, predicted label
 * set against gold label set).
 *
 * <pre>
 *   job     DATA OUT FOLD COND   COND: M0 | ALL | U&lt;K&gt; | R&lt;K&gt;s&lt;SEED&gt;   (M0 writes OUT/pool-fFOLD.tsv, the others read it)
 *   summary OUT
 * </pre>
 * Each job writes one line to OUT/jobs/fFOLD-COND.tsv: pooled-able counts (tp/fp/fn per intent, complaints 2x2) and the
 * gold labels of the posts the condition added.
 */
public final class ReviewQueueSim {

    static final int FOLDS = 5;
    /** Salt of the SEED/POOL split (any constant other than the outer and calibration salts). */
    static final long POOL_SALT = 0x5eed9001c0ffee17L;
    static final int POOL_BUCKETS = 5;
    static final int SEED_BUCKETS = 3; // buckets 0..2 → SEED (60 %), 3..4 → POOL (40 %)
    private static final Intent[] INTENTS = Intent.values();

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        if (args[0].equals("job")) {
            job(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), args[4]);
        } else if (args[0].equals("summary")) {
            summary(Path.of(args[1]));
        } else {
            throw new IllegalArgumentException("job DATA OUT FOLD COND | summary OUT");
        }
    }

    static boolean isPool(Example e) {
        return e.source() == Example.Source.INTENTS
                && ModelTraining.Folds.foldOf(e.text(), POOL_BUCKETS, POOL_SALT) >= SEED_BUCKETS;
    }

    static void job(Path data, Path out, int fold, String cond) throws Exception {
        long start = System.nanoTime();
        // optional suffix tN: retrain with Trainer seed N (the selection still comes from M0 with the default seed)
        Trainer.Settings settings = Trainer.Settings.defaults();
        String fullCond = cond;
        if (cond.matches(".*t\\d+")) {
            long trainerSeed = Long.parseLong(cond.substring(cond.lastIndexOf('t') + 1));
            cond = cond.substring(0, cond.lastIndexOf('t'));
            Trainer.Settings d = settings;
            settings = new Trainer.Settings(d.bits(), d.minChar(), d.maxChar(), d.epochs(), d.learningRate(), d.l2(),
                    d.sentimentL2(), d.bags(), trainerSeed);
        }
        List<Example> examples = Corpora.readDirectory(data, List.of());
        int[] all = IntStream.range(0, examples.size()).toArray();
        int[] assignment = ModelTraining.Folds.assign(examples, all, FOLDS, CrossValidation.OUTER_SALT);
        int[] train = ModelTraining.Folds.rowsNotIn(all, assignment, fold);
        int[] test = ModelTraining.Folds.rowsIn(all, assignment, fold);
        int[] pool = Arrays.stream(train).filter(r -> isPool(examples.get(r))).toArray();
        Set<Integer> poolSet = Arrays.stream(pool).boxed().collect(Collectors.toSet());
        int[] base = Arrays.stream(train).filter(r -> !poolSet.contains(r)).toArray();
        long seedIntents = Arrays.stream(base).filter(r -> examples.get(r).source() == Example.Source.INTENTS).count();
        System.err.printf("fold %d %s: %d examples, train %d (intents seed %d, pool %d), test %d%n",
                fold, cond, examples.size(), train.length, seedIntents, pool.length, test.length);
        Files.createDirectories(out.resolve("jobs"));

        int[] selected;
        if (cond.equals("M0")) {
            selected = new int[0];
        } else if (cond.equals("ALL")) {
            selected = pool;
        } else {
            List<String> poolLines = waitFor(out.resolve("pool-f" + fold + ".tsv"));
            // row \t id \t rank \t distance \t closestCall \t gold
            Map<Integer, Integer> rankOf = new HashMap<>();
            for (String line : poolLines.subList(1, poolLines.size())) {
                String[] f = line.split("\t");
                rankOf.put(Integer.parseInt(f[0]), Integer.parseInt(f[2]));
            }
            if (!rankOf.keySet().equals(poolSet)) {
                throw new IllegalStateException("pool file does not match this fold's pool");
            }
            if (cond.startsWith("U")) {
                int k = Integer.parseInt(cond.substring(1));
                selected = Arrays.stream(pool).filter(r -> rankOf.get(r) >= 0 && rankOf.get(r) < k).toArray();
            } else if (cond.startsWith("R")) {
                String[] ks = cond.substring(1).split("s");
                int k = Integer.parseInt(ks[0]);
                long seed = Long.parseLong(ks[1]);
                List<Integer> shuffled = Arrays.stream(pool).boxed().collect(Collectors.toCollection(ArrayList::new));
                Collections.shuffle(shuffled, new java.util.Random(seed * 1_000_003L + fold));
                selected = shuffled.subList(0, Math.min(k, shuffled.size())).stream().mapToInt(Integer::intValue).toArray();
            } else {
                throw new IllegalArgumentException("condition " + cond);
            }
        }
        Set<Integer> sel = Arrays.stream(selected).boxed().collect(Collectors.toSet());
        int[] rows = cond.equals("ALL")
                ? train
                : Arrays.stream(train).filter(r -> !poolSet.contains(r) || sel.contains(r)).toArray();

        ModelTraining training = new ModelTraining(settings);
        ModelTraining.Trained trained = training.fit(examples, rows);
        IntentModel model = trained.model();
        SparseFeatures[] features = trained.features();

        // score the held-out fold as CrossValidation/Evaluation do
        int[] tp = new int[INTENTS.length], fp = new int[INTENTS.length], fn = new int[INTENTS.length];
        int[][] complaint = new int[2][2];
        int items = 0;
        float complaintThreshold = model.calibration().thresholds()[Intent.COMPLAINT.ordinal()];
        for (int row : test) {
            Example e = examples.get(row);
            Prediction p = model.predict(features[row]);
            if (e.hasGoldIntents()) {
                items++;
                for (Intent intent : INTENTS) {
                    boolean predicted = p.labels().contains(intent);
                    boolean actual = e.goldLabels().contains(intent);
                    if (predicted && actual) tp[intent.ordinal()]++;
                    else if (predicted) fp[intent.ordinal()]++;
                    else if (actual) fn[intent.ordinal()]++;
                }
            }
            if (e.source() == Example.Source.COMPLAINTS && e.knows(Intent.COMPLAINT)) {
                int actual = e.is(Intent.COMPLAINT) ? 1 : 0;
                int predicted = p.probability(Intent.COMPLAINT) >= complaintThreshold ? 1 : 0;
                complaint[actual][predicted]++;
            }
        }
        int[] selGold = new int[INTENTS.length];
        Set<String> selTexts = new HashSet<>();
        for (int r : selected) {
            for (Intent i : examples.get(r).goldLabels()) selGold[i.ordinal()]++;
            selTexts.add(new String(io.apath.classifier.model.TextFeatures.normalise(examples.get(r).text())));
        }

        if (cond.equals("M0") && fullCond.equals("M0")) {
            writePool(out.resolve("pool-f" + fold + ".tsv"), examples, pool, model);
        }
        double secs = (System.nanoTime() - start) / 1e9;
        StringBuilder b = new StringBuilder();
        b.append(fold).append('\t').append(fullCond).append('\t').append(selected.length).append('\t')
                .append(selTexts.size()).append('\t').append(items).append('\t')
                .append(String.format("%.1f", secs));
        for (int[] a : new int[][] {tp, fp, fn, selGold}) {
            b.append('\t').append(Arrays.stream(a).mapToObj(Integer::toString).collect(Collectors.joining(",")));
        }
        b.append('\t').append(complaint[0][0]).append(',').append(complaint[0][1]).append(',')
                .append(complaint[1][0]).append(',').append(complaint[1][1]);
        Files.writeString(out.resolve("jobs").resolve("f" + fold + "-" + fullCond + ".tsv"), b + "\n");
        System.err.printf("fold %d %s: trained on %d rows (%d selected, %d distinct texts), %.0f s%n",
                fold, fullCond, rows.length, selected.length, selTexts.size(), secs);
    }

    /** M0 reads every pool post; the real ReviewQueue (limit = pool size) ranks them. */
    static void writePool(Path file, List<Example> examples, int[] pool, IntentModel model) throws IOException {
        ReviewQueue queue = new ReviewQueue(
                "sim", pool.length, id -> false, key -> false, List.of(), ReviewPolicy.defaults());
        Map<String, Integer> rowOfId = new HashMap<>();
        Map<Integer, Prediction> predictions = new HashMap<>();
        for (int row : pool) {
            Example e = examples.get(row);
            Prediction p = model.predict(e.text());
            predictions.put(row, p);
            String id = String.format("%06d", row); // the file has 7 repeated ids; the row is unique
            rowOfId.put(id, row);
            Mention m = new Mention(new MentionId(id), "sim", "sim", id, MentionKind.POST,
                    new Author("a" + row, "user" + row, null, null), e.text(), "en", null, null,
                    Instant.EPOCH, Instant.EPOCH);
            queue.offer(new ClassifiedMention(m, p.intents(), p.primaryIntent(),
                    new Sentiment(p.sentiment(), p.sentimentScore()), "en", "m0", false));
        }
        Map<Integer, ReviewQueue.Candidate> rank = new LinkedHashMap<>();
        List<ReviewQueue.Candidate> candidates = queue.candidates();
        Map<Integer, Integer> rankOf = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            rankOf.put(rowOfId.get(candidates.get(i).id()), i);
            rank.put(rowOfId.get(candidates.get(i).id()), candidates.get(i));
        }
        List<String> lines = new ArrayList<>();
        lines.add("row\tid\trank\tdistance\tclosestCall\tgold");
        for (int row : pool) {
            ReviewQueue.Candidate c = rank.get(row);
            lines.add(row + "\t" + examples.get(row).id() + "\t" + rankOf.getOrDefault(row, -1) + "\t"
                    + (c == null ? "" : String.format("%.4f", c.distance())) + "\t"
                    + (c == null ? "" : c.closestCall()) + "\t"
                    + examples.get(row).goldLabels().stream().map(Enum::name).collect(Collectors.joining("+")));
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static List<String> waitFor(Path file) throws Exception {
        for (int i = 0; !Files.exists(file); i++) {
            if (i % 30 == 0) System.err.println("waiting for " + file);
            Thread.sleep(2000);
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- summary

    record Job(int fold, String cond, int selected, int texts, int items, double secs,
               int[] tp, int[] fp, int[] fn, int[] selGold, int[] complaint) {}

    static int[] ints(String s) {
        return Arrays.stream(s.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    static double f1(int tp, int fp, int fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    static double[] perLabel(int[] tp, int[] fp, int[] fn) {
        double[] f = new double[tp.length];
        for (int i = 0; i < tp.length; i++) f[i] = f1(tp[i], fp[i], fn[i]);
        return f;
    }

    static double mean(double[] a) {
        return Arrays.stream(a).average().orElse(Double.NaN);
    }

    static void summary(Path out) throws IOException {
        Map<String, Map<Integer, Job>> byCond = new TreeMap<>();
        try (var files = Files.list(out.resolve("jobs"))) {
            for (Path p : files.sorted().toList()) {
                String[] f = Files.readString(p).strip().split("\t");
                Job j = new Job(Integer.parseInt(f[0]), f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                        Integer.parseInt(f[4]), Double.parseDouble(f[5]), ints(f[6]), ints(f[7]), ints(f[8]),
                        ints(f[9]), ints(f[10]));
                byCond.computeIfAbsent(j.cond(), c -> new TreeMap<>()).put(j.fold(), j);
            }
        }
        StringBuilder head = new StringBuilder("| condition | folds | added (distinct texts) | intent macro-F1 | complaint macro-F1 |");
        for (Intent i : INTENTS) head.append(' ').append(abbrev(i)).append(" |");
        head.append(" REC / CHURN / PURCH added | per-fold macro-F1 |");
        System.out.println(head);
        System.out.println("|---".repeat(head.toString().split("\\|").length - 1) + "|");
        double totalSecs = 0;
        for (Map.Entry<String, Map<Integer, Job>> c : order(byCond)) {
            int[] tp = new int[9], fp = new int[9], fn = new int[9], sg = new int[9], cm = new int[4];
            int sel = 0, texts = 0;
            List<String> perFold = new ArrayList<>();
            for (Job j : c.getValue().values()) {
                for (int i = 0; i < 9; i++) {
                    tp[i] += j.tp()[i]; fp[i] += j.fp()[i]; fn[i] += j.fn()[i]; sg[i] += j.selGold()[i];
                }
                for (int i = 0; i < 4; i++) cm[i] += j.complaint()[i];
                sel += j.selected(); texts += j.texts(); totalSecs += j.secs();
                perFold.add(String.format("%.3f", mean(perLabel(j.tp(), j.fp(), j.fn()))));
            }
            double[] f = perLabel(tp, fp, fn);
            double cf = (f1(cm[3], cm[1], cm[2]) + f1(cm[0], cm[2], cm[1])) / 2;
            StringBuilder b = new StringBuilder();
            b.append(String.format("| %s | %d | %d (%d) | %.4f | %.4f |", c.getKey(), c.getValue().size(), sel, texts,
                    mean(f), cf));
            for (double v : f) b.append(String.format(" %.3f |", v));
            b.append(String.format(" %d / %d / %d | %s |", sg[Intent.RECOMMENDATION.ordinal()],
                    sg[Intent.CHURN_RISK.ordinal()], sg[Intent.PURCHASE_INTENT.ordinal()], String.join(" ", perFold)));
            System.out.println(b);
        }
        System.out.println();
        System.out.println("gold labels of the added posts (all 9, summed over folds; a post may have two):");
        for (Map.Entry<String, Map<Integer, Job>> c : order(byCond)) {
            int[] sg = new int[9];
            for (Job j : c.getValue().values()) for (int i = 0; i < 9; i++) sg[i] += j.selGold()[i];
            StringBuilder b = new StringBuilder("  " + c.getKey() + ":");
            for (Intent i : INTENTS) b.append(' ').append(abbrev(i)).append('=').append(sg[i.ordinal()]);
            System.out.println(b);
        }
        // uncertain against the random seeds, per K: pooled macro-F1, and per fold (paired: same fold, same M0)
        System.out.println();
        Set<Integer> ks = new java.util.TreeSet<>();
        for (String c : byCond.keySet()) if (c.matches("U\\d+")) ks.add(Integer.parseInt(c.substring(1)));
        for (int k : ks) {
            Map<Integer, Job> u = byCond.get("U" + k);
            List<String> seeds = byCond.keySet().stream().filter(c -> c.startsWith("R" + k + "s")).toList();
            if (u == null || seeds.isEmpty()) continue;
            double uf = pooledMacro(u);
            double[] rf = seeds.stream().mapToDouble(c -> pooledMacro(byCond.get(c))).toArray();
            System.out.printf("K=%d: uncertain %.4f; random %s (mean %.4f, range %.4f); uncertain - random mean %+.4f%n",
                    k, uf, Arrays.stream(rf).mapToObj(v -> String.format("%.4f", v)).collect(Collectors.joining(" ")),
                    mean(rf), Arrays.stream(rf).max().getAsDouble() - Arrays.stream(rf).min().getAsDouble(),
                    uf - mean(rf));
            StringBuilder b = new StringBuilder("  per fold, uncertain - random mean:");
            for (int fold : u.keySet()) {
                double sum = 0;
                int n = 0;
                for (String c : seeds) {
                    Job j = byCond.get(c).get(fold);
                    if (j != null) { sum += mean(perLabel(j.tp(), j.fp(), j.fn())); n++; }
                }
                Job uj = u.get(fold);
                b.append(String.format(" f%d %+.3f", fold, mean(perLabel(uj.tp(), uj.fp(), uj.fn())) - sum / n));
            }
            System.out.println(b);
        }
        System.out.printf("%nCPU-side job time summed: %.0f s%n", totalSecs);
    }

    static double pooledMacro(Map<Integer, Job> jobs) {
        int[] tp = new int[9], fp = new int[9], fn = new int[9];
        for (Job j : jobs.values()) {
            for (int i = 0; i < 9; i++) { tp[i] += j.tp()[i]; fp[i] += j.fp()[i]; fn[i] += j.fn()[i]; }
        }
        return mean(perLabel(tp, fp, fn));
    }

    static List<Map.Entry<String, Map<Integer, Job>>> order(Map<String, Map<Integer, Job>> byCond) {
        List<Map.Entry<String, Map<Integer, Job>>> list = new ArrayList<>(byCond.entrySet());
        list.sort((a, b) -> key(a.getKey()).compareTo(key(b.getKey())));
        return list;
    }

    static String key(String cond) {
        if (cond.equals("M0")) return "0";
        if (cond.equals("ALL")) return "9";
        String k = cond.substring(1).split("[st]")[0];
        return String.format("1%05d%s", Integer.parseInt(k), cond);
    }

    static String abbrev(Intent i) {
        return switch (i) {
            case COMPLAINT -> "COMPL";
            case SUPPORT_REQUEST -> "SUPP";
            case PRAISE -> "PRAISE";
            case PURCHASE_INTENT -> "PURCH";
            case DEAL_SEEKING -> "DEAL";
            case RECOMMENDATION -> "REC";
            case CHURN_RISK -> "CHURN";
            case INFORMATIONAL -> "INFO";
            case IRRELEVANT -> "IRREL";
        };
    }
}
