package io.apath.journey.domain;

import static io.apath.contracts.Stage.ADVOCATE;
import static io.apath.contracts.Stage.AFFINITY;
import static io.apath.contracts.Stage.ATTENTION;
import static io.apath.contracts.Stage.ATTRACTION;
import static io.apath.journey.domain.States.change;
import static io.apath.journey.domain.States.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.apath.journey.domain.Funnel.MovementDay;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunnelMovementTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-10-31");

    @Test
    void everyDayOfTheLastThirtyIsListedOldestFirstWithZeros() {
        List<MovementDay> days = Funnel.of("acme", FunnelCounts.EMPTY, TODAY).movement();

        assertThat(days).hasSize(30);
        assertThat(days.get(0).date()).isEqualTo("2026-10-02");
        assertThat(days.get(29).date()).isEqualTo("2026-10-31");
        assertThat(days).allSatisfy(d -> {
            assertThat(d.advances()).isZero();
            assertThat(d.regressions()).isZero();
        });
    }

    @Test
    void aStepUpIsAnAdvanceAStepDownARegressionAndTheFirstStepNeither() {
        FunnelCounts counts = FunnelCounts.of(state(
                "acme:x:1",
                AFFINITY,
                change(null, ATTENTION, "2026-10-20T08:00:00Z"),
                change(ATTENTION, ATTRACTION, "2026-10-20T09:00:00Z"),
                change(ATTRACTION, AFFINITY, "2026-10-20T23:59:59Z"),
                change(AFFINITY, ATTENTION, "2026-10-21T00:00:00Z")));

        List<MovementDay> days = Funnel.of("acme", counts, TODAY).movement();

        assertThat(day(days, "2026-10-20")).isEqualTo(new MovementDay("2026-10-20", 2, 0));
        assertThat(day(days, "2026-10-21")).isEqualTo(new MovementDay("2026-10-21", 0, 1));
        assertThat(days.stream().mapToLong(MovementDay::advances).sum()).isEqualTo(2);
    }

    @Test
    void changesOlderThanThirtyDaysAreNotShown() {
        FunnelCounts counts = FunnelCounts.of(state(
                "acme:x:1",
                ATTRACTION,
                change(null, ATTENTION, "2026-09-01T08:00:00Z"),
                change(ATTENTION, ATTRACTION, "2026-10-01T23:00:00Z")));

        List<MovementDay> days = Funnel.of("acme", counts, TODAY).movement();

        assertThat(days.stream().mapToLong(MovementDay::advances).sum()).isZero();
    }

    @Test
    void instancesMovementsAddUpPerDay() {
        FunnelCounts one = FunnelCounts.of(state(
                "acme:x:1",
                ATTRACTION,
                change(null, ATTENTION, "2026-10-10T08:00:00Z"),
                change(ATTENTION, ATTRACTION, "2026-10-10T09:00:00Z")));
        FunnelCounts other = FunnelCounts.of(state(
                "acme:x:2",
                ADVOCATE,
                change(null, AFFINITY, "2026-10-09T08:00:00Z"),
                change(AFFINITY, ADVOCATE, "2026-10-10T10:00:00Z"),
                change(ADVOCATE, AFFINITY, "2026-10-10T11:00:00Z")));

        List<MovementDay> days = Funnel.of("acme", one.plus(other), TODAY).movement();

        assertThat(day(days, "2026-10-10")).isEqualTo(new MovementDay("2026-10-10", 2, 1));
    }

    private static MovementDay day(List<MovementDay> days, String date) {
        return days.stream().filter(d -> d.date().equals(date)).findFirst().orElseThrow();
    }
}
