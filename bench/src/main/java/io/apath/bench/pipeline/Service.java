package io.apath.bench.pipeline;

/**
 * The three A-Path services as the bench starts them: their boot jar, their consumer group (to read lag), and the heap
 * they get, as deploy/helm/a-path/values.yaml gives them in a pod: 70 % of the memory limit for ingest and journey
 * (what {@code -XX:MaxRAMPercentage=70} there gives them in a container), and the classifier's own
 * {@code javaToolOptions} (a fixed small heap, serial collector). A bench run outside a container must set it
 * explicitly or the JVM would size the heap from the whole machine.
 */
public enum Service {
    INGEST("ingest-service", null, "-Xmx537m"),
    CLASSIFIER("classifier-service", "classifier-service", "-Xmx128m -XX:+UseSerialGC"),
    JOURNEY("journey-service", "journey-service", "-Xmx1434m");

    private final String module;
    private final String consumerGroup;
    private final String heap;

    Service(String module, String consumerGroup, String heap) {
        this.module = module;
        this.consumerGroup = consumerGroup;
        this.heap = heap;
    }

    public String module() {
        return module;
    }

    /** The group whose lag says how far behind the service is; null for ingest, which consumes nothing we wait on. */
    public String consumerGroup() {
        return consumerGroup;
    }

    /** Heap (and collector) options, space-separated. */
    public String heap() {
        return heap;
    }

    public String execJarName() {
        return module + "-0.1.0-SNAPSHOT-exec.jar";
    }
}
