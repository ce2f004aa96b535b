package io.apath.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SampleDatesTest {

    private static final JsonMapper JSON = new JsonMapper();
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    private static String mention(String nativeId, String createdAt) {
        return "{\"tenant\":\"acme\",\"nativeId\":\"" + nativeId + "\",\"createdAt\":\"" + createdAt + "\"}";
    }

    private static Instant createdAt(String line) {
        return Instant.parse(JSON.readTree(line).get("createdAt").stringValue());
    }

    @Test
    void theNewestMentionLandsInTheLastWeekOnTheSameWeekdayAndHour() {
        List<String> moved = SampleDates.movedToLastWeek(
                List.of(mention("a", "2026-10-02T09:30:00Z"), mention("b", "2026-10-19T05:00:00Z")), NOW);

        Instant newest = createdAt(moved.get(1));
        assertThat(newest).isBetween(NOW.minus(Duration.ofDays(7)), NOW);
        assertThat(newest.atZone(ZoneOffset.UTC).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(newest.atZone(ZoneOffset.UTC).getHour()).isEqualTo(5);
        assertThat(Duration.between(createdAt(moved.get(0)), newest))
                .isEqualTo(
                        Duration.between(Instant.parse("2026-10-02T09:30:00Z"), Instant.parse("2026-10-19T05:00:00Z")));
    }

    @Test
    void everythingElseInTheLineIsKept() {
        String moved = SampleDates.movedToLastWeek(List.of(mention("a", "2026-10-19T05:00:00Z")), NOW)
                .get(0);

        assertThat(JSON.readTree(moved).get("nativeId").stringValue()).isEqualTo("a");
        assertThat(JSON.readTree(moved).get("tenant").stringValue()).isEqualTo("acme");
    }

    @Test
    void recentSamplesAndLinesWithoutADateAreLeftAlone() {
        List<String> lines = List.of(mention("a", "2026-11-20T05:00:00Z"), "not json", "{\"text\":\"no date\"}");

        assertThat(SampleDates.movedToLastWeek(lines, NOW)).isEqualTo(lines);
    }
}
