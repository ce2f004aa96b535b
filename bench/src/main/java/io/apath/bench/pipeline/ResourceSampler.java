package io.apath.bench.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Samples every process's RSS twice a second while a measurement runs. */
public final class ResourceSampler implements AutoCloseable {

    /**
     * RSS of one process over the window, in MiB, and the CPU time it used in the window (user + system): on a shared
     * machine CPU-seconds per mention say more about a service's cost than its rate does.
     */
    public record Rss(String process, int samples, double medianMiB, double maxMiB, double cpuSeconds) {}

    private final Supplier<List<JvmProcess>> processes;
    private final Map<String, List<Long>> samples = new LinkedHashMap<>();
    private final Map<String, Long> cpuAtStart = new LinkedHashMap<>();
    private final Map<String, JvmProcess> seen = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    public ResourceSampler(Supplier<List<JvmProcess>> processes) {
        this.processes = processes;
        for (JvmProcess p : processes.get()) {
            cpuAtStart.put(p.name(), p.cpuTicks());
            seen.put(p.name(), p);
        }
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
                JvmProcess process = seen.get(name);
                Long start = cpuAtStart.get(name);
                double cpu = process == null || start == null || start < 0
                        ? Double.NaN
                        : (process.cpuTicks() - start) / (double) JvmProcess.TICKS_PER_SECOND;
                result.add(new Rss(
                        name,
                        values.size(),
                        mib(steady.length == 0 ? 0 : steady[steady.length / 2]),
                        mib(max),
                        Math.round(cpu * 100) / 100.0));
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
