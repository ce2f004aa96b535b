package io.apath.journey.domain;

import io.apath.contracts.RelationshipStyle;
import io.apath.contracts.Stage;
import io.apath.contracts.StageChange;
import io.apath.journey.domain.JourneyState.ResponseStats;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One tenant's customers counted by stage — over the partitions one instance owns, so counts from several instances
 * add up ({@link #plus}). Times in stage are kept as a histogram of whole hours so medians can be merged exactly at
 * that resolution.
 *
 * @param current customers per current stage
 * @param reached customers whose furthest stage is at least this one
 * @param hoursInStage per stage, completed stints (from the kept history) by whole hours → count
 * @param movement per UTC day ({@code 2026-10-02}), the stage changes of the kept history that advanced or regressed
 *     a customer; the first step onto the journey (from no stage) is neither
 */
public record FunnelCounts(
        long customers,
        Map<Stage, Long> current,
        Map<Stage, Long> reached,
        Map<RelationshipStyle, Long> styles,
        Map<Stage, Map<Long, Long>> hoursInStage,
        ResponseStats responses,
        Map<String, Moves> movement) {

    /** Advances ({@code to} after {@code from}) and regressions ({@code to} before {@code from}) on one day. */
    public record Moves(long advances, long regressions) {
        public Moves plus(Moves o) {
            return new Moves(advances + o.advances, regressions + o.regressions);
        }
    }

    public FunnelCounts {
        current = copy(current);
        reached = copy(reached);
        styles = styles == null ? Map.of() : Map.copyOf(styles);
        hoursInStage = hoursInStage == null ? Map.of() : Map.copyOf(hoursInStage);
        responses = responses == null ? ResponseStats.NONE : responses;
        movement = movement == null ? Map.of() : Map.copyOf(movement);
    }

    public static final FunnelCounts EMPTY =
            new FunnelCounts(0, Map.of(), Map.of(), Map.of(), Map.of(), null, Map.of());

    public static FunnelCounts of(JourneyState state) {
        Stage stage = state.stage();
        if (stage == null) {
            return EMPTY;
        }
        Map<Stage, Long> reached = new EnumMap<>(Stage.class);
        Stage highest = state.highestStage() == null ? stage : state.highestStage();
        for (Stage s : Stage.values()) {
            if (!s.isAfter(highest)) {
                reached.put(s, 1L);
            }
        }
        Map<Stage, Map<Long, Long>> hours = new EnumMap<>(Stage.class);
        List<StageChange> history = state.journey().history();
        for (int i = 0; i + 1 < history.size(); i++) {
            long h = Duration.between(history.get(i).at(), history.get(i + 1).at())
                    .toHours();
            hours.computeIfAbsent(history.get(i).to(), k -> new TreeMap<>()).merge(Math.max(0, h), 1L, Long::sum);
        }
        Map<String, Moves> movement = new TreeMap<>();
        for (StageChange change : history) {
            if (change.from() == null || change.from() == change.to()) {
                continue;
            }
            Moves move = change.to().isAfter(change.from()) ? new Moves(1, 0) : new Moves(0, 1);
            movement.merge(LocalDate.ofInstant(change.at(), ZoneOffset.UTC).toString(), move, Moves::plus);
        }
        return new FunnelCounts(
                1, Map.of(stage, 1L), reached, Map.of(state.journey().style(), 1L), hours, state.responses(), movement);
    }

    public FunnelCounts plus(FunnelCounts o) {
        Map<Stage, Map<Long, Long>> hours = new EnumMap<>(Stage.class);
        for (Map<Stage, Map<Long, Long>> side : List.of(hoursInStage, o.hoursInStage)) {
            side.forEach((stage, histogram) -> histogram.forEach(
                    (h, n) -> hours.computeIfAbsent(stage, k -> new TreeMap<>()).merge(h, n, Long::sum)));
        }
        Map<RelationshipStyle, Long> mergedStyles = new EnumMap<>(RelationshipStyle.class);
        styles.forEach((k, v) -> mergedStyles.merge(k, v, Long::sum));
        o.styles.forEach((k, v) -> mergedStyles.merge(k, v, Long::sum));
        return new FunnelCounts(
                customers + o.customers,
                sum(current, o.current),
                sum(reached, o.reached),
                mergedStyles,
                hours,
                new ResponseStats(
                        responses.opened() + o.responses.opened(),
                        responses.answeredInTime() + o.responses.answeredInTime(),
                        responses.answeredLate() + o.responses.answeredLate(),
                        responses.overdue() + o.responses.overdue()),
                mergedMovement(movement, o.movement));
    }

    private static Map<String, Moves> mergedMovement(Map<String, Moves> a, Map<String, Moves> b) {
        Map<String, Moves> m = new TreeMap<>(a);
        b.forEach((day, moves) -> m.merge(day, moves, Moves::plus));
        return m;
    }

    private static Map<Stage, Long> sum(Map<Stage, Long> a, Map<Stage, Long> b) {
        Map<Stage, Long> s = new EnumMap<>(Stage.class);
        a.forEach((k, v) -> s.merge(k, v, Long::sum));
        b.forEach((k, v) -> s.merge(k, v, Long::sum));
        return s;
    }

    private static Map<Stage, Long> copy(Map<Stage, Long> m) {
        return m == null ? Map.of() : Map.copyOf(m);
    }
}
