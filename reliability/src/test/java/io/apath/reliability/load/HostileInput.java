package io.apath.reliability.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Generated malformed requests against every HTTP endpoint: broken and hostile JSON, wrong types, missing and absurd
 * fields, wrong content types and methods, missing, wrong and cross-tenant credentials, bad webhook signatures, junk
 * path segments. Every one is invalid by construction, so every answer must be a 4xx; a 2xx means garbage was taken, a
 * 5xx means the service broke. Seeded, so a failing run can be replayed.
 */
public final class HostileInput {

    /** Where to aim, and the credentials a well-meaning but wrong client might hold. */
    public record Targets(URI ingest, URI journey, URI classifier, String apiKey, String otherTenant) {}

    /** What came back: status → count, plus one example request per status outside 4xx. */
    public record Outcome(int sent, Map<Integer, Long> statuses, Map<Integer, String> examples) {
        public long outside4xx() {
            return statuses.entrySet().stream()
                    .filter(e -> e.getKey() < 400 || e.getKey() >= 500)
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }
    }

    private record Shot(String description, HttpRequest request) {}

    private static final String VALID = "{\"platform\":\"mastodon\",\"nativeId\":\"n1\",\"kind\":\"POST\","
            + "\"author\":{\"id\":\"a1\"},\"text\":\"hello\",\"createdAt\":\"2026-11-22T10:00:00Z\"}";

    /** A correction the classifier would take from the right tenant's key; {@code "id":"a1"} so mutate() breaks it. */
    private static final String CORRECTION =
            "{\"id\":\"a1\",\"text\":\"my order arrived broken\",\"labels\":[\"COMPLAINT\"],\"sentiment\":\"negative\"}";

    private final Targets targets;
    private final Random random;
    private final List<Function<Integer, Shot>> generators = new ArrayList<>();

    public HostileInput(Targets targets, long seed) {
        this.targets = targets;
        this.random = new Random(seed);
        registerIngestBodies();
        registerIngestEnvelope();
        registerWebhooks();
        registerJourneyAndClassifier();
    }

