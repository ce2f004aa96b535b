package io.apath.journey.domain;

import io.apath.contracts.RelationshipStyle;
import io.apath.contracts.Stage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant's funnel as the API shows it.
 *
 * @param customersPerStage customers whose current stage this is
 * @param conversion for each step, the share of customers who ever reached {@code from} that also reached {@code to}
 * @param medianHoursInStage median of completed stints in each stage (whole hours; absent if none completed yet)
 * @param responses complaints that opened a response window and what became of them; {@code responseRate} is the
 *     share answered at all, {@code inTimeRate} the share answered within the SLA
 * @param movement advances and regressions per UTC day of the last {@link #MOVEMENT_DAYS} days up to today, oldest
 *     first, days without any change included as zeros
 */
public record Funnel(
        String tenant,
        long customers,
        Map<Stage, Long> customersPerStage,
        List<Conversion> conversion,
        Map<Stage, Long> medianHoursInStage,
        Map<RelationshipStyle, Long> styles,
        Responses responses,
        List<MovementDay> movement) {

    public static final int MOVEMENT_DAYS = 30;

    public record MovementDay(String date, long advances, long regressions) {}

    public record Conversion(Stage from, Stage to, long reachedFrom, long reachedTo, Double rate) {}

    public record Responses(
            long opened,
            long answeredInTime,
            long answeredLate,
            long overdue,
            Double responseRate,
            Double inTimeRate) {}

    /** The funnel as of {@code today} (UTC), which ends the movement range. */
    public static Funnel of(String tenant, FunnelCounts counts, LocalDate today) {
        Map<Stage, Long> perStage = new LinkedHashMap<>();
        for (Stage s : Stage.values()) {
            perStage.put(s, counts.current().getOrDefault(s, 0L));
        }
        List<Conversion> conversion = new ArrayList<>();
        Stage[] stages = Stage.values();
        for (int i = 0; i + 1 < stages.length; i++) {
            long from = counts.reached().getOrDefault(stages[i], 0L);
            long to = counts.reached().getOrDefault(stages[i + 1], 0L);
            conversion.add(new Conversion(stages[i], stages[i + 1], from, to, ratio(to, from)));
        }
        Map<Stage, Long> medians = new EnumMap<>(Stage.class);
        counts.hoursInStage().forEach((stage, histogram) -> {
            long total = histogram.values().stream().mapToLong(Long::longValue).sum();
            long seen = 0;
            for (Map.Entry<Long, Long> bucket : new java.util.TreeMap<>(histogram).entrySet()) {
                seen += bucket.getValue();
                if (seen * 2 >= total) {
                    medians.put(stage, bucket.getKey());
                    break;
                }
            }
        });
        var r = counts.responses();
        return new Funnel(
                tenant,
                counts.customers(),
                perStage,
                conversion,
                medians,
                counts.styles(),
                new Responses(
                        r.opened(),
                        r.answeredInTime(),
                        r.answeredLate(),
                        r.overdue(),
                        ratio(r.answered(), r.opened()),
                        ratio(r.answeredInTime(), r.opened())),
                movement(counts, today));
    }

    private static List<MovementDay> movement(FunnelCounts counts, LocalDate today) {
        List<MovementDay> days = new ArrayList<>(MOVEMENT_DAYS);
        for (LocalDate day = today.minusDays(MOVEMENT_DAYS - 1L); !day.isAfter(today); day = day.plusDays(1)) {
            FunnelCounts.Moves moves = counts.movement().getOrDefault(day.toString(), new FunnelCounts.Moves(0, 0));
            days.add(new MovementDay(day.toString(), moves.advances(), moves.regressions()));
        }
        return days;
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
