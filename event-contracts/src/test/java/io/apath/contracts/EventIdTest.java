package io.apath.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdTest {

    private static final CustomerKey LENA = new CustomerKey("acme:mastodon:109348572361093847");

    @Test
    void reprocessingTheSameCauseYieldsTheSameId() {
        assertThat(EventId.derived("StageAdvanced", LENA, "4c18c0e09c7abc4abfdbc9f66ca10195"))
                .isEqualTo(EventId.derived("StageAdvanced", LENA, "4c18c0e09c7abc4abfdbc9f66ca10195"));
    }

    @Test
    void idIsPinnedSoThatConsumersCanDeduplicateAcrossReleases() {
        assertThat(EventId.derived("StageAdvanced", LENA, "4c18c0e09c7abc4abfdbc9f66ca10195")
                        .value())
                .isEqualTo("cca30e01-a6ea-3382-a3a9-9e0cfcd57fd6");
    }

    @Test
    void isANameBasedUuid() {
        UUID uuid = UUID.fromString(EventId.derived("ResponseDue", LENA, "m").value());

        assertThat(uuid.version()).isEqualTo(3);
    }

    @Test
    void typeCustomerAndCauseEachChangeTheId() {
        EventId id = EventId.derived("ResponseDue", LENA, "7fe607a17b826f1f71538559cd29c37b");

        assertThat(EventId.derived("ResponseOverdue", LENA, "7fe607a17b826f1f71538559cd29c37b"))
                .isNotEqualTo(id);
        assertThat(EventId.derived(
                        "ResponseDue", new CustomerKey("acme:mastodon:1"), "7fe607a17b826f1f71538559cd29c37b"))
                .isNotEqualTo(id);
        assertThat(EventId.derived("ResponseDue", LENA, "cc8ad0099861d327dd06a0db3d185e5f"))
                .isNotEqualTo(id);
    }

    @Test
    void goldenEventIdsAreDerivedFromTheirCause() {
        for (Fixture fixture : new Fixture[] {Fixture.RESPONSE_DUE, Fixture.RESPONSE_OVERDUE}) {
            JourneyEvent event = fixture.read(JourneyEvent.class);
            MentionId cause = event instanceof JourneyEvent.ResponseDue due
                    ? due.mentionId()
                    : ((JourneyEvent.ResponseOverdue) event).mentionId();

            assertThat(event.eventId())
                    .isEqualTo(EventId.derived(event.getClass().getSimpleName(), event.customerKey(), cause.value()));
        }
    }

    @Test
    void rejectsBlankIds() {
        assertThatThrownBy(() -> new EventId("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventId(null)).isInstanceOf(NullPointerException.class);
    }
}
