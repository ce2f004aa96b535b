import io.apath.classifier.training.Corpora;
import io.apath.classifier.training.CrossValidation;
import io.apath.classifier.training.Evaluation;
import io.apath.classifier.training.Example;
import io.apath.classifier.training.ModelTraining;
import io.apath.classifier.training.Trainer.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The product's 5-fold cross-validation with the session-labelled posts as {@code --extra-labels}, each at a chosen
 * weight; weight 0 keeps them out of training (no targets: the trainer skips them) but still scores them, which
 * gives the "before" figure on their posts. With SCORED.jsonl, only the extra posts whose ids it holds are scored (the
 * others train but count nowhere). Usage: SessionLabelsSim DATA_DIR EXTRA.jsonl WEIGHT [SEED [SCORED.jsonl]]
 */
public final class SessionLabelsSim {
    public static void main(String[] args) throws java.io.IOException {
        Path data = Path.of(args[0]);
        float weight = Float.parseFloat(args[2]);
        List<Example> all = Corpora.readDirectory(data, List.of(), List.of(Path.of(args[1])));
        java.util.Set<String> scored = null;
        if (args.length > 4) {
            scored = new java.util.HashSet<>();
            for (String line : java.nio.file.Files.readAllLines(Path.of(args[4]))) {
                int i = line.indexOf("\"id\": \"");
                if (i >= 0) {
                    scored.add(line.substring(i + 7, line.indexOf('"', i + 7)));
                }
            }
        }
        List<Example> examples = new ArrayList<>(all.size());
        for (Example e : all) {
            if (e.source() != Example.Source.EXTRA_LABELS) {
                examples.add(e);
                continue;
            }
            Example r = reweighted(e, weight);
            if (scored != null && !scored.contains(e.id())) {
                r = new Example(r.id(), r.source(), r.text(), r.intentTargets(), r.intentWeights(), r.sentiment(),
                        r.sentimentWeight(), List.of());
            }
            examples.add(r);
        }
        Settings d = Settings.defaults();
        Settings settings = args.length < 4 || args[3].equals("default")
                ? d
                : new Settings(d.bits(), d.minChar(), d.maxChar(), d.epochs(), d.learningRate(), d.l2(),
                        d.sentimentL2(), d.bags(), Long.parseLong(args[3]));
        Evaluation evaluation = new CrossValidation(new ModelTraining(settings), 5).run(examples, fold -> {});
        System.out.print(evaluation.report());
    }

    private static Example reweighted(Example e, float weight) {
        byte[] targets = e.intentTargets().clone();
        float[] weights = e.intentWeights().clone();
        if (weight == 0) {
            Arrays.fill(targets, Example.UNKNOWN);
            return new Example(e.id(), e.source(), e.text(), targets, new float[targets.length], -1, 0f, e.goldLabels());
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] = weight;
        }
        return new Example(e.id(), e.source(), e.text(), targets, weights, e.sentiment(), weight, e.goldLabels());
    }
}
