package io.apath.journey.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private final BusinessCalendar calendar = BusinessCalendar.DEFAULT; // Mon–Fri 09–17 UTC

    @Test
    void withinOneWorkingDayAddsPlainTime() {
        assertThat(calendar.plusBusinessTime(Instant.parse("2026-10-05T10:00:00Z"), Duration.ofHours(4)))
                .isEqualTo(Instant.parse("2026-10-05T14:00:00Z"));
    }

    @Test
    void fridayEveningComplaintIsDueMondayLateMorning() {
        assertThat(calendar.plusBusinessTime(Instant.parse("2026-10-09T16:00:00Z"), Duration.ofHours(4)))
                .isEqualTo(Instant.parse("2026-10-12T12:00:00Z"));
    }

    @Test
    void nightComplaintStartsCountingAtOpening() {
        assertThat(calendar.plusBusinessTime(Instant.parse("2026-10-06T02:00:00Z"), Duration.ofHours(4)))
                .isEqualTo(Instant.parse("2026-10-06T13:00:00Z"));
    }

    @Test
    void tenantTimeZoneAndDaysAreHonoured() {
        BusinessCalendar berlin = new BusinessCalendar(
                ZoneId.of("Europe/Berlin"), LocalTime.of(8, 0), LocalTime.of(12, 0), EnumSet.of(DayOfWeek.SATURDAY));
        // Monday 10:00 UTC → next Saturday 08:00 Berlin (06:00 UTC) + 4h = 10:00 UTC.
        assertThat(berlin.plusBusinessTime(Instant.parse("2026-10-05T10:00:00Z"), Duration.ofHours(4)))
                .isEqualTo(Instant.parse("2026-10-10T10:00:00Z"));
    }
}
