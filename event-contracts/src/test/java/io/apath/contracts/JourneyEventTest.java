package io.apath.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JourneyEventTest {

    private static final CustomerKey LENA = new CustomerKey("acme:mastodon:109348572361093847");
    private static final Instant NOW = Instant.parse("2024-11-29T13:16:55.108Z");
    private static final EventId ID = EventId.derived("StageAdvanced", LENA, "m");

    @Test
    void anAdvanceMustGoToALaterStage() {
        assertThatThrownBy(() -> new JourneyEvent.StageAdvanced(
                        ID, NOW, LENA, "acme", Stage.AFFINITY, Stage.ATTRACTION, "r", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JourneyEvent.StageAdvanced(
                        ID, NOW, LENA, "acme", Stage.AFFINITY, Stage.AFFINITY, "r", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRegressionMustGoToAnEarlierStage() {
        assertThatThrownBy(() -> new JourneyEvent.StageRegressed(
                        ID, NOW, LENA, "acme", Stage.ATTRACTION, Stage.AFFINITY, "r", "complaint", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyEventNeedsItsCloudEventEnvelope() {
        assertThatThrownBy(() -> new JourneyEvent.CustomerErased(null, NOW, LENA, "acme", "request"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("eventId");
        assertThatThrownBy(() -> new JourneyEvent.ResponseDue(ID, null, LENA, "acme", null, NOW))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("occurredAt");
    }

    @Test
    void evidenceIsCopiedSoTheEventStaysImmutable() {
        Evidence praise = new Evidence(MentionId.of("acme", "mastodon", "1"), Intent.PRAISE, 0.9, "apath-intent-1.4.0");
        List<Evidence> evidence = new ArrayList<>(List.of(praise));
        JourneyEvent.AdvocateIdentified event =
                new JourneyEvent.AdvocateIdentified(ID, NOW, LENA, "acme", "advocate", evidence);

        evidence.clear();

        assertThat(event.evidence()).containsExactly(praise);
        assertThatThrownBy(() -> event.evidence().add(praise)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void missingEvidenceReadsAsNone() {
        JourneyEvent.CustomerNoticed noticed =
                new JourneyEvent.CustomerNoticed(ID, NOW, LENA, "acme", Stage.ATTENTION, "attention", null);

        assertThat(noticed.evidence()).isEmpty();
    }
}
