package io.apath.ingest;

import io.apath.localkafka.InProcessKafkaBroker;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test: a load probe until the {@code bench} module has an ingest scenario. Starts an in-process broker and one
 * ingest, then (1) closed loop: {@code threads} clients posting 100-mention arrays as fast as acknowledged, reports
 * acknowledged mentions/s; (2) open loop at {@code rate} mentions/s (default half of (1)), reports request latency
 * percentiles; thread CPU per mention of ingest, broker and probe in each. {@code -DskipClosedLoop=true -Drate=N}
 * measures only the open loop. {@code -Dingest.args="--k=v ..."} passes Spring arguments to ingest. Run: see
 * ingest-service/README.md.
 */
public final class IngestLoadProbe {

    private static final int BATCH = 100;

    public static void main(String[] args) throws Exception {
        try {
            run();
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // the broker's threads would keep the JVM alive
        }
        System.exit(0);
    }

    private static void run() throws Exception {
        int threads = Integer.parseInt(System.getProperty("threads", "8"));
        int seconds = Integer.parseInt(System.getProperty("seconds", "30"));
        Path dir = Files.createTempDirectory("ingest-probe-");
        try (InProcessKafkaBroker broker = InProcessKafkaBroker.start(dir, 0)) {
            List<String> arguments = new ArrayList<>(List.of(
                    "--server.port=0",
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN",
                    "--ingest.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                    DemoTenants.arguments(Map.of("bench", "bench-key"), Map.of())[0]));
            String extra = System.getProperty("ingest.args", "").trim(); // e.g. --ingest.kafka.producer.linger.ms=10
            if (!extra.isEmpty()) {
                arguments.addAll(List.of(extra.split("\\s+")));
            }
            ConfigurableApplicationContext ingest =
                    IngestApplication.application().run(arguments.toArray(String[]::new));
            URI url = URI.create(
                    "http://localhost:" + ingest.getEnvironment().getProperty("local.server.port") + "/v1/mentions");
            HttpClient http = HttpClient.newBuilder()
                    .executor(Executors.newFixedThreadPool(4))
                    .build();
            AtomicLong sequence = new AtomicLong();
            waitReady(http, url);

            closedLoop(http, url, sequence, threads, 10); // warm-up: JIT, connections, producer batches
            double rate = Double.NaN;
            if (!Boolean.getBoolean("skipClosedLoop")) {
                double load = loadAverage();
                Map<String, Long> cpuBefore = cpuByPart();
                long sentBefore = sequence.get();
                rate = closedLoop(http, url, sequence, threads, seconds);
                System.out.printf(
                        "closed loop: %d threads, %d-mention arrays, %d s: %,.0f acknowledged mentions/s"
                                + " (load average %.1f before, %.1f after)%n",
                        threads, BATCH, seconds, rate, load, loadAverage());
                printCpu("closed loop", cpuBefore, sequence.get() - sentBefore);
            }

            double target = Double.parseDouble(System.getProperty("rate", Double.toString(rate / 2)));
            double load = loadAverage();
            Map<String, Long> cpuBefore = cpuByPart();
            long sentBefore = sequence.get();
            long[] latencies = openLoop(http, url, sequence, target, seconds);
            Arrays.sort(latencies);
            System.out.printf(
                    "open loop at %,.0f mentions/s (%,.0f req/s) for %d s: %d requests, p50 %.1f ms,"
                            + " p99 %.1f ms, max %.1f ms (load average %.1f before, %.1f after)%n",
                    target,
                    target / BATCH,
                    seconds,
                    latencies.length,
                    pct(latencies, 50),
                    pct(latencies, 99),
                    latencies[latencies.length - 1] / 1e6,
                    load,
                    loadAverage());
            printCpu("open loop", cpuBefore, sequence.get() - sentBefore);
            ingest.close();
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Thread CPU per mention: far less sensitive to a busy machine than rates, comparable at the same offered rate. */
    private static void printCpu(String phase, Map<String, Long> before, long mentions) {
        StringBuilder cpu = new StringBuilder("  CPU per mention, " + phase + ":");
        Map<String, Long> after = cpuByPart();
        after.forEach((part, nanos) -> {
            if (!part.startsWith("~")) {
                cpu.append(
                        String.format(" %s %.1f µs,", part, (nanos - before.getOrDefault(part, 0L)) / 1e3 / mentions));
            }
        });
        System.out.println(cpu.substring(0, cpu.length() - 1) + " (ingest = Tomcat + ingest's Kafka clients); GC: "
                + (after.get(GC_COUNT) - before.get(GC_COUNT)) + " collections, "
                + (after.get(GC_MILLIS) - before.get(GC_MILLIS)) + " ms");
    }

    private static final String GC_COUNT = "~gc-count";
    private static final String GC_MILLIS = "~gc-millis";

    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (var bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(bean.getCollectionCount(), 0);
            millis += Math.max(bean.getCollectionTime(), 0);
        }
        return new long[] {count, millis};
    }

    /**
     * CPU time used so far by the threads of each part of this JVM: ingest (its HTTP threads, followers and producer),
     * the broker, and this probe's own clients (plus JVM threads: GC and JIT are not threads Java can see).
     */
    private static Map<String, Long> cpuByPart() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> parts = new TreeMap<>();
        for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = mx.getThreadCpuTime(info.getThreadId());
            if (nanos < 0) {
                continue;
            }
            String name = info.getThreadName();
            String part =
                    name.startsWith("http-nio") || name.startsWith("ingest-") || name.endsWith("| ingest-mentions")
                            ? "ingest"
                            : name.startsWith("pool-") || name.startsWith("HttpClient") || name.equals("main")
                                    ? "probe"
                                    : "broker";
            parts.merge(part, nanos, Long::sum);
        }
        long[] gc = gc();
        parts.put(GC_COUNT, gc[0]);
        parts.put(GC_MILLIS, gc[1]);
        return parts;
    }

    private static double pct(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
    }

    private static void waitReady(HttpClient http, URI url) throws Exception {
        URI ready = url.resolve("/actuator/health/readiness");
        for (int i = 0; i < 600; i++) {
            if (http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("ingest not ready");
    }

    private static HttpRequest batch(URI url, AtomicLong sequence) {
        StringBuilder json = new StringBuilder(BATCH * 330).append('[');
        for (int i = 0; i < BATCH; i++) {
            long n = sequence.incrementAndGet();
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"platform\":\"x\",\"nativeId\":\"p-")
                    .append(n)
                    .append("\",\"kind\":\"POST\",\"author\":{\"id\":\"u")
                    .append(n % 50_000)
                    .append("\",\"handle\":\"@u")
                    .append(n % 50_000)
                    .append("\",\"followers\":42},\"text\":\"Ordered from the shop on Monday, still waiting for")
                    .append(" the parcel, can someone help? #order")
                    .append(n)
                    .append("\",\"lang\":\"en\",\"url\":\"https://x.example/u/")
                    .append(n)
                    .append("\",\"createdAt\":\"2026-10-01T09:00:00Z\"}");
        }
        return HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer bench-key")
                .POST(HttpRequest.BodyPublishers.ofString(json.append(']').toString()))
                .build();
    }

    private static double closedLoop(HttpClient http, URI url, AtomicLong sequence, int threads, int seconds)
            throws Exception {
        AtomicLong acknowledged = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    HttpResponse<String> r = http.send(batch(url, sequence), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 202) {
                        throw new IllegalStateException(r.statusCode() + " " + r.body());
                    }
                    acknowledged.addAndGet(BATCH);
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
        return acknowledged.get() / ((System.nanoTime() - started) / 1e9);
    }

    /** Requests start on schedule whether or not earlier ones finished (no coordinated omission). */
    private static long[] openLoop(HttpClient http, URI url, AtomicLong sequence, double mentionsPerSecond, int seconds)
            throws Exception {
        long intervalNanos = (long) (1e9 * BATCH / mentionsPerSecond);
        int requests = (int) (seconds * 1e9 / intervalNanos);
        List<java.util.concurrent.CompletableFuture<Long>> results = new ArrayList<>();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
        long start = System.nanoTime() + 100_000_000;
        for (int i = 0; i < requests; i++) {
            long due = start + i * intervalNanos;
            HttpRequest request = batch(url, sequence);
            java.util.concurrent.CompletableFuture<Long> latency = new java.util.concurrent.CompletableFuture<>();
            results.add(latency);
            scheduler.schedule(
                    () -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                            .whenComplete((r, e) -> {
                                if (e != null || r.statusCode() != 202) {
                                    latency.completeExceptionally(
                                            e != null ? e : new IllegalStateException("" + r.statusCode()));
                                } else {
                                    latency.complete(System.nanoTime() - due);
                                }
                            }),
                    due - System.nanoTime(),
                    TimeUnit.NANOSECONDS);
        }
        long[] out = new long[requests];
        int failed = 0;
        for (int i = 0; i < requests; i++) {
            try {
                out[i] = results.get(i).get(120, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                failed++; // a 503 (broker ack over ingest's timeout) or an I/O error: counted, and as slow as possible
                out[i] = Long.MAX_VALUE;
            }
        }
        scheduler.shutdown();
        if (failed > 0) {
            System.out.printf("open loop: %d of %d requests failed (counted as slowest)%n", failed, requests);
        }
        return out;
    }

    private IngestLoadProbe() {}
}
