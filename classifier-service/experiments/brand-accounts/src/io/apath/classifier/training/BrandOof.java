package io.apath.classifier.training;

import io.apath.classifier.model.BrandAccounts;
import io.apath.classifier.model.IntentModel;
import io.apath.classifier.model.Prediction;
import io.apath.contracts.Intent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Throwaway: out-of-fold predictions of the outer CV (the folds of {@code evaluate}) for every intents/complaints row,
 * as TSV in the format of ../handles/OofDump, with the product's training ({@code ModelTraining.fit(examples, rows)}:
 * brand accounts learnt from the training rows only).
 * <ul>
 *   <li>{@code -Dexp.groupByHandle=true}: every row that names a handle goes to the fold of its first handle, so each
 *       brand account's posts are held out together (a brand the model never saw);
 *   <li>{@code -Dexp.tenantAccounts=true}: the held-out posts are read with every account the rule finds in the whole
 *       data added as a tenant's own ({@code IntentModel.withBrandAccounts}), as a brand that configured its accounts
 *       would have them;
 *   <li>{@code -Dexp.unconfigured=first|all|service} (2026-12-07): each held-out post is also read with, as brand
 *       accounts, the handle it opens with ({@code first}), every handle it names ({@code all}), or as the service reads
 *       a tenant without {@code brand-handles} ({@code service}: {@link BrandAccounts#OPENING_HANDLE}).
 * </ul>
 */
public final class BrandOof {

    public static void main(String[] args) throws Exception {
        // args[2..]: extra labelled posts (--extra-labels), trained on as evaluate does and never written out
        List<Path> extraLabels = Arrays.stream(args).skip(2).map(Path::of).toList();
        List<Example> examples = Corpora.readDirectory(Path.of(args[0]), List.of(), extraLabels);
        ModelTraining training = new ModelTraining(Trainer.Settings.defaults());
        int[] all = IntStream.range(0, examples.size()).toArray();
        int folds = 5;
        int[] assignment = ModelTraining.Folds.assign(examples, all, folds, CrossValidation.OUTER_SALT);
        if (Boolean.getBoolean("exp.groupByHandle")) {
            Pattern handle = Pattern.compile("(?<![A-Za-z0-9_])@([A-Za-z0-9_]+)");
            for (int r : all) {
                String text = examples.get(r).text() == null ? "" : examples.get(r).text();
                Matcher m = handle.matcher(text);
                if (m.find() && !m.group(1).equalsIgnoreCase("mention")) {
                    assignment[r] = ModelTraining.Folds.foldOf(
                            "handle " + m.group(1).toLowerCase(Locale.ROOT), folds, CrossValidation.OUTER_SALT);
                }
            }
        }
        BrandAccounts tenants = Boolean.getBoolean("exp.tenantAccounts")
                ? ModelTraining.brandAccounts(examples, all)
                : BrandAccounts.NONE;
        try (PrintWriter out = new PrintWriter(args[1], "UTF-8")) {
            for (int fold = 0; fold < folds; fold++) {
                int[] train = ModelTraining.Folds.rowsNotIn(all, assignment, fold);
                int[] test = ModelTraining.Folds.rowsIn(all, assignment, fold);
                IntentModel model = training.fit(examples, train).model().withBrandAccounts(tenants);
                float[] t = model.calibration().thresholds();
                for (int row : test) {
                    Example e = examples.get(row);
                    if (e.source() == Example.Source.EXTRA_LABELS
                            || (!e.hasGoldIntents() && e.source() != Example.Source.COMPLAINTS)) {
                        continue;
                    }
                    String mode = System.getProperty("exp.unconfigured", "none");
                    IntentModel reader = model;
                    if (mode.equals("service")) {
                        reader = model.withBrandAccounts(BrandAccounts.OPENING_HANDLE);
                    } else if (!mode.equals("none")) {
                        java.util.List<String> handles = new java.util.ArrayList<>();
                        Matcher hm = Pattern.compile("(?<![A-Za-z0-9_])@([A-Za-z0-9_]+)").matcher(e.text() == null ? "" : e.text());
                        boolean opens = e.text() != null && e.text().stripLeading().startsWith("@");
                        while (hm.find()) {
                            if (!hm.group(1).equalsIgnoreCase("mention")) handles.add(hm.group(1));
                            if (mode.equals("first")) break;
                        }
                        if (mode.equals("first") && !opens) handles.clear();
                        if (!handles.isEmpty()) reader = model.withBrandAccounts(BrandAccounts.of(handles));
                    }
                    Prediction p = reader.predict(e.text());
                    StringBuilder b = new StringBuilder();
                    b.append(fold).append('\t').append(e.source()).append('\t').append(e.id()).append('\t');
                    b.append(e.hasGoldIntents() ? e.goldLabels().toString() : (e.is(Intent.COMPLAINT) ? "C1" : "C0"))
                            .append('\t');
                    b.append(p.labels()).append('\t');
                    for (int i = 0; i < IntentModel.INTENTS; i++) {
                        b.append(String.format("%.4f", p.intentProbabilities()[i])).append(i < 8 ? "," : "\t");
                    }
                    for (int i = 0; i < IntentModel.INTENTS; i++) {
                        b.append(String.format("%.4f", t[i])).append(i < 8 ? "," : "\t");
                    }
                    b.append(e.text().replace('\t', ' ').replace('\n', ' '));
                    out.println(b);
                }
                System.err.println("fold " + fold + " done");
            }
        }
    }
}
