package io.apath.classifier.domain;

import io.apath.classifier.bench.PredictionBenchmark;
import io.apath.classifier.model.IntentModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where {@code PredictionBenchmark.predictWithLanguage} spends its time, over the same texts as {@link PredictionBenchmark}: how many
 * posts the English fast path decides, and the cost of {@code predict}, {@code identify} and both, as operations per
 * second of this thread's CPU time ({@link ThreadMXBean}), which a shared machine disturbs less than wall-clock
 * throughput (other processes take turns on the core; they don't add to this thread's CPU time). 4 warm-up rounds and
 * 5 measured rounds of 3 s each. A measurement, not a test; run:
 * {@code java -cp "target/test-classes:target/classes:$(cat cp.txt)" io.apath.classifier.domain.LanguageCostProbe}
 */
public final class LanguageCostProbe {

    private LanguageCostProbe() {}

    public static void main(String[] args) throws Exception {
        String[] texts = PredictionBenchmark.texts().toArray(String[]::new);
        IntentModel model = IntentModel.fromClasspath("model/intent-model.bin");
        LanguageIdentifier languages = new LanguageIdentifier(List.of("en", "es", "fr", "de", "it", "pt", "nl"), 0.8);
        int fast = 0;
        for (String t : texts) {
            if (LanguageIdentifier.clearlyEnglish(t)) {
                fast++;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%d texts: %d (%.1f%%) decided by the English fast path, the rest by the length check or the detector%n",
                texts.length,
                fast,
                100.0 * fast / texts.length);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (String mode : List.of("predict", "identify", "predictWithLanguage")) {
            int next = 0;
            for (int round = -4; round < 5; round++) {
                long ops = 0;
                long wall0 = System.nanoTime();
                long cpu0 = threads.getCurrentThreadCpuTime();
                while (System.nanoTime() - wall0 < 3_000_000_000L) {
                    for (int k = 0; k < 100; k++) {
                        String t = texts[next];
                        next = next + 1 == texts.length ? 0 : next + 1;
                        sink += switch (mode) {
                            case "predict" -> model.predict(t).primaryIntent().ordinal();
                            case "identify" -> languages.identify(t).length();
                            default -> (languages.identify(t) + model.predict(t).primaryIntent()).length();
                        };
                    }
                    ops += 100;
                }
                double wall = (System.nanoTime() - wall0) / 1e9;
                double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
                if (round >= 0) {
                    System.out.printf(
                            Locale.ROOT,
                            "%-20s round %d: %,9.0f ops/s wall, %,9.0f ops per CPU-second (%.2f µs each);"
                                    + " load average %s%n",
                            mode,
                            round,
                            ops / wall,
                            ops / cpu,
                            cpu * 1e6 / ops,
                            Files.readString(Path.of("/proc/loadavg")).trim());
                }
            }
        }
        if (sink == 42) {
            System.out.println(); // keeps the results alive
        }
    }
}
