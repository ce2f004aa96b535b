package io.apath.classifier.bench;

import io.apath.classifier.domain.LanguageIdentifier;
import io.apath.classifier.model.IntentModel;
import io.apath.classifier.model.Prediction;
import io.apath.classifier.model.SparseFeatures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * JMH: raw text → prediction with the shipped model, over the 479 varied texts of the test data (intents and SemEval samples) (real posts, so the
 * hashed weights are read from all over the table, not from a few hot cache lines). A measurement, not a test; run:
 * {@code java -cp "target/test-classes:target/classes:$(cat cp.txt)" io.apath.classifier.bench.PredictionBenchmark}
 * (see BENCHMARKS.md for the exact command).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx256m"})
public class PredictionBenchmark {

    private IntentModel model;
    private LanguageIdentifier languages;
    private String[] texts;
    private int next;

    @Setup
    public void load() throws IOException {
        model = IntentModel.fromClasspath("model/intent-model.bin");
        languages = new LanguageIdentifier(List.of("en", "es", "fr", "de", "it", "pt", "nl"), 0.8);
        texts = texts().toArray(String[]::new);
    }

    private String text() {
        String t = texts[next];
        next = next + 1 == texts.length ? 0 : next + 1;
        return t;
    }

    /** Features, 12 heads, calibration and the label rules: what the service runs per mention. */
    @Benchmark
    public Prediction predict() {
        return model.predict(text());
    }

    /** {@link #predict} plus language identification, as {@code TrainedClassifier} does. */
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

    /** The benchmark's texts (also used by {@code KafkaThroughputProbe} and {@code LanguageCostProbe}). */
    public static List<String> texts() throws IOException {
        ObjectMapper json = JsonMapper.builder().build();
        List<String> out = new ArrayList<>();
        for (String line : lines("/data/intents-train.jsonl")) {
            if (!line.isBlank()) {
                out.add(json.readTree(line).path("text").asString());
            }
        }
        for (String line : lines("/data/sentiment-train.tsv")) {
            String[] parts = line.split("\t", 3);
            if (parts.length == 3) {
                out.add(parts[2]);
            }
        }
        return out;
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = PredictionBenchmark.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder()
                        .include(PredictionBenchmark.class.getSimpleName() + "." + (args.length > 0 ? args[0] : ""))
                        .build())
                .run();
    }
}