    public Outcome fire(int count, int concurrency) {
        List<Shot> shots = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            shots.add(generators.get(i % generators.size()).apply(i));
        }
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(2))
                .build();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        Map<Integer, String> examples = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (Shot shot : shots) {
            pool.execute(() -> {
                int status;
                try {
                    status = http.send(shot.request(), HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                } catch (IOException e) {
                    status = MentionLoad.NO_ANSWER;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                if (status < 400 || status >= 500) {
                    examples.putIfAbsent(status, shot.description());
                }
            });
        }
        pool.shutdown();
        try {
            pool.awaitTermination(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<Integer, Long> counted = new TreeMap<>();
        statuses.forEach((s, n) -> counted.put(s, n.get()));
        return new Outcome(shots.size(), counted, Map.copyOf(examples));
    }

    private void registerIngestBodies() {
        List<String> broken = List.of(
                "",
                "{",
                "}",
                "null",
                "[]",
                "[null]",
                "{}",
                "\"a string\"",
                "42",
                "{\"platform\":",
                VALID.substring(0, VALID.length() / 2),
                VALID.replace("\"kind\":\"POST\"", "\"kind\":\"SHOUT\""),
                VALID.replace("\"kind\":\"POST\"", "\"kind\":7"),
                VALID.replace("\"author\":{\"id\":\"a1\"}", "\"author\":\"a1\""),
                VALID.replace("\"author\":{\"id\":\"a1\"}", "\"author\":{}"),
                VALID.replace("\"author\":{\"id\":\"a1\"}", "\"author\":null"),
                VALID.replace("\"nativeId\":\"n1\",", ""),
                VALID.replace("\"nativeId\":\"n1\"", "\"nativeId\":\"\""),
                VALID.replace("\"nativeId\":\"n1\"", "\"nativeId\":{\"$gt\":\"\"}"),
                VALID.replace("\"platform\":\"mastodon\"", "\"platform\":\"myspace\""),
                VALID.replace("\"platform\":\"mastodon\"", "\"platform\":\"a:b\""),
                VALID.replace("\"text\":\"hello\"", "\"text\":\"\""),
                VALID.replace("\"text\":\"hello\"", "\"text\":[\"hello\"]"),
                VALID.replace("\"createdAt\":\"2026-11-22T10:00:00Z\"", "\"createdAt\":\"yesterday\""),
                VALID.replace("\"createdAt\":\"2026-11-22T10:00:00Z\"", "\"createdAt\":\"9999-12-31T23:59:59Z\""),
                VALID.replace("\"createdAt\":\"2026-11-22T10:00:00Z\"", "\"createdAt\":-1e309"),
                // createdAt is the last field, so the comma before it goes too
                VALID.replace(",\"createdAt\":\"2026-11-22T10:00:00Z\"", ""),
                "[" + VALID.replace("\"kind\":\"POST\"", "\"kind\":null") + ","
                        + VALID.replace("\"text\":\"hello\",", "") + "]",
                "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                "[".repeat(100_000),
                "{\"text\":\"" + "\\ud800".repeat(50) + "\"}",
                VALID + "garbage",
                VALID.replace("{", "{\"__proto__\":{\"admin\":true},\"@class\":\"java.lang.Runtime\",") + "x");
        for (String body : broken) {
            // A replace that matched nothing leaves the valid mention, which ingest rightly accepts (this happened)
            if (body.equals(VALID)) {
                throw new IllegalStateException("a 'broken' body is the valid mention unchanged");
            }
            generators.add(i -> mentions("ingest: " + shorten(body), "application/json", bytes(body)));
        }
        generators.add(
                i -> mentions("ingest: random bytes", "application/json", randomBytes(1 + random.nextInt(2048))));
        generators.add(i -> mentions("ingest: invalid UTF-8", "application/json", invalidUtf8()));
        generators.add(i -> mentions("ingest: NDJSON junk lines", "application/x-ndjson", bytes("{\n}\nnot json\n")));
        generators.add(
                i -> mentions("ingest: NDJSON invalid items", "application/x-ndjson", bytes("{}\n{\"kind\":\"X\"}\n")));
        generators.add(i -> mentions("ingest: mutated valid mention", "application/json", mutate(VALID)));
    }

    private void registerIngestEnvelope() {
        generators.add(i -> mentions("ingest: text/plain", "text/plain", bytes(VALID)));
        generators.add(i -> mentions("ingest: xml", "application/xml", bytes("<mention/>")));
        generators.add(i -> mentions("ingest: json in latin-1", "application/json; charset=ISO-8859-1", bytes(VALID)));
        generators.add(i -> new Shot(
                "ingest: no key",
                post(targets.ingest().resolve("/v1/mentions"), "application/json", bytes(VALID))
                        .build()));
        generators.add(i -> new Shot(
                "ingest: wrong key",
                post(targets.ingest().resolve("/v1/mentions"), "application/json", bytes(VALID))
                        .header("Authorization", "Bearer wrong-" + i)
                        .build()));
        generators.add(i -> new Shot(
                "ingest: basic auth instead of a key",
                post(targets.ingest().resolve("/v1/mentions"), "application/json", bytes(VALID))
                        .header("Authorization", "Basic YWRtaW46YWRtaW4=")
                        .build()));
        generators.add(i -> mentions(
                "ingest: another tenant's mention",
                "application/json",
                bytes(VALID.replace("{", "{\"tenant\":\"" + targets.otherTenant() + "\","))));
        generators.add(i -> new Shot(
                "ingest: GET",
                HttpRequest.newBuilder(targets.ingest().resolve("/v1/mentions"))
                        .header("Authorization", "Bearer " + targets.apiKey())
                        .GET()
                        .build()));
        generators.add(i -> new Shot(
                "ingest: DELETE",
                HttpRequest.newBuilder(targets.ingest().resolve("/v1/mentions"))
                        .header("Authorization", "Bearer " + targets.apiKey())
                        .DELETE()
                        .build()));
        generators.add(i -> new Shot(
                "ingest: junk path",
                post(targets.ingest().resolve("/v1/mentions/" + junkSegment()), "application/json", bytes(VALID))
                        .header("Authorization", "Bearer " + targets.apiKey())
                        .build()));
    }

    private void registerWebhooks() {
        for (String source : List.of("generic", "mastodon")) {
            URI uri = targets.ingest().resolve("/v1/webhooks/" + source);
            generators.add(i -> new Shot(
                    "webhook " + source + ": unsigned",
                    post(uri, "application/json", bytes(VALID))
                            .header("X-Apath-Tenant", "rel-a")
                            .build()));
            generators.add(i -> new Shot(
                    "webhook " + source + ": wrong signature",
                    post(uri, "application/json", bytes(VALID))
                            .header("X-Apath-Tenant", "rel-a")
                            .header("X-Apath-Timestamp", Long.toString(System.currentTimeMillis() / 1000))
                            .header("X-Hub-Signature-256", "sha256=" + "0".repeat(64))
                            .build()));
            generators.add(i -> new Shot(
                    "webhook " + source + ": malformed signature and timestamp",
                    post(uri, "application/json", mutate(VALID))
                            .header("X-Apath-Tenant", "rel-a")
                            .header("X-Apath-Timestamp", "not-a-time")
                            .header("X-Hub-Signature-256", "md5=zz")
                            .build()));
            generators.add(i -> new Shot(
                    "webhook " + source + ": unknown tenant",
                    post(uri, "application/json", randomBytes(64))
                            .header("X-Apath-Tenant", junkSegment())
                            .build()));
        }
        generators.add(i -> new Shot(
                "webhook: unknown source",
                post(targets.ingest().resolve("/v1/webhooks/" + junkSegment()), "application/json", bytes(VALID))
                        .build()));
    }

    private void registerJourneyAndClassifier() {
        generators.add(i -> new Shot(
                "journey: query junk customer",
                HttpRequest.newBuilder(targets.journey().resolve("/v1/customers/" + junkSegment()))
                        .GET()
                        .build()));
        generators.add(i -> new Shot(
                "journey: erase without credentials",
                HttpRequest.newBuilder(targets.journey().resolve("/v1/customers/" + junkSegment()))
                        .DELETE()
                        .build()));
        generators.add(i -> new Shot(
                "journey: consent with junk body",
                post(
                                targets.journey().resolve("/v1/customers/" + junkSegment() + "/consent"),
                                "application/json",
                                mutate(VALID))
                        .build()));
        generators.add(i -> new Shot(
                "journey: funnel with junk tenant",
                HttpRequest.newBuilder(targets.journey().resolve("/v1/funnel?tenant=" + junkSegment()))
                        .GET()
                        .build()));
        generators.add(i -> new Shot(
                "journey: query junk customer with a valid key",
                HttpRequest.newBuilder(targets.journey().resolve("/v1/customers/" + junkSegment() + "/journey"))
                        .header("Authorization", "Bearer " + targets.apiKey())
                        .GET()
                        .build()));
        generators.add(i -> new Shot(
                "journey: erase junk customer with a valid key",
                HttpRequest.newBuilder(targets.journey().resolve("/v1/customers/" + junkSegment()))
                        .header("Authorization", "Bearer " + targets.apiKey())
                        .DELETE()
                        .build()));
        generators.add(i -> new Shot(
                "journey: consent with a junk body and a valid key",
                HttpRequest.newBuilder(targets.journey().resolve("/v1/customers/rel-a:mastodon:x" + i + "/consent"))
                        .header("Authorization", "Bearer " + targets.apiKey())
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(mutate("{\"contactAllowed\":maybe}")))
                        .build()));
        generators.add(i -> new Shot(
                "journey: consent for another tenant's customer",
                HttpRequest.newBuilder(targets.journey()
                                .resolve("/v1/customers/" + targets.otherTenant() + ":mastodon:x" + i + "/consent"))
                        .header("Authorization", "Bearer " + targets.apiKey())
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"contactAllowed\":false}"))
                        .build()));
        registerCorrections();
        generators.add(i -> new Shot(
                "classifier: junk path",
                post(targets.classifier().resolve("/" + junkSegment()), "application/json", randomBytes(32))
                        .build()));
        generators.add(i -> new Shot(
                "any: actuator shutdown",
                post(targets.ingest().resolve("/actuator/shutdown"), "application/json", bytes("{}"))
                        .build()));
    }

    /**
     * {@code POST /v1/corrections} (feeds retraining): no, wrong and cross-tenant credentials, and junk with a valid key.
     * Every body names the other tenant or is invalid, so none may reach {@code label-corrections.v1}.
     */
    private void registerCorrections() {
        URI uri = targets.classifier().resolve("/v1/corrections");
        String otherTenants = CORRECTION.replace("{", "{\"tenant\":\"" + targets.otherTenant() + "\",");
        generators.add(i -> new Shot(
                "classifier: correction without a key",
                post(uri, "application/json", bytes(CORRECTION)).build()));
        generators.add(i -> new Shot(
                "classifier: correction with a wrong key",
                post(uri, "application/json", bytes(CORRECTION))
                        .header("Authorization", "Bearer wrong-" + i)
                        .build()));
        generators.add(i -> new Shot(
                "classifier: correction with basic auth instead of a key",
                post(uri, "application/json", bytes(CORRECTION))
                        .header("Authorization", "Basic YWRtaW46YWRtaW4=")
                        .build()));
        generators.add(
                i -> correction("classifier: another tenant's correction", "application/json", bytes(otherTenants)));
        generators.add(i -> correction(
                "classifier: mutated correction for another tenant", "application/json", mutate(otherTenants)));
        generators.add(i -> correction(
                "classifier: INFORMATIONAL combined with another label",
                "application/json",
                bytes(CORRECTION.replace("[\"COMPLAINT\"]", "[\"COMPLAINT\",\"INFORMATIONAL\"]"))));
        generators.add(i -> correction(
                "classifier: unknown label",
                "application/json",
                bytes(CORRECTION.replace("[\"COMPLAINT\"]", "[\"SHOUTING\"]"))));
        generators.add(i -> correction(
                "classifier: three labels",
                "application/json",
                bytes(CORRECTION.replace("[\"COMPLAINT\"]", "[\"COMPLAINT\",\"PRAISE\",\"CHURN_RISK\"]"))));
        generators.add(i -> correction(
                "classifier: null label", "application/json", bytes(CORRECTION.replace("[\"COMPLAINT\"]", "[null]"))));
        generators.add(i -> correction(
                "classifier: correction without id",
                "application/json",
                bytes(CORRECTION.replace("\"id\":\"a1\",", ""))));
        generators.add(i -> correction(
                "classifier: junk sentiment",
                "application/json",
                bytes(CORRECTION.replace("\"negative\"", "\"${jndi:x}\""))));
        generators.add(
                i -> correction("classifier: random bytes", "application/json", randomBytes(1 + random.nextInt(512))));
        generators.add(i -> correction("classifier: correction as text/plain", "text/plain", bytes(CORRECTION)));
        generators.add(i -> new Shot(
                "classifier: GET corrections",
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + targets.apiKey())
                        .GET()
                        .build()));
    }

    private Shot correction(String description, String contentType, byte[] body) {
        return new Shot(
                description,
                post(targets.classifier().resolve("/v1/corrections"), contentType, body)
                        .header("Authorization", "Bearer " + targets.apiKey())
                        .build());
    }

    private Shot mentions(String description, String contentType, byte[] body) {
        return new Shot(
                description,
                post(targets.ingest().resolve("/v1/mentions"), contentType, body)
                        .header("Authorization", "Bearer " + targets.apiKey())
                        .build());
    }

    private static HttpRequest.Builder post(URI uri, String contentType, byte[] body) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** Breaks a valid mention in a random place: drops, duplicates or flips a character, or cuts it short. */
    private byte[] mutate(String valid) {
        StringBuilder s = new StringBuilder(valid);
        // Removing the author id guarantees the mutation stays invalid even when a flip happens to be harmless.
        int authorId = s.indexOf("\"id\":\"a1\"");
        if (authorId >= 0) {
            s.replace(authorId, authorId + "\"id\":\"a1\"".length(), "\"id\":\"\"");
        }
        int flips = 1 + random.nextInt(4);
        for (int f = 0; f < flips && s.length() > 2; f++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(4)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, s.charAt(at));
                case 2 -> s.setCharAt(at, (char) (32 + random.nextInt(95)));
                default -> s.setLength(at);
            }
        }
        return bytes(s.toString());
    }

    private String junkSegment() {
        String[] junk = {
            "..%2f..%2fetc%2fpasswd", "%00", "' OR 1=1 --", "%ff%fe", "a".repeat(3000), "{{7*7}}", "${jndi:x}"
        };
        String raw = junk[random.nextInt(junk.length)] + random.nextInt(1000);
        // Encoded so it stays one hostile path segment (or header value) rather than an invalid URI on our side.
        return java.net.URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] invalidUtf8() {
        byte[] prefix = bytes("{\"platform\":\"mastodon\",\"text\":\"");
        byte[] b = new byte[prefix.length + 4];
        System.arraycopy(prefix, 0, b, 0, prefix.length);
        b[prefix.length] = (byte) 0xC3;
        b[prefix.length + 1] = (byte) 0x28;
        b[prefix.length + 2] = (byte) 0xFF;
        b[prefix.length + 3] = '"';
        return b;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
