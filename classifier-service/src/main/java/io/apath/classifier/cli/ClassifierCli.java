package io.apath.classifier.cli;

import io.apath.classifier.model.IntentModel;
import io.apath.classifier.model.Prediction;
import io.apath.classifier.training.Corpora;
import io.apath.classifier.training.CrossValidation;
import io.apath.classifier.training.Evaluation;
import io.apath.classifier.training.Example;
import io.apath.classifier.training.ModelTraining;
import io.apath.classifier.training.Trainer.Settings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The model's command line, inside the service jar ({@code java -jar classifier-service-exec.jar <command>}):
 * {@code train}, {@code evaluate}, {@code classify} and {@code bench}. No Spring, so it starts in well under a second.
 * See the service README for every option.
 */
public final class ClassifierCli {

    public static final Set<String> COMMANDS = Set.of("train", "evaluate", "classify", "bench");
    public static final String SHIPPED_MODEL = "model/intent-model.bin";

    private static final ObjectMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final ObjectMapper JSON_LINES = JsonMapper.builder().build();

    private ClassifierCli() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.in, System.out, System.err));
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0 || !COMMANDS.contains(args[0])) {
            err.println("usage: <train|evaluate|classify|bench> [options]; see classifier-service/README.md");
            return 2;
        }
        Options options = Options.parse(args);
        return switch (args[0]) {
            case "train" -> train(options, out);
            case "evaluate" -> evaluate(options, out);
            case "classify" -> classify(options, in, out);
            case "bench" -> Bench.run(loadModel(options), options, out);
            default -> 2;
        };
    }

    /** {@code train --data DIR [--corrections F]... [--out F] [--manifest F] [--seed N] [--epochs N] [--bits N] [--bags N]} */
    static int train(Options options, PrintStream out) throws IOException {
        Path data = Path.of(options.require("data"));
        List<Path> corrections =
                options.all("corrections").stream().map(Path::of).toList();
        Settings settings = options.settings();
        long start = System.nanoTime();
        List<Example> examples = Corpora.readDirectory(data, corrections);
        ModelTraining.Trained trained = new ModelTraining(settings).fit(examples);
        Path modelFile = Path.of(options.get("out", "classifier-service/src/main/resources/" + SHIPPED_MODEL));
        Files.createDirectories(modelFile.toAbsolutePath().getParent());
        Files.write(modelFile, trained.file());
        Path manifestFile = Path.of(options.get(
                "manifest",
                modelFile.resolveSibling("intent-model.manifest.json").toString()));
        ObjectNode manifest = manifest(trained.model(), settings, data, corrections, examples);
        Files.writeString(manifestFile, JSON.writeValueAsString(manifest) + "\n");
        out.printf(
                Locale.ROOT,
                "trained %s on %d examples in %.1f s → %s (%d bytes), manifest %s%n",
                trained.model().version(),
                examples.size(),
                (System.nanoTime() - start) / 1e9,
                modelFile,
                trained.file().length,
                manifestFile);
        return 0;
    }

    /**
     * {@code evaluate --data DIR [--folds 5]}: cross-validation of the whole recipe; or {@code evaluate --file F
     * [--model M]}: a trained model against one labelled file (intents JSONL, complaints/sanders/brand-emotion CSV,
     * SemEval TSV).
     */
    static int evaluate(Options options, PrintStream out) throws IOException {
        Evaluation evaluation;
        if (options.has("file")) {
            IntentModel model = loadModel(options);
            Path file = Path.of(options.require("file"));
            evaluation = new Evaluation();
            evaluation.addAll(readLabelled(file), model);
            out.printf(Locale.ROOT, "model %s on %s%n", model.version(), file);
        } else {
            Path data = Path.of(options.require("data"));
            int folds = Integer.parseInt(options.get("folds", "5"));
            List<Path> corrections =
                    options.all("corrections").stream().map(Path::of).toList();
            List<Example> examples = Corpora.readDirectory(data, corrections);
            long start = System.nanoTime();
            evaluation = new CrossValidation(new ModelTraining(options.settings()), folds)
                    .run(
                            examples,
                            fold -> out.printf(
                                    Locale.ROOT,
                                    "fold %d done at %.1f s%n",
                                    fold + 1,
                                    (System.nanoTime() - start) / 1e9));
            out.printf(
                    Locale.ROOT,
                    "%d-fold cross-validation over %s (%d examples, folds by normalised text across all files)%n",
                    folds,
                    data,
                    examples.size());
        }
        out.print(evaluation.report());
        return 0;
    }

    static List<Example> readLabelled(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".jsonl")) {
            return Corpora.readIntents(file, Example.Source.INTENTS);
        }
        if (name.endsWith(".tsv")) {
            return Corpora.readSemEval(file);
        }
        if (name.contains("sanders")) {
            return Corpora.readSanders(file);
        }
        if (name.contains("emotion")) {
            return Corpora.readBrandEmotion(file);
        }
        return Corpora.readComplaints(file);
    }

    /**
     * {@code classify [--model M] [--in F]}: JSONL {@code {"id","text"}} lines in, one JSONL prediction per line out:
     * {@code {"id","intents":{LABEL:p,...},"labels":[...],"primaryIntent","sentiment":{"label","score"},"modelVersion"}}.
     */
    static int classify(Options options, InputStream in, PrintStream out) throws IOException {
        IntentModel model = loadModel(options);
        InputStream source = options.has("in") ? Files.newInputStream(Path.of(options.require("in"))) : in;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(source, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode item = JSON_LINES.readTree(line);
                Prediction p = model.predict(item.path("text").asString(""));
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("id", item.path("id").asString(""));
                Map<String, Double> intents = new TreeMap<>();
                p.intents().forEach((k, v) -> intents.put(k.name(), v));
                result.put("intents", intents);
                result.put("labels", p.labels().stream().map(Enum::name).toList());
                result.put("primaryIntent", p.primaryIntent().name());
                result.put(
                        "sentiment",
                        Map.of(
                                "label",
                                p.sentiment().name().toLowerCase(Locale.ROOT),
                                "score",
                                Math.round(p.sentimentScore() * 10000) / 10000.0));
                result.put("modelVersion", model.version());
                out.println(JSON_LINES.writeValueAsString(result));
            }
        }
        out.flush();
        return 0;
    }

    static IntentModel loadModel(Options options) throws IOException {
        if (options.has("model")) {
            try (InputStream in = Files.newInputStream(Path.of(options.require("model")))) {
                return IntentModel.read(in);
            }
        }
        return IntentModel.fromClasspath(SHIPPED_MODEL);
    }

    private static ObjectNode manifest(
            IntentModel model, Settings settings, Path data, List<Path> corrections, List<Example> examples)
            throws IOException {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("modelVersion", model.version());
        manifest.put(
                "recipe",
                "hashed word 1-2-grams, negated words, emoji and emoticon tokens + char " + settings.minChar() + "-"
                        + settings.maxChar()
                        + "-grams + guideline cue features; logistic intent heads + softmax sentiment head (AdaGrad SGD);"
                        + " weights averaged over " + settings.bags() + " SGD runs;"
                        + " logistic calibration layer over all head scores + cues, and thresholds, fitted on "
                        + ModelTraining.CALIBRATION_FOLDS + "-fold out-of-fold scores");
        ObjectNode s = manifest.putObject("settings");
        s.put("hashBits", settings.bits());
        s.put("charNgrams", settings.minChar() + "-" + settings.maxChar());
        s.put("epochs", settings.epochs());
        s.put("learningRate", settings.learningRate());
        s.put("l2", settings.l2());
        s.put("sentimentL2", settings.sentimentL2());
        s.put("bags", settings.bags());
        s.put("seed", settings.seed());
        var files = manifest.putArray("trainingData");
        List<Path> inputs = new ArrayList<>();
        for (String name : List.of(
                Corpora.INTENTS_FILE,
                Corpora.COMPLAINTS_FILE,
                Corpora.SENTIMENT_FILE,
                Corpora.BRAND_EMOTION_FILE,
                Corpora.SANDERS_FILE)) {
            if (Files.exists(data.resolve(name))) {
                inputs.add(data.resolve(name));
            }
        }
        inputs.addAll(corrections);
        for (Path file : inputs) {
            ObjectNode f = files.addObject();
            f.put("file", file.getFileName().toString());
            f.put("sha256", sha256(file));
            f.put("bytes", Files.size(file));
        }
        ObjectNode counts = manifest.putObject("examplesBySource");
        Map<String, Integer> bySource = new TreeMap<>();
        examples.forEach(e -> bySource.merge(e.source().name(), 1, Integer::sum));
        bySource.forEach(counts::put);
        ObjectNode c = manifest.putObject("calibration");
        var thresholds = c.putObject("thresholds");
        for (io.apath.contracts.Intent intent : io.apath.contracts.Intent.values()) {
            thresholds.put(intent.name(), model.calibration().thresholds()[intent.ordinal()]);
        }
        return manifest;
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(new OutputStream() {
                    @Override
                    public void write(int b) {
                        digest.update((byte) b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        digest.update(b, off, len);
                    }
                });
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
