package io.apath.bench.pipeline;

import io.apath.bench.load.GeneratedMention;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything the bench knows about ingest's HTTP API, in one place: {@code POST /v1/mentions} with one JSON object per
 * request ({@link Mode#SINGLE}), a JSON array ({@link Mode#ARRAY}) or NDJSON ({@link Mode#NDJSON}); optional API keys
 * per tenant (sent as {@code Authorization: Bearer}; by default the bench's own keys, which it registers with the
 * ingest it starts, see {@link #ingestArguments}). {@link Mode#AUTO} posts a two-item array
 * once and uses arrays if ingest takes them, single objects otherwise.
 *
 * <p>Accepted items are counted from the per-item results if the answer has them (objects with a {@code status}
 * field), otherwise every item of a 2xx answer counts as accepted.
 */
public final class IngestClient {

    public enum Mode {
        AUTO,
        SINGLE,
        ARRAY,
        NDJSON
    }

    /** The answer to one request: when it arrived, how many items ingest accepted, and the HTTP status. */
    public record Answer(int status, int items, int accepted, long answeredNanos, String problem) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI endpoint;
    private final Map<String, String> apiKeys;
    private volatile Mode mode;

    public IngestClient(URI ingestUrl, Mode mode, Map<String, String> apiKeysByTenant) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4, r -> {
                    Thread t = new Thread(r, "ingest-client");
                    t.setDaemon(true);
                    return t;
                }))
                .build();
        this.endpoint = ingestUrl.resolve("/v1/mentions");
        this.apiKeys = Map.copyOf(apiKeysByTenant);
        this.mode = mode;
    }

    /** Resolves {@link Mode#AUTO} with real requests (a one-item array per probe mention); returns the mode in use. */
    public Mode negotiate(List<GeneratedMention> probe) {
        if (mode != Mode.AUTO) {
            return mode;
        }
        boolean arrays = true;
        for (GeneratedMention m : probe) {
            Answer answer = send(Mode.ARRAY, List.of(m)).join();
            if (answer.status() / 100 != 2 || answer.accepted() != 1) {
                arrays = false;
                // refused as an array: send it the other way so none is lost
                send(Mode.SINGLE, List.of(m)).join();
            }
        }
        mode = arrays ? Mode.ARRAY : Mode.SINGLE;
        return mode;
    }

    public Mode mode() {
        return mode;
    }

    /**
     * Posts the batch (all of one tenant) in the negotiated mode; in {@link Mode#SINGLE} that is one request per
     * mention, all in flight at once, answered when the last one is.
     */
    public CompletableFuture<Answer> send(List<GeneratedMention> batch) {
        return send(mode == Mode.AUTO ? Mode.SINGLE : mode, batch);
    }

    private CompletableFuture<Answer> send(Mode how, List<GeneratedMention> batch) {
        if (batch.isEmpty()) {
            return CompletableFuture.completedFuture(new Answer(200, 0, 0, System.nanoTime(), null));
        }
        if (how == Mode.SINGLE && batch.size() > 1) {
            List<CompletableFuture<Answer>> each = new ArrayList<>();
            for (GeneratedMention m : batch) {
                each.add(send(Mode.SINGLE, List.of(m)));
            }
            return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                    .thenApply(done -> {
                        List<Answer> answers =
                                each.stream().map(CompletableFuture::join).toList();
                        return new Answer(
                                answers.stream().mapToInt(Answer::status).max().orElse(0),
                                batch.size(),
                                answers.stream().mapToInt(Answer::accepted).sum(),
                                answers.stream()
                                        .mapToLong(Answer::answeredNanos)
                                        .max()
                                        .orElse(0),
                                answers.stream()
                                        .map(Answer::problem)
                                        .filter(p -> p != null)
                                        .findFirst()
                                        .orElse(null));
                    });
        }
        String tenant = batch.get(0).tenant();
        String body;
        String contentType;
        switch (how) {
            case ARRAY -> {
                body = batch.stream().map(GeneratedMention::submissionJson).collect(Collectors.joining(",", "[", "]"));
                contentType = "application/json";
            }
            case NDJSON -> {
                body = batch.stream().map(GeneratedMention::submissionJson).collect(Collectors.joining("\n", "", "\n"));
                contentType = "application/x-ndjson";
            }
            default -> {
                body = batch.get(0).submissionJson();
                contentType = "application/json";
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        String key = apiKeys.get(tenant);
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        int items = batch.size();
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> {
                    long now = System.nanoTime();
                    if (error != null) {
                        return new Answer(0, items, 0, now, error.toString());
                    }
                    return interpret(response.statusCode(), response.body(), items, now);
                });
    }

    static Answer interpret(int status, String body, int items, long now) {
        if (status / 100 != 2) {
            return new Answer(status, items, 0, now, abbreviate(body));
        }
        int accepted = items;
        try {
            JsonNode root = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            List<String> statuses = new ArrayList<>();
            collectStatuses(root, statuses);
            if (!statuses.isEmpty()) {
                accepted = (int) statuses.stream()
                        .filter(s -> s.toLowerCase(Locale.ROOT).equals("accepted"))
                        .count();
            }
        } catch (JacksonException e) {
            // not JSON: a 2xx without per-item results accepts everything
        }
        return new Answer(status, items, accepted, now, accepted == items ? null : abbreviate(body));
    }

    private static void collectStatuses(JsonNode node, List<String> statuses) {
        if (node.isArray()) {
            node.values().forEach(n -> collectStatuses(n, statuses));
        } else if (node.isObject()) {
            JsonNode status = node.get("status");
            if (status != null && status.isString()) {
                statuses.add(status.asString());
            } else {
                node.values().forEach(n -> collectStatuses(n, statuses));
            }
        }
    }

    private static String abbreviate(String body) {
        return body == null ? null : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /** For the blocking callers. */
    public Answer sendAndWait(List<GeneratedMention> batch) {
        try {
            return send(batch).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The bench's own API key of a tenant (a bench run registers them with the ingest it starts). */
    public static String benchKey(String tenant) {
        return "bench-key-" + tenant;
    }

    /**
     * Spring arguments that register {@link #benchKey} for each tenant with ingest, which stores only SHA-256 hashes
     * ({@code ingest.tenants.<tenant>.api-key-sha256[0]}).
     */
    public static List<String> ingestArguments(List<String> tenants) {
        return tenants.stream()
                .map(t -> "--ingest.tenants." + t + ".api-key-sha256[0]=" + sha256Hex(benchKey(t)))
                .toList();
    }

    static String sha256Hex(String key) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
