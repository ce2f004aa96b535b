package io.apath.ingest.connector;

import io.apath.ingest.domain.Checkpoints;
import io.apath.ingest.domain.MentionIntake;
import io.apath.ingest.domain.Submitted;
import io.apath.ingest.source.MastodonStatuses;
import io.apath.ingest.source.MentionJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A Mastodon instance's public hashtag timeline ({@code GET /api/v1/timelines/tag/:hashtag}). The checkpoint is the
 * newest status id ingested (a {@code since_id}); pages are fetched with {@code min_id=<checkpoint>}, which returns
 * the statuses immediately after it, oldest page first, so a burst larger than one page is paged through instead of
 * skipped (plain {@code since_id} returns only the newest page). {@code X-RateLimit-Remaining}/{@code -Reset} and 429
 * {@code Retry-After} are honoured: no request is made before the instance allows it.
 */
public final class MastodonConnector implements PullConnector {

    private static final int MAX_PAGES_PER_POLL = 20;

    private final String id;
    private final String tenant;
    private final URI timeline;
    private final int pageSize;
    private final MentionIntake intake;
    private final Checkpoints checkpoints;
    private final HttpClient http;
    private final Clock clock;
    private volatile Instant notBefore = Instant.EPOCH;

    public MastodonConnector(
            String id,
            String tenant,
            URI baseUrl,
            String hashtag,
            int pageSize,
            MentionIntake intake,
            Checkpoints checkpoints,
            HttpClient http,
            Clock clock) {
        this.id = id;
        this.tenant = tenant;
        this.timeline = baseUrl.resolve("/api/v1/timelines/tag/" + URLEncoder.encode(hashtag, StandardCharsets.UTF_8));
        this.pageSize = pageSize;
        this.intake = intake;
        this.checkpoints = checkpoints;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String id() {
        return id;
    }

    /** When the rate limit allows the next request. */
    public Instant notBefore() {
        return notBefore;
    }

    @Override
    public void poll() {
        for (int page = 0; page < MAX_PAGES_PER_POLL; page++) {
            if (clock.instant().isBefore(notBefore)) {
                return;
            }
            Optional<String> sinceId = checkpoints.load(id);
            JsonNode statuses = fetch(sinceId);
            if (statuses == null || statuses.isEmpty()) {
                return;
            }
            List<JsonNode> oldestFirst = new ArrayList<>(statuses.values());
            oldestFirst.sort(Comparator.comparing(s -> s.path("id").asString(""), MastodonConnector::compareIds));
            List<Submitted> items =
                    oldestFirst.stream().map(MastodonStatuses::read).toList();
            intake.submit(tenant, "mastodon", items); // throws when not acknowledged: nothing is checkpointed
            String newest = oldestFirst.get(oldestFirst.size() - 1).path("id").asString("");
            checkpoints.save(id, newest);
            if (statuses.size() < pageSize) {
                return; // caught up
            }
        }
    }

    private JsonNode fetch(Optional<String> sinceId) {
        // No checkpoint yet: start from the oldest status the instance still serves rather than skip them.
        String query = "?limit=" + pageSize + "&min_id=" + sinceId.orElse("0");
        HttpRequest request = HttpRequest.newBuilder(URI.create(timeline + query))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + timeline.getHost(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        respectRateLimit(response);
        if (response.statusCode() == 429) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("timeline of " + id + " answered " + response.statusCode());
        }
        JsonNode body = MentionJson.parse(response.body(), 0, response.body().length);
        if (!body.isArray()) {
            throw new IllegalStateException("timeline of " + id + " is not a JSON array");
        }
        return body;
    }

    private void respectRateLimit(HttpResponse<?> response) {
        Optional<String> remaining = response.headers().firstValue("X-RateLimit-Remaining");
        Optional<String> reset = response.headers().firstValue("X-RateLimit-Reset");
        Optional<String> retryAfter = response.headers().firstValue("Retry-After");
        boolean exhausted = response.statusCode() == 429
                || remaining.map(r -> r.trim().equals("0")).orElse(false);
        if (!exhausted) {
            return;
        }
        Instant until = reset.flatMap(MastodonConnector::instant)
                .or(() -> retryAfter.map(s -> clock.instant().plusSeconds(seconds(s))))
                .orElse(clock.instant().plus(Duration.ofMinutes(5)));
        notBefore = until;
    }

    private static Optional<Instant> instant(String value) {
        try {
            return Optional.of(Instant.parse(value.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static long seconds(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 300;
        }
    }

    /** Mastodon ids are decimal strings of growing length (snowflakes): compare as numbers, not as text. */
    static int compareIds(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
}
