package io.apath.ingest;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/** One ingest-service started the way local-stack starts it, on a free port, plus an HTTP client for it. */
final class RunningIngest implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final ConfigurableApplicationContext context;
    final URI url;

    private RunningIngest(ConfigurableApplicationContext context) {
        this.context = context;
        this.url = URI.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
    }

    static RunningIngest start(String bootstrapServers, Map<String, String> apiKeys, String... extra) {
        return start(bootstrapServers, apiKeys, Map.of(), extra);
    }

    static RunningIngest start(
            String bootstrapServers, Map<String, String> apiKeys, Map<String, String> secrets, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--ingest.kafka.bootstrap-servers=" + bootstrapServers));
        args.addAll(List.of(DemoTenants.arguments(apiKeys, secrets)));
        args.addAll(List.of(extra));
        RunningIngest ingest = new RunningIngest(IngestApplication.application().run(args.toArray(String[]::new)));
        ingest.awaitReady();
        return ingest;
    }

    void awaitReady() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> get("/actuator/health/readiness").statusCode() == 200);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(url.resolve(path)).GET().build());
    }

    HttpResponse<String> post(String path, String contentType, String apiKey, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
