package io.apath.localstack;

import io.apath.classifier.ClassifierApplication;
import io.apath.ingest.DemoTenants;
import io.apath.ingest.IngestApplication;
import io.apath.journey.JourneyApplication;
import io.apath.tenantkeys.ApiKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three A-Path services, each its own Spring application context, in this JVM, pointed at one broker. Started
 * downstream first (journey, classifier, ingest) so nothing is produced before its consumer exists — though nothing
 * would be lost either way: consumers start from the earliest offset of a new group.
 */
public final class PipelineServices implements AutoCloseable {

    /** Ports of the three HTTP servers; 0 picks a free one. */
    public record Ports(int ingest, int classifier, int journey) {
        public static final Ports DEMO = new Ports(8081, 8082, 8083);
        public static final Ports ANY = new Ports(0, 0, 0);
    }

    /** Ingest reads its idempotency window and the suppressions first; a large backlog of either takes a while. */
    private static final Duration READY_WITHIN = Duration.ofMinutes(2);

    private final List<ConfigurableApplicationContext> contexts;
    private final URI ingestUrl;
    private final URI classifierUrl;
    private final URI journeyUrl;

    private PipelineServices(
            List<ConfigurableApplicationContext> contexts, URI ingestUrl, URI classifierUrl, URI journeyUrl) {
        this.contexts = contexts;
        this.ingestUrl = ingestUrl;
        this.classifierUrl = classifierUrl;
        this.journeyUrl = journeyUrl;
    }

    /** With the demo tenants of the sample file ({@link DemoTenants}). */
    public static PipelineServices start(String bootstrapServers, Ports ports, Path journeyStateDir) {
        return start(bootstrapServers, ports, journeyStateDir, DemoTenants.API_KEYS);
    }

    /**
     * Returns once all three answer their readiness probes, so a mention posted next is taken.
     *
     * @param apiKeys tenant → API key that ingest accepts for that tenant
     */
    public static PipelineServices start(
            String bootstrapServers, Ports ports, Path journeyStateDir, Map<String, String> apiKeys) {
        List<ConfigurableApplicationContext> contexts = new ArrayList<>();
        try {
            List<String> journeyArgs = new ArrayList<>(journeyTenantArguments(apiKeys));
            journeyArgs.add("--spring.cloud.stream.kafka.streams.binder.brokers=" + bootstrapServers);
            journeyArgs.add("--spring.cloud.stream.kafka.streams.binder.configuration.state.dir=" + journeyStateDir);
            ConfigurableApplicationContext journey =
                    run(JourneyApplication.application(), ports.journey(), journeyArgs.toArray(String[]::new));
            contexts.add(journey);
            List<String> classifierArgs = new ArrayList<>(classifierTenantArguments(apiKeys));
            classifierArgs.add("--spring.cloud.stream.kafka.binder.brokers=" + bootstrapServers);
            ConfigurableApplicationContext classifier =
                    run(ClassifierApplication.application(), ports.classifier(), classifierArgs.toArray(String[]::new));
            contexts.add(classifier);
            List<String> ingestArgs =
                    new ArrayList<>(List.of(DemoTenants.arguments(apiKeys, DemoTenants.WEBHOOK_SECRETS)));
            ingestArgs.add("--spring.cloud.stream.kafka.binder.brokers=" + bootstrapServers);
            ConfigurableApplicationContext ingest =
                    run(IngestApplication.application(), ports.ingest(), ingestArgs.toArray(String[]::new));
            contexts.add(ingest);
            Map<String, URI> urls = new LinkedHashMap<>();
            urls.put("journey", url(journey));
            urls.put("classifier", url(classifier));
            urls.put("ingest", url(ingest));
            awaitReady(urls, READY_WITHIN);
            return new PipelineServices(contexts, urls.get("ingest"), urls.get("classifier"), urls.get("journey"));
        } catch (RuntimeException e) {
            contexts.forEach(ConfigurableApplicationContext::close);
            throw e;
        }
    }

    /**
     * The same tenant keys work for journey's query API and funnel page as for ingest; each tenant's own account is
     * {@code @<tenant>} (the samples' brand replies come from it and answer complaints).
     */
    private static List<String> journeyTenantArguments(Map<String, String> apiKeys) {
        return new TreeMap<>(apiKeys)
                .entrySet().stream()
                        .flatMap(e -> Stream.of(
                                "--apath.journey.tenants." + e.getKey() + ".api-key-sha256[0]="
                                        + ApiKeys.hash(e.getValue()),
                                "--apath.journey.tenants." + e.getKey() + ".brand-handles[0]=@" + e.getKey()))
                        .toList();
    }

    /**
     * The same tenant keys let a tenant's reviewers post label corrections to the classifier, and the same brand
     * account {@code @<tenant>} tells it which posts are addressed to the brand.
     */
    private static List<String> classifierTenantArguments(Map<String, String> apiKeys) {
        return new TreeMap<>(apiKeys)
                .entrySet().stream()
                        .flatMap(e -> Stream.of(
                                "--apath.classifier.tenants." + e.getKey() + ".api-key-sha256[0]="
                                        + ApiKeys.hash(e.getValue()),
                                "--apath.classifier.tenants." + e.getKey() + ".brand-handles[0]=@" + e.getKey()))
                        .toList();
    }

    /**
     * Until each service's readiness probe answers 200, as Kubernetes waits before sending traffic. A started context
     * is not yet ready: ingest answers 503 until it has read its idempotency window and the suppressions, and journey
     * until Kafka Streams runs; a mention posted that early would be refused.
     */
    private static void awaitReady(Map<String, URI> services, Duration within) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + within.toNanos();
        for (Map.Entry<String, URI> service : services.entrySet()) {
            HttpRequest probe = HttpRequest.newBuilder(service.getValue().resolve("/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            String last = "no answer";
            while (true) {
                try {
                    HttpResponse<String> answer = http.send(probe, HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 200) {
                        break;
                    }
                    last = answer.statusCode() + " " + answer.body();
                } catch (IOException e) {
                    last = e.toString();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + service.getKey(), e);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(service.getKey() + " was not ready within " + within.toSeconds()
                            + " s; its readiness probe said: " + last);
                }
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        }
    }

    private static ConfigurableApplicationContext run(SpringApplicationBuilder application, int port, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--server.port=" + port);
        all.add("--spring.main.banner-mode=off");
        return application.run(all.toArray(String[]::new));
    }

    private static URI url(ConfigurableApplicationContext context) {
        return URI.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
    }

    public URI ingestUrl() {
        return ingestUrl;
    }

    public URI classifierUrl() {
        return classifierUrl;
    }

    public URI journeyUrl() {
        return journeyUrl;
    }

    /** Upstream first, so ingest stops accepting before its consumers go. */
    @Override
    public void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
    }
}
