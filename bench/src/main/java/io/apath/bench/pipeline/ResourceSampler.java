package io.apath.bench.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Samples every process's RSS twice a second while a measurement runs. */
public final class ResourceSampler implements AutoCloseable {

    /** RSS of one process over the window, in MiB. */
    public record Rss(String process, int samples, double medianMiB, double maxMiB) {}

    private final Supplier<List<JvmProcess>> processes;
    private final Map<String, List<Long>> samples = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    public ResourceSampler(Supplier<List<JvmProcess>> processes) {
        this.processes = processes;
        this.thread = new Thread(this::loop, "resource-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            for (JvmProcess p : processes.get()) {
                long rss = p.rssBytes();
                if (rss > 0) {
                    synchronized (samples) {
                        samples.computeIfAbsent(p.name(), n -> new ArrayList<>())
                                .add(rss);
                    }
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops sampling; the median over the second half of the window is the steady state. */
    public List<Rss> finish() {
        close();
        List<Rss> result = new ArrayList<>();
        synchronized (samples) {
            samples.forEach((name, values) -> {
                long[] steady = values.subList(values.size() / 2, values.size()).stream()
                        .mapToLong(Long::longValue)
                        .sorted()
                        .toArray();
                long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
                result.add(new Rss(
                        name, values.size(), mib(steady.length == 0 ? 0 : steady[steady.length / 2]), mib(max)));
            });
        }
        return result;
    }

    private static double mib(long bytes) {
        return Math.round(bytes / 1048576.0 * 10) / 10.0;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
