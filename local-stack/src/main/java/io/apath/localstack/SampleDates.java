package io.apath.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Moves the bundled sample mentions forward in time so that the newest one falls within the last week: the sample file
 * was written on fixed dates, and replayed as is it would look weeks old (nothing in "movement over the last 30 days",
 * every complaint long overdue). The shift is a whole number of weeks, so weekdays and hours, and with them the business
 * calendar of the response SLA, stay exactly as written; the spacing between mentions is unchanged.
 */
public final class SampleDates {

    private static final JsonMapper JSON = new JsonMapper();
    private static final Duration WEEK = Duration.ofDays(7);

    private SampleDates() {}

    /** Lines that are not JSON objects with a {@code createdAt} are returned unchanged (ingest will judge them). */
    public static List<String> movedToLastWeek(List<String> lines, Instant now) {
        Instant newest = lines.stream()
                .map(SampleDates::createdAt)
                .filter(c -> c != null)
                .max(Instant::compareTo)
                .orElse(null);
        if (newest == null || !newest.isBefore(now)) {
            return lines;
        }
        long weeks = Duration.between(newest, now).toMillis() / WEEK.toMillis();
        Duration shift = WEEK.multipliedBy(weeks);
        return lines.stream().map(line -> shifted(line, shift)).toList();
    }

    private static String shifted(String line, Duration shift) {
        Instant createdAt = createdAt(line);
        if (createdAt == null || shift.isZero()) {
            return line;
        }
        ObjectNode mention = (ObjectNode) JSON.readTree(line);
        mention.put("createdAt", createdAt.plus(shift).toString());
        return JSON.writeValueAsString(mention);
    }

    private static Instant createdAt(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            JsonNode createdAt = node == null ? null : node.get("createdAt");
            return createdAt != null && createdAt.isString() ? Instant.parse(createdAt.stringValue()) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
