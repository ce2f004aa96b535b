package io.apath.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.apath.localkafka.KafkaBrokerExtension;
import io.apath.localkafka.KafkaEndpoint;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 1,200 generated hostile requests (wrong types, huge strings, invalid UTF-8, lone surrogates, deep nesting, wrong
 * content types, missing or wrong credentials, garbage bytes): every one must be answered 4xx, and the service must
 * still be ready and accept a good mention afterwards.
 */
@ExtendWith(KafkaBrokerExtension.class)
class HostileInputIT {

    private static final String TENANT = Mentions.tenant("hostile");
    private static final String KEY = "key-" + TENANT;
    private static final int PAYLOADS = 1_200;

    private record Attack(String name, String path, String contentType, String apiKey, byte[] body) {}

    private static final String[] FIELDS = {"platform", "nativeId", "kind", "text", "createdAt"};
    private static final String[] OPTIONAL_FIELDS = {"lang", "url", "inReplyTo"};
    /** Wrong for an optional string field: not a string, or a string that is no language tag / URL / id. */
    private static final String[] WRONG_OPTIONAL_VALUES = {"42", "true", "[]", "{}", "\"   \"", "\"\""};

    private static final String[] WRONG_VALUES = {
        "42", "true", "[]", "{}", "[1,2]", "{\"a\":1}", "-1.5e308", "\"\"", "\"   \"", "null"
    };

    private static String mention(Map<String, String> overrides, int i) {
        StringBuilder json = new StringBuilder("{");
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("platform", "\"x\"");
        fields.put("nativeId", "\"h-" + i + "\"");
        fields.put("kind", "\"POST\"");
        fields.put("author", "{\"id\":\"a-" + i + "\"}");
        fields.put("text", "\"hi\"");
        fields.put("createdAt", "\"2026-10-01T09:00:00Z\"");
        fields.putAll(overrides);
        fields.forEach(
                (k, v) -> json.append('"').append(k).append("\":").append(v).append(','));
        json.setLength(json.length() - 1);
        return json.append('}').toString();
    }

