package io.apath.localstack;

import io.apath.ingest.DemoTenants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts mentions (one JSON object per line) to ingest's {@code POST /v1/mentions}, one request each, with the API key
 * of the tenant named in the line (ingest takes the tenant from the key and refuses a line of another tenant).
 */
public final class SampleReplay {

    public record Result(int accepted, int refused) {}

    private static final JsonMapper JSON = new JsonMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI mentionsEndpoint;
    private final Map<String, String> apiKeyByTenant;

    /** With the demo tenants' keys ({@link DemoTenants#API_KEYS}), which local-stack registers with ingest. */
    public SampleReplay(URI ingestUrl) {
        this(ingestUrl, DemoTenants.API_KEYS);
    }

    public SampleReplay(URI ingestUrl, Map<String, String> apiKeyByTenant) {
        this.mentionsEndpoint = ingestUrl.resolve("/v1/mentions");
        this.apiKeyByTenant = Map.copyOf(apiKeyByTenant);
    }

    /** 202 counts as accepted: the mention is on Kafka now or was within ingest's idempotency window. */
    public Result replay(List<String> jsonLines) {
        int accepted = 0;
        int refused = 0;
        for (String line : jsonLines) {
            if (line.isBlank()) {
                continue;
            }
            if (post(line).statusCode() == 202) {
                accepted++;
            } else {
                refused++;
            }
        }
        return new Result(accepted, refused);
    }

    public HttpResponse<String> post(String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(mentionsEndpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        String key = apiKeyByTenant.get(tenantOf(json));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach ingest at " + mentionsEndpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String tenantOf(String json) {
        try {
            JsonNode tenant = JSON.readTree(json).get("tenant");
            return tenant != null && tenant.isString() ? tenant.stringValue() : null;
        } catch (RuntimeException e) {
            return null; // not JSON: ingest will say why
        }
    }
}
