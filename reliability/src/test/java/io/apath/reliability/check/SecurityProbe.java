package io.apath.reliability.check;

import io.apath.reliability.harness.FaultRun;
import io.apath.reliability.harness.JvmProcess;
import io.apath.reliability.harness.Pipeline;
import io.apath.reliability.harness.Pipeline.Service;
import io.apath.reliability.load.MentionLoad;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The security promises, asked of the running processes from outside, as an attacker or a careless client would:
 * credentials, tenant isolation, what actuator shows, and what ends up in logs and metrics.
 */
public final class SecurityProbe {

    /** One check: what was asked, whether the answer kept the promise, and what the answer was. */
    public record Check(String promise, boolean kept, String observed) {}

    private static final List<String> HIDDEN_ACTUATOR = List.of(
            "env",
            "beans",
            "configprops",
            "heapdump",
            "threaddump",
            "loggers",
            "mappings",
            "metrics",
            "shutdown",
            "scheduledtasks",
            "conditions",
            "caches",
            "sbom");

    private final Pipeline pipeline;
    private final FaultRun run;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SecurityProbe(FaultRun run) {
        this.run = run;
        this.pipeline = run.pipeline();
    }

    public List<Check> credentialsAndTenants(String runId) {
        List<Check> checks = new ArrayList<>();
        String keyA = run.apiKeys().get("rel-a");
        String body = mention(runId + "-sec", null);
        checks.add(status("POST /v1/mentions without a key is refused with 401", post(body, null), 401));
        checks.add(
                status("POST /v1/mentions with an unknown key is refused with 401", post(body, "wrong-" + keyA), 401));
        checks.add(status(
                "POST /v1/mentions with tenant A's key cannot write for tenant B (4xx)",
                post(mention(runId + "-cross", "rel-b"), keyA),
                400,
                499));
        checks.add(status("POST /v1/mentions with the right key is accepted (control)", post(body, keyA), 202));

        String hookBody = mention(runId + "-hook", null);
        long now = System.currentTimeMillis() / 1000;
        checks.add(status("an unsigned webhook is refused with 401", webhook(hookBody, null, null), 401));
        checks.add(status(
                "a webhook signed with the wrong secret is refused with 401",
                webhook(hookBody, now, sign("not-the-secret", now, hookBody)),
                401));
        checks.add(status(
                "a webhook signed 1 h ago (replay) is refused with 401",
                webhook(hookBody, now - 3600, sign(FaultRun.webhookSecret(keyA), now - 3600, hookBody)),
                401));
        checks.add(status(
                "a correctly signed webhook is accepted (control)",
                webhook(hookBody, now, sign(FaultRun.webhookSecret(keyA), now, hookBody)),
                202));
        return checks;
    }

    /**
     * Journey's query and erasure API: tenant A's key must neither read nor erase tenant B's customer (who exists,
     * from the load), while tenant B's own key reads it (the control that shows the customer is there).
     */
    public List<Check> crossTenantReads(String loadRunId) {
        List<Check> checks = new ArrayList<>();
        String customerOfB = "rel-b:mastodon:" + loadRunId + "-c0";
        URI journey = pipeline.url(Service.JOURNEY, "/v1/customers/" + customerOfB + "/journey");
        checks.add(status(
                "journey: tenant B reads its own customer's journey (control)",
                send(HttpRequest.newBuilder(journey)
                        .header("Authorization", "Bearer " + run.apiKeys().get("rel-b"))
                        .GET()
                        .build()),
                200));
        checks.add(status(
                "journey: tenant A's key cannot read tenant B's customer (404, existence not confirmed)",
                send(HttpRequest.newBuilder(journey)
                        .header("Authorization", "Bearer " + run.apiKeys().get("rel-a"))
                        .GET()
                        .build()),
                404));
        checks.add(status(
                "journey: no key cannot read (401)",
                send(HttpRequest.newBuilder(journey).GET().build()),
                401));
        checks.add(status(
                "journey: tenant A's key cannot erase tenant B's customer (404)",
                send(HttpRequest.newBuilder(pipeline.url(Service.JOURNEY, "/v1/customers/" + customerOfB))
                        .header("Authorization", "Bearer " + run.apiKeys().get("rel-a"))
                        .DELETE()
                        .build()),
                404));
        int shown = bodyWith(
                pipeline.url(Service.JOURNEY, "/v1/funnel?tenant=rel-b"),
                run.apiKeys().get("rel-a"),
                "rel-b");
        checks.add(new Check(
                "journey: tenant A's key asking for tenant B's funnel gets nothing of tenant B",
                shown == 0,
                shown == 0 ? "no 2xx body naming rel-b" : "a 2xx body naming rel-b"));
        return checks;
    }

