package io.apath.journey.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When a brand's team works, for response deadlines: "4 business hours" after a Friday-evening complaint is Monday
 * late morning, not Saturday. Holidays are not modelled; a tenant that needs them can set a longer SLA.
 */
public record BusinessCalendar(ZoneId zone, LocalTime opens, LocalTime closes, Set<DayOfWeek> days) {

    public static final BusinessCalendar DEFAULT = new BusinessCalendar(
            ZoneId.of("UTC"),
            LocalTime.of(9, 0),
            LocalTime.of(17, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    public BusinessCalendar {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("business hours must close after they open: " + opens + "–" + closes);
        }
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("a business calendar needs at least one working day");
        }
        days = Set.copyOf(days);
    }

    /** The instant {@code businessTime} of working time after {@code from}. */
    public Instant plusBusinessTime(Instant from, Duration businessTime) {
        ZonedDateTime cursor = from.atZone(zone);
        Duration left = businessTime;
        // At most one iteration per calendar day, and every working day consumes time, so this ends.
        for (int guard = 0; guard < 3660; guard++) {
            if (days.contains(cursor.getDayOfWeek())) {
                ZonedDateTime open = cursor.with(opens);
                ZonedDateTime close = cursor.with(closes);
                ZonedDateTime start = cursor.isBefore(open) ? open : cursor;
                if (start.isBefore(close)) {
                    Duration available = Duration.between(start, close);
                    if (available.compareTo(left) >= 0) {
                        return start.plus(left).toInstant();
                    }
                    left = left.minus(available);
                }
            }
            cursor = cursor.toLocalDate().plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("business time " + businessTime + " does not fit in ten years");
    }
}