    private static List<Attack> attacks() {
        Random random = new Random(20261122L);
        List<Function<Integer, Attack>> generators = List.of(
                i -> json(
                        "wrong type",
                        mention(
                                Map.of(
                                        FIELDS[random.nextInt(FIELDS.length)],
                                        WRONG_VALUES[random.nextInt(WRONG_VALUES.length)]),
                                i)),
                i -> json(
                        "wrong optional field",
                        mention(
                                Map.of(
                                        OPTIONAL_FIELDS[random.nextInt(2)],
                                        WRONG_OPTIONAL_VALUES[random.nextInt(WRONG_OPTIONAL_VALUES.length)]),
                                i)),
                i -> json(
                        "wrong author type",
                        mention(Map.of("author", WRONG_VALUES[random.nextInt(WRONG_VALUES.length - 1)]), i)),
                i -> json(
                        "huge text",
                        mention(Map.of("text", "\"" + "z".repeat(10_001 + random.nextInt(200_000)) + "\""), i)),
                i -> json(
                        "huge handle",
                        mention(
                                Map.of(
                                        "author",
                                        "{\"id\":\"a\",\"handle\":\"" + "h".repeat(257 + random.nextInt(5_000))
                                                + "\"}"),
                                i)),
                i -> json("over the body limit", mention(Map.of("text", "\"" + "b".repeat(1_100_000) + "\""), i)),
                i -> {
                    byte[] good = mention(Map.of(), i).getBytes(UTF_8);
                    byte[] bad = good.clone();
                    int at = 10 + random.nextInt(good.length - 20);
                    bad[at] = (byte) (0x80 | random.nextInt(0x40)); // a continuation byte with no lead byte
                    return new Attack("invalid UTF-8", "/v1/mentions", "application/json", KEY, bad);
                },
                i -> json("lone surrogate", mention(Map.of("text", "\"broken \\ud83d here\""), i)),
                i -> {
                    int depth = 33 + random.nextInt(20_000);
                    return json("deep nesting", "[".repeat(depth) + "]".repeat(depth));
                },
                i -> json("deep nesting in a field", mention(Map.of("text", "[".repeat(40) + "]".repeat(40)), i)),
                i -> new Attack(
                        "wrong content type",
                        "/v1/mentions",
                        List.of("text/plain", "application/xml", "multipart/form-data", "application/octet-stream")
                                .get(random.nextInt(4)),
                        KEY,
                        mention(Map.of(), i).getBytes(UTF_8)),
                i -> new Attack(
                        "no content type",
                        "/v1/mentions",
                        null,
                        KEY,
                        mention(Map.of(), i).getBytes(UTF_8)),
                i -> new Attack(
                        random.nextBoolean() ? "missing auth" : "wrong auth",
                        "/v1/mentions",
                        "application/json",
                        random.nextBoolean() ? null : "guess-" + random.nextInt(),
                        mention(Map.of(), i).getBytes(UTF_8)),
                i -> {
                    byte[] garbage = new byte[1 + random.nextInt(4_000)];
                    random.nextBytes(garbage);
                    return new Attack("garbage bytes", "/v1/mentions", "application/json", KEY, garbage);
                },
                i -> {
                    String good = mention(Map.of(), i);
                    return json("truncated JSON", good.substring(0, 1 + random.nextInt(good.length() - 2)));
                },
                i -> json(
                        "not an object",
                        List.of("42", "\"str\"", "null", "true", "[1,2,3]", "[[]]", "")
                                .get(random.nextInt(7))),
                i -> json(
                        "huge integer",
                        mention(Map.of("author", "{\"id\":\"a\",\"followers\":" + "9".repeat(30) + "}"), i)),
                i -> json(
                        "unparseable timestamp",
                        mention(
                                Map.of(
                                        "createdAt",
                                        List.of(
                                                        "\"not-a-date\"",
                                                        "\"2026-13-45T99:00:00Z\"",
                                                        "\"yesterday\"",
                                                        "1700000000")
                                                .get(random.nextInt(4))),
                                i)),
                i -> json("future timestamp", mention(Map.of("createdAt", "\"2999-01-01T00:00:00Z\""), i)),
                i -> json("unknown platform", mention(Map.of("platform", "\"p" + random.nextInt(1_000_000) + "\""), i)),
                i -> json("another tenant", mention(Map.of("tenant", "\"someone-else\""), i)),
                i -> json(
                        "too many items",
                        "[" + String.join(",", java.util.Collections.nCopies(101, mention(Map.of(), i))) + "]"),
                i -> {
                    ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
                    for (int line = 0; line < 5; line++) {
                        byte[] junk = new byte[20 + random.nextInt(200)];
                        random.nextBytes(junk);
                        for (int b = 0; b < junk.length; b++) {
                            if (junk[b] == '\n') {
                                junk[b] = ' ';
                            }
                        }
                        ndjson.writeBytes(junk);
                        ndjson.write('\n');
                    }
                    return new Attack(
                            "garbage NDJSON", "/v1/mentions", "application/x-ndjson", KEY, ndjson.toByteArray());
                },
                i -> new Attack(
                        "unsigned webhook",
                        "/v1/webhooks/" + (random.nextBoolean() ? "generic" : "mastodon"),
                        "application/json",
                        null,
                        mention(Map.of(), i).getBytes(UTF_8)),
                i -> new Attack(
                        "bad charset",
                        "/v1/mentions",
                        "application/json; charset="
                                + List.of("latin1", "utf-16", "nonsense-cs", "\"")
                                        .get(random.nextInt(4)),
                        KEY,
                        mention(Map.of(), i).getBytes(UTF_8)));
        List<Attack> attacks = new ArrayList<>();
        for (int i = 0; i < PAYLOADS; i++) {
            attacks.add(generators.get(i % generators.size()).apply(i));
        }
        return attacks;
    }

    private static Attack json(String name, String body) {
        return new Attack(name, "/v1/mentions", "application/json", KEY, body.getBytes(UTF_8));
    }

    @Test
    void everyHostilePayloadIsA4xxAndTheServiceStaysHealthy(KafkaEndpoint kafka) {
        try (RunningIngest ingest = RunningIngest.start(
                kafka.bootstrapServers(),
                Map.of(TENANT, KEY),
                Map.of(TENANT, "secret"),
                "--ingest.max-batch-size=100",
                "--ingest.max-body-size=1MB")) {
            List<String> failures = new ArrayList<>();
            List<Attack> attacks = attacks();
            for (Attack attack : attacks) {
                HttpRequest.Builder request = HttpRequest.newBuilder(ingest.url.resolve(attack.path()))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(attack.body()));
                if (attack.contentType() != null) {
                    request.header("Content-Type", attack.contentType());
                }
                if (attack.apiKey() != null) {
                    request.header("Authorization", "Bearer " + attack.apiKey());
                }
                HttpResponse<String> response = ingest.send(request.build());
                if (response.statusCode() < 400 || response.statusCode() >= 500) {
                    failures.add(attack.name() + " " + abbreviate(new String(attack.body(), UTF_8)) + " → "
                            + response.statusCode() + " " + abbreviate(response.body()));
                }
            }

            assertThat(attacks).hasSizeGreaterThanOrEqualTo(1_000);
            assertThat(failures).isEmpty();
            assertThat(ingest.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(ingest.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
            HttpResponse<String> good = ingest.post(
                    "/v1/mentions",
                    "application/json",
                    KEY,
                    Mentions.json("after-attack", "calm", "still here").getBytes(UTF_8));
            assertThat(good.statusCode()).isEqualTo(202);
            assertThat(Mentions.published(kafka.bootstrapServers(), TENANT))
                    .extracting(m -> m.nativeId())
                    .containsExactly("after-attack");
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
