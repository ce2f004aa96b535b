package io.apath.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * A local HTTP server that plays a blog's RSS comments feed, a review site's Atom feed and a Mastodon instance's
 * hashtag timeline from recorded payloads, honouring {@code min_id}/{@code limit} and sending rate-limit headers.
 */
final class RecordedSources implements AutoCloseable {

    record Request(String path, String query, Instant at) {}

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final List<JsonNode> statuses = new CopyOnWriteArrayList<>();
    volatile String rss = read("feed.rss.xml");
    volatile Instant rateLimitedUntil;
    private volatile boolean exhaustNext;
    private final List<JsonNode> recorded = new ArrayList<>();
    private final HttpServer server;

    RecordedSources() {
        Mentions.JSON.readTree(read("mastodon-tag-timeline.json")).values().forEach(recorded::add);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/comments/feed", exchange -> respond(exchange, "application/rss+xml", rss));
        server.createContext(
                "/reviews.atom", exchange -> respond(exchange, "application/atom+xml", read("feed.atom.xml")));
        server.createContext("/api/v1/timelines/tag/acme", this::timeline);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Makes recorded status {@code n} (1-based) visible on the timeline. */
    void publishStatus(int n) {
        statuses.add(recorded.get(n - 1));
    }

    JsonNode status(int n) {
        return recorded.get(n - 1);
    }

    /** The next timeline response says the rate limit is used up for two seconds. */
    void exhaustRateLimitOnNextResponse() {
        exhaustNext = true;
    }

    List<Request> timelineRequests() {
        return requests.stream()
                .filter(r -> r.path().startsWith("/api/v1/timelines"))
                .toList();
    }

    private void timeline(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        requests.add(new Request(exchange.getRequestURI().getPath(), query, Instant.now()));
        String minId = param(query, "min_id");
        int limit = Integer.parseInt(param(query, "limit"));
        // Mastodon: min_id gives the statuses immediately newer than it, returned newest first.
        List<JsonNode> newer = statuses.stream()
                .filter(s -> minId == null || compare(s.get("id").asString(), minId) > 0)
                .sorted(Comparator.comparing(s -> s.get("id").asString(), RecordedSources::compare))
                .limit(limit)
                .sorted(Comparator.comparing((JsonNode s) -> s.get("id").asString(), RecordedSources::compare)
                        .reversed())
                .toList();
        ArrayNode body = Mentions.JSON.createArrayNode();
        newer.forEach(body::add);
        Instant reset = Instant.now().plusSeconds(2);
        exchange.getResponseHeaders().add("X-RateLimit-Limit", "300");
        if (exhaustNext) {
            exhaustNext = false;
            rateLimitedUntil = reset;
            exchange.getResponseHeaders().add("X-RateLimit-Remaining", "0");
        } else {
            exchange.getResponseHeaders().add("X-RateLimit-Remaining", "299");
        }
        exchange.getResponseHeaders().add("X-RateLimit-Reset", reset.toString());
        respond(exchange, "application/json; charset=utf-8", Mentions.JSON.writeValueAsString(body));
    }

    private void respond(HttpExchange exchange, String contentType, String body) throws IOException {
        if (!exchange.getRequestURI().getPath().startsWith("/api/")) {
            requests.add(new Request(exchange.getRequestURI().getPath(), null, Instant.now()));
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String param(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static int compare(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    static String read(String name) {
        try (InputStream in = RecordedSources.class.getResourceAsStream("/recorded/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
