package io.apath.classifier.cli;

import io.apath.classifier.encoder.BgeSmallEncoder;
import io.apath.classifier.model.BrandAccounts;
import io.apath.classifier.model.IntentModel;
import io.apath.classifier.model.Prediction;
import io.apath.classifier.model.SecondOpinion;
import io.apath.classifier.model.StackedHeads;
import io.apath.classifier.training.Corpora;
import io.apath.classifier.training.CrossValidation;
import io.apath.classifier.training.Embeddings;
import io.apath.classifier.training.Evaluation;
import io.apath.classifier.training.Example;
import io.apath.classifier.training.ModelTraining;
import io.apath.classifier.training.SecondOpinionTraining;
import io.apath.classifier.training.Trainer.Settings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
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
import java.util.stream.IntStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The model's command line, inside the service jar ({@code java -jar classifier-service-exec.jar <command>}):
 * {@code train}, {@code evaluate}, {@code classify}, {@code bench}, and the labelling loop's {@code review-queue} and
 * {@code corrections} ({@link LabellingCommands}). No Spring, so it starts in well under a second.
 * See the service README for every option.
 */
public final class ClassifierCli {

    public static final Set<String> COMMANDS =
            Set.of("train", "evaluate", "classify", "bench", "corrections", "review-queue");
    public static final String SHIPPED_MODEL = "model/intent-model.bin";
    public static final String SECOND_OPINION_FILE = "second-opinion.bin";
    public static final String SHIPPED_SECOND_OPINION = "model/" + SECOND_OPINION_FILE;

    private static final ObjectMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final ObjectMapper JSON_LINES = JsonMapper.builder().build();
    private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

    private ClassifierCli() {}

    public static void main(String[] args) throws Exception {
        if (System.getProperty(LOGBACK_CONFIGURATION) == null) {
            // before any library asks for a logger: without it logback logs everything at DEBUG to stdout, into the
            // results (the Kafka client of `corrections`, for one)
            System.setProperty(LOGBACK_CONFIGURATION, "classifier-cli-logback.xml");
        }
        int status;
        try {
            status = run(args, System.in, System.out, System.err);
        } catch (IllegalArgumentException e) {
            // a usage error (a missing or bad option): the message says which, a stack trace would only bury it
            System.err.println("error: " + e.getMessage());
            status = 2;
        } catch (IllegalStateException | UncheckedIOException | IOException e) {
            // the outside world (a file, the cluster): the message and its causes, one line each
            System.err.println("error: " + messages(e));
            status = 1;
        }
        System.exit(status);
    }