    /** 1 if the authorised GET's 2xx body mentions {@code needle}, else 0 (refusals count as 0: nothing shown). */
    private int bodyWith(URI uri, String key, String needle) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri)
                            .header("Authorization", "Bearer " + key)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() < 300 && response.body().contains(needle) ? 1 : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Tenant B's mention must not be on mentions.v1 after tenant A's key tried to write it. */
    public Check nothingWrittenAcrossTenants(String runId) {
        long found = TopicSnapshot.read(pipeline.bootstrapServers(), "mentions.v1").stream()
                .map(TopicSnapshot.Rec::text)
                .filter(t -> t != null && t.contains(runId + "-cross"))
                .count();
        return new Check(
                "nothing tenant A's key tried to write for tenant B reached mentions.v1", found == 0, found + " found");
    }

    public List<Check> actuator() {
        List<Check> checks = new ArrayList<>();
        for (Service service : Service.values()) {
            for (String open : List.of("health", "info", "prometheus")) {
                checks.add(status(
                        service.module + " exposes /actuator/" + open,
                        get(pipeline.url(service, "/actuator/" + open)),
                        200));
            }
            List<String> exposed = new ArrayList<>();
            for (String hidden : HIDDEN_ACTUATOR) {
                int status = get(pipeline.url(service, "/actuator/" + hidden));
                if (status < 400) {
                    exposed.add(hidden + "=" + status);
                }
            }
            checks.add(new Check(
                    service.module + " exposes no other actuator endpoint",
                    exposed.isEmpty(),
                    exposed.isEmpty() ? "all " + HIDDEN_ACTUATOR.size() + " refused" : exposed.toString()));
        }
        return checks;
    }

    /** No author handle and no mention text in any log line any incarnation of any service wrote. */
    public List<Check> logsAndMetrics(String customerIdPrefix) {
        List<Check> checks = new ArrayList<>();
        for (Service service : Service.values()) {
            JvmProcess process = pipeline.process(service);
            long leaks = 0;
            String example = "";
            for (Path log : process.allLogs()) {
                for (String line : lines(log)) {
                    if (line.contains(MentionLoad.HANDLE_MARKER) || line.contains(MentionLoad.TEXT_MARKER)) {
                        leaks++;
                        if (example.isEmpty()) {
                            example = line.length() > 200 ? line.substring(0, 200) + "…" : line;
                        }
                    }
                }
            }
            checks.add(new Check(
                    service.module + " logs no customer handle or mention text",
                    leaks == 0,
                    leaks == 0 ? process.allLogs().size() + " log files clean" : leaks + " lines, e.g. " + example));
            String metrics = body(pipeline.url(service, "/actuator/prometheus"));
            boolean clean = !metrics.contains(MentionLoad.HANDLE_MARKER)
                    && !metrics.contains(MentionLoad.TEXT_MARKER)
                    && !metrics.contains(customerIdPrefix);
            checks.add(new Check(
                    service.module + " metric tags carry no handle, text or customer key",
                    clean,
                    metrics.length() + " bytes of metrics" + (clean ? ", clean" : ", LEAKED")));
        }
        return checks;
    }

    private Check status(String promise, int actual, int expected) {
        return new Check(promise, actual == expected, "HTTP " + actual);
    }

    private Check status(String promise, int actual, int low, int high) {
        return new Check(promise, actual >= low && actual <= high, "HTTP " + actual);
    }

    private static String mention(String nativeId, String tenant) {
        return "{" + (tenant == null ? "" : "\"tenant\":\"" + tenant + "\",")
                + "\"platform\":\"mastodon\",\"nativeId\":\"" + nativeId + "\",\"kind\":\"POST\","
                + "\"author\":{\"id\":\"sec-author\"},\"text\":\"security probe\","
                + "\"createdAt\":\"" + java.time.Instant.now().minusSeconds(60) + "\"}";
    }

    private int post(String body, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(pipeline.url(Service.INGEST, "/v1/mentions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request.build());
    }

    private int webhook(String body, Long timestamp, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(pipeline.url(Service.INGEST, "/v1/webhooks/generic"))
                .header("Content-Type", "application/json")
                .header("X-Apath-Tenant", "rel-a")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            request.header("X-Apath-Timestamp", Long.toString(timestamp));
        }
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return send(request.build());
    }

    private static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256="
                    + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private int get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    private String body(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private int send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return MentionLoad.NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MentionLoad.NO_ANSWER;
        }
    }

    private static List<String> lines(Path log) {
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.ISO_8859_1) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
