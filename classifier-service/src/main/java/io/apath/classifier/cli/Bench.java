package io.apath.classifier.cli;

import io.apath.classifier.domain.LanguageIdentifier;
import io.apath.classifier.model.IntentModel;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench [--model M] [--seconds N] [--threads N]}: raw text → prediction throughput on a fixed mix of post
 * texts, after a warm-up, plus the heap the loaded model holds. A measurement command, not a test.
 */
final class Bench {

    static final List<String> TEXTS = List.of(
            "@united 3 hours on hold and still no answer. worst airline ever, never flying with you again",
            "Loving my new iPad 2, thanks @Apple! best purchase this year #sxsw",
            "can I return online purchases in store? need to check my order status",
            "any promo codes for the Google party tonight? giving away free t-shirts at the booth",
            "if you fly to NYC take @JetBlue, you should try their snacks",
            "Apple to announce iPhone 5 next week http://t.co/abc",
            "apple pie recipe with cinnamon and brown sugar",
            "need to upgrade my phone, thinking iPhone 4S or maybe the Galaxy");

    private Bench() {}

    static int run(IntentModel model, Options options, PrintStream out) throws InterruptedException {
        out.printf(Locale.ROOT, "model loaded in %d ms%n", loadMillis(options));
        double seconds = Double.parseDouble(options.get("seconds", "10"));
        int threads = Integer.parseInt(options.get("threads", "1"));
        Runtime rt = Runtime.getRuntime();
        System.gc();
        out.printf(
                Locale.ROOT,
                "model %s, %d hash buckets x %d heads; heap used after load %.1f MB%n",
                model.version(),
                model.features().dimension(),
                IntentModel.HEADS,
                (rt.totalMemory() - rt.freeMemory()) / 1e6);
        // --language true adds language identification, as the service does per mention
        LanguageIdentifier languages = Boolean.parseBoolean(options.get("language", "false"))
                ? new LanguageIdentifier(List.of("en", "es", "fr", "de", "it", "pt", "nl"), 0.8)
                : null;
        loop(model, languages, (long) (seconds * 0.3e9)); // warm-up: let the JIT compile the hot path
        long[] counts = new long[threads];
        long[] cpu = new long[threads];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Thread[] workers = new Thread[threads];
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers[t] = new Thread(() -> {
                long cpuStart = mx.getCurrentThreadCpuTime();
                counts[id] = loop(model, languages, (long) (seconds * 1e9));
                cpu[id] = mx.getCurrentThreadCpuTime() - cpuStart;
            });
            workers[t].start();
        }
        long total = 0;
        long cpuNanos = 0;
        for (int t = 0; t < threads; t++) {
            workers[t].join();
            total += counts[t];
            cpuNanos += cpu[t];
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        out.printf(
                Locale.ROOT,
                "%d thread(s): %d predictions in %.1f s = %.0f mentions/s (%.0f per thread), mean %.2f µs each%n",
                threads,
                total,
                elapsed,
                total / elapsed,
                total / elapsed / threads,
                elapsed * 1e6 * threads / total);
        // on a shared machine wall-clock rates say more about the neighbours than the model: CPU time is per core
        out.printf(
                Locale.ROOT,
                "per CPU-second of the benchmark threads: %.0f mentions/s per core (%.2f µs CPU each)%n",
                total / (cpuNanos / 1e9),
                cpuNanos / 1e3 / total);
        return 0;
    }

    private static long loadMillis(Options options) {
        long start = System.nanoTime();
        try {
            ClassifierCli.loadModel(options);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long loop(IntentModel model, LanguageIdentifier languages, long nanos) {
        long end = System.nanoTime() + nanos;
        long n = 0;
        int sink = 0;
        while (System.nanoTime() < end) {
            for (String text : TEXTS) {
                sink += model.predict(text).primaryIntent().ordinal();
                if (languages != null) {
                    sink += languages.identify(text).length();
                }
                n++;
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
        return n;
    }
}