    /** A failure's message, then each cause's on a line of its own: an error a user can read, without a stack trace. */
    static String messages(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("\n  caused by ")
                    .append(cause.getClass().getSimpleName())
                    .append(": ")
                    .append(cause.getMessage());
        }
        return text.toString();
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0 || !COMMANDS.contains(args[0])) {
            err.println("usage: <train|evaluate|classify|bench|corrections|review-queue> [options]; see "
                    + "classifier-service/README.md");
            return 2;
        }
        Options options = Options.parse(args);
        return switch (args[0]) {
            case "train" -> train(options, out);
            case "evaluate" -> evaluate(options, out);
            case "classify" -> classify(options, in, out);
            case "bench" -> Bench.run(loadModel(options), options, out);
            case "corrections" -> LabellingCommands.corrections(options, out, err);
            case "review-queue" -> LabellingCommands.reviewQueue(options, out, err);
            default -> 2;
        };
    }

    /**
     * {@code train --data DIR [--corrections F]... [--extra-labels F]... [--out F] [--manifest F] [--seed N] [--epochs N]
     * [--bits N] [--bags N]
     * [--second-opinion on [--second-opinion-out F] [--encoder-threads N]]}
     */
    static int train(Options options, PrintStream out) throws IOException {
        Path data = Path.of(options.require("data"));
        List<Path> corrections = paths(options, "corrections");
        List<Path> extraLabels = paths(options, "extra-labels");
        Settings settings = options.settings();
        long start = System.nanoTime();
        List<Example> examples = Corpora.readDirectory(data, corrections, extraLabels);
        ModelTraining.Trained trained = new ModelTraining(settings).fit(examples);
        Path modelFile = Path.of(options.get("out", "classifier-service/src/main/resources/" + SHIPPED_MODEL));
        Files.createDirectories(modelFile.toAbsolutePath().getParent());
        Files.write(modelFile, trained.file());
        Path manifestFile = Path.of(options.get(
                "manifest",
                modelFile.resolveSibling("intent-model.manifest.json").toString()));
        ObjectNode manifest = manifest(trained.model(), settings, data, corrections, extraLabels, examples);
        if (secondOpinion(options)) {
            Path headsFile = Path.of(options.get(
                    "second-opinion-out",
                    modelFile.resolveSibling(SECOND_OPINION_FILE).toString()));
            try (BgeSmallEncoder encoder = new BgeSmallEncoder(1)) {
                SecondOpinionTraining.Fitted fitted = SecondOpinionTraining.fit(
                        examples,
                        trained.features(),
                        trained,
                        IntStream.range(0, examples.size()).toArray(),
                        new Embeddings(encoder, encoderThreads(options)));
                Files.write(headsFile, fitted.file());
                ObjectNode so = manifest.putObject("secondOpinion");
                so.put("version", fitted.heads().version());
                so.put("file", headsFile.getFileName().toString());
                so.put("encoder", fitted.heads().encoder());
                so.put("baseModelVersion", fitted.heads().baseModelVersion());
                so.put("trainingRows", fitted.rows());
                so.put("trainingRowsAre", "hand-labelled posts (all heads) + complaints corpus (COMPLAINT head)");
                so.put("l2", SecondOpinionTraining.L2);
                var t = so.putObject("thresholds");
                for (io.apath.contracts.Intent intent : io.apath.contracts.Intent.values()) {
                    t.put(intent.name(), fitted.heads().threshold(intent));
                }
                out.printf(
                        Locale.ROOT,
                        "second opinion %s on %d labelled posts → %s (%d bytes)%n",
                        fitted.heads().version(),
                        fitted.rows(),
                        headsFile,
                        fitted.file().length);
            }
        }
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
     * {@code evaluate --data DIR [--folds 5] [--corrections F]... [--extra-labels F]... [--second-opinion on
     * [--route-below P] [--route-margin M]]}: cross-validation of the whole recipe (with the second opinion trained inside
     * each fold; extra-labelled posts scored apart); or {@code evaluate
     * --file F [--model M] [--brand-accounts H,H]}: a trained model against one labelled file (intents JSONL,
     * complaints/sanders/brand-emotion CSV, SemEval TSV).
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
            List<Example> examples =
                    Corpora.readDirectory(data, paths(options, "corrections"), paths(options, "extra-labels"));
            long start = System.nanoTime();
            BgeSmallEncoder encoder = secondOpinion(options) ? new BgeSmallEncoder(1) : null;
            try {
                CrossValidation.SecondOpinionSetup setup = encoder == null
                        ? null
                        : new CrossValidation.SecondOpinionSetup(
                                new Embeddings(encoder, encoderThreads(options)),
                                routeBelow(options),
                                routeMargin(options));
                evaluation = new CrossValidation(new ModelTraining(options.settings()), folds)
                        .run(
                                examples,
                                fold -> out.printf(
                                        Locale.ROOT,
                                        "fold %d done at %.1f s%n",
                                        fold + 1,
                                        (System.nanoTime() - start) / 1e9),
                                setup);
            } finally {
                if (encoder != null) {
                    encoder.close();
                }
            }
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

    /** The files of a repeatable option ({@code --corrections a --corrections b}). */
    private static List<Path> paths(Options options, String name) {
        return options.all(name).stream().map(Path::of).toList();
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
     * {@code classify [--model M] [--brand-accounts H,H] [--opening-handle on] [--in F] [--second-opinion on [--heads F]]}: JSONL
     * {@code {"id","text"}} lines in, one JSONL prediction per line out:
     * {@code {"id","intents":{LABEL:p,...},"labels":[...],"primaryIntent","sentiment":{"label","score"},"modelVersion"}}.
     */
    static int classify(Options options, InputStream in, PrintStream out) throws IOException {
        IntentModel model = loadModel(options);
        try (BgeSmallEncoder encoder = secondOpinion(options) ? new BgeSmallEncoder(encoderThreads(options)) : null) {
            SecondOpinion opinion = encoder == null ? null : secondOpinion(options, model, encoder);
            classify(model, opinion, options, in, out);
        }
        return 0;
    }

    private static void classify(
            IntentModel model, SecondOpinion opinion, Options options, InputStream in, PrintStream out)
            throws IOException {
        InputStream source = options.has("in") ? Files.newInputStream(Path.of(options.require("in"))) : in;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(source, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode item = inputItem(line, number);
                String text = item.get("text").asString();
                Prediction p = model.predict(text);
                String version = model.version();
                if (opinion != null && opinion.wants(p)) {
                    p = opinion.reconsider(text, p);
                    version = opinion.modelVersion(version);
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("id", item.get("id").asString());
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
                result.put("modelVersion", version);
                out.println(JSON_LINES.writeValueAsString(result));
            }
        }
        out.flush();
    }

    /**
     * One {@code {"id","text"}} line (other fields are ignored). A line without them would be classified as an empty
     * post, or answered without the id that joins it to its input, so it stops the run, naming its line.
     */
    private static JsonNode inputItem(String line, int number) {
        JsonNode item;
        try {
            item = JSON_LINES.readTree(line);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("input line " + number
                    + " is not JSON (one {\"id\",\"text\"} object per line): " + e.getOriginalMessage());
        }
        if (item == null || !item.isObject()) {
            throw new IllegalArgumentException(
                    "input line " + number + " is not a JSON object (one {\"id\",\"text\"} object per line)");
        }
        JsonNode id = item.get("id");
        if (id == null
                || !(id.isString() || id.isIntegralNumber())
                || id.asString().isEmpty()) {
            throw new IllegalArgumentException("input line " + number + " has no \"id\" (a string or an integer)");
        }
        JsonNode text = item.get("text");
        if (text == null || !text.isString()) {
            throw new IllegalArgumentException(
                    "input line " + number + " (id " + id.asString() + ") has no \"text\" string");
        }
        return item;
    }

    private static boolean secondOpinion(Options options) {
        return onOff(options, "second-opinion");
    }

    /** {@code --name on|off}, off when not given. */
    private static boolean onOff(Options options, String name) {
        String value = options.get(name, "off");
        if (!value.equals("on") && !value.equals("off")) {
            throw new IllegalArgumentException("--" + name + " takes on or off, not " + value);
        }
        return value.equals("on");
    }

    private static double routeBelow(Options options) {
        return Double.parseDouble(options.get("route-below", String.valueOf(SecondOpinion.DEFAULT_BELOW_CONFIDENCE)));
    }

    private static double routeMargin(Options options) {
        return Double.parseDouble(options.get("route-margin", String.valueOf(SecondOpinion.DEFAULT_WITHIN_MARGIN)));
    }

    private static int encoderThreads(Options options) {
        return Integer.parseInt(options.get(
                "encoder-threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
    }

    private static SecondOpinion secondOpinion(Options options, IntentModel model, BgeSmallEncoder encoder)
            throws IOException {
        StackedHeads heads;
        if (options.has("heads")) {
            try (InputStream in = Files.newInputStream(Path.of(options.require("heads")))) {
                heads = StackedHeads.read(in);
            }
        } else {
            heads = StackedHeads.fromClasspath(SHIPPED_SECOND_OPINION);
        }
        if (!heads.baseModelVersion().equals(model.version())) {
            throw new IllegalArgumentException("second-opinion heads " + heads.version() + " were trained beside model "
                    + heads.baseModelVersion() + ", not " + model.version() + "; retrain them with train"
                    + " --second-opinion on");
        }
        return new SecondOpinion(heads, encoder, routeBelow(options), routeMargin(options));
    }

    /**
     * {@code --model F} or the shipped model, reading the handles of {@code --brand-accounts H,H} (the brand's own
     * accounts, comma-separated, with or without @) as brand accounts beside the ones it learnt; with
     * {@code --opening-handle on}, also the handle a post opens with, as the service reads the mentions of a tenant
     * without {@code brand-handles}.
     */
    static IntentModel loadModel(Options options) throws IOException {
        IntentModel model;
        if (options.has("model")) {
            Path file = Path.of(options.require("model"));
            try (InputStream in = Files.newInputStream(file)) {
                model = IntentModel.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read model file " + file, e);
            }
        } else {
            model = IntentModel.fromClasspath(SHIPPED_MODEL);
        }
        BrandAccounts accounts = BrandAccounts.of(options.brandAccounts());
        return model.withBrandAccounts(
                onOff(options, "opening-handle") ? accounts.and(BrandAccounts.OPENING_HANDLE) : accounts);
    }

    private static ObjectNode manifest(
            IntentModel model,
            Settings settings,
            Path data,
            List<Path> corrections,
            List<Path> extraLabels,
            List<Example> examples)
            throws IOException {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("modelVersion", model.version());
        manifest.put(
                "recipe",
                "hashed word 1-2-grams, negated words, emoji and emoticon tokens + char " + settings.minChar() + "-"
                        + settings.maxChar()
                        + "-grams + @handles (whole and as char n-grams; known brand accounts written ~b, other handles ~a)"
                        + " + guideline cue features; logistic intent heads + softmax sentiment head (AdaGrad SGD);"
                        + " weights averaged over " + settings.bags() + " SGD runs;"
                        + " logistic calibration layer over all head scores + cues, and thresholds, fitted on "
                        + ModelTraining.CALIBRATION_FOLDS + "-fold out-of-fold scores");
        ObjectNode brands = manifest.putObject("brandAccounts");
        brands.put("count", model.features().brands().size());
        brands.put(
                "rule",
                "handles that open at least " + BrandAccounts.MIN_POSTS
                        + " posts of the complaints corpus and the hand-labelled posts (@mention, the SXSW placeholder,"
                        + " excepted); the list is in the model file");
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
        inputs.addAll(extraLabels);
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
