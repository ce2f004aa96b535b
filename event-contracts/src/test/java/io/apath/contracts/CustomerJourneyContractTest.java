package io.apath.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomerJourneyContractTest {

    @Test
    void goldenCustomerJourneyRoundTrips() {
        RoundTrip.assertRoundTrips(Fixture.CUSTOMER_JOURNEY);
    }

    @Test
    void goldenCustomerJourneyKeepsItsHistoryOldestFirst() {
        CustomerJourney journey = Fixture.CUSTOMER_JOURNEY.read(CustomerJourney.class);

        assertThat(journey.stage()).isEqualTo(Stage.AFFINITY);
        assertThat(journey.history())
                .extracting(StageChange::to)
                .containsExactly(Stage.ATTRACTION, Stage.AFFINITY, Stage.ADVOCATE, Stage.AFFINITY);
        assertThat(journey.history().get(0).from()).isNull();
        assertThat(journey.history()).extracting(StageChange::at).isSorted();
        assertThat(journey.intentCounts().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(journey.mentionCount());
    }
}
