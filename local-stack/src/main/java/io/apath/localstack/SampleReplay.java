package io.apath.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** Posts mentions (one JSON object per line) to ingest's {@code POST /v1/mentions}, one request each. */
public final class SampleReplay {

    public record Result(int accepted, int refused) {}

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI mentionsEndpoint;

    public SampleReplay(URI ingestUrl) {
        this.mentionsEndpoint = ingestUrl.resolve("/v1/mentions");
    }

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
        HttpRequest request = HttpRequest.newBuilder(mentionsEndpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach ingest at " + mentionsEndpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
