package io.apath.bench.jmh;

import io.apath.classifier.domain.LanguageIdentifier;
import io.apath.classifier.model.IntentModel;
import io.apath.classifier.model.Prediction;
import io.apath.classifier.model.SparseFeatures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * JMH: raw text → prediction with the classifier's shipped model, in one thread, over the 480 lines of the
 * classifier's in-repo test slice (intents and SemEval texts, the SemEval file's header {@code text} among them: real
 * posts, so the hashed weights are read from all over the table, not from a few hot cache lines). Run by the
 * {@code classifier-prediction} scenario ({@code bench/run classifier-prediction}), which sets iterations and forks;
 * the fork's heap is the classifier pod's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(jvmArgs = {"-Xmx256m"})
public class PredictionBenchmark {

    /** The languages and minimum confidence of the service's default configuration. */
    static final List<String> LANGUAGES = List.of("en", "es", "fr", "de", "it", "pt", "nl");

    private IntentModel model;
    private LanguageIdentifier languages;
    private String[] texts;
    private int next;

    @Setup
    public void load() throws IOException {
        model = IntentModel.fromClasspath("model/intent-model.bin");
        languages = new LanguageIdentifier(LANGUAGES, 0.8);
        texts = texts().toArray(String[]::new);
    }

    private String text() {
        String t = texts[next];
        next = next + 1 == texts.length ? 0 : next + 1;
        return t;
    }

    /** Features, the heads, calibration and the label rules: the model's part of what the service runs per mention. */
    @Benchmark
    public Prediction predict() {
        return model.predict(text());
    }

    /** {@link #predict} plus language identification: all the service runs per mention ({@code TrainedClassifier}). */
    @Benchmark
    public String predictWithLanguage() {
        String t = text();
        Prediction p = model.predict(t);
        return languages.identify(t) + p.primaryIntent();
    }

    /** Feature extraction alone. */
    @Benchmark
    public SparseFeatures features() {
        return model.features().extract(text());
    }

    /** The benchmark's texts: every post of the slice's intents file, then of its SemEval file. */
    public static List<String> texts() {
        ObjectMapper json = JsonMapper.builder().build();
        List<String> out = new ArrayList<>();
        for (String line : lines("intents-train.jsonl")) {
            if (!line.isBlank()) {
                out.add(json.readTree(line).path("text").asString());
            }
        }
        for (String line : lines("sentiment-train.tsv")) {
            String[] parts = line.split("\t", 3);
            if (parts.length == 3) {
                out.add(parts[2]);
            }
        }
        return out;
    }

    private static List<String> lines(String file) {
        try (InputStream in = PredictionBenchmark.class.getResourceAsStream("/prediction-texts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("prediction-texts/" + file + " is not on the bench's classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
