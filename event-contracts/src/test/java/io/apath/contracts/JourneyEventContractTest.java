package io.apath.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

class JourneyEventContractTest {

    private static final CustomerKey LENA = new CustomerKey("acme:mastodon:109348572361093847");

    @ParameterizedTest
    @EnumSource(
            value = Fixture.class,
            names = {
                "CUSTOMER_NOTICED",
                "STAGE_ADVANCED",
                "STAGE_REGRESSED",
                "ADVOCATE_IDENTIFIED",
                "RESPONSE_DUE",
                "RESPONSE_OVERDUE",
                "CUSTOMER_ERASED"
            })
    void goldenJourneyEventRoundTripsWithItsTypeName(Fixture fixture) {
        RoundTrip.assertRoundTrips(fixture);

        JourneyEvent event = fixture.read(JourneyEvent.class);
        String type = fixture.tree().get("type").asString();
        assertThat(event.getClass().getSimpleName()).isEqualTo(type);
        assertThat(event.cloudEventType()).isEqualTo("io.apath.journey." + type);
        assertThat(event.customerKey()).isEqualTo(LENA);
        assertThat(event.tenant()).isEqualTo(event.customerKey().tenant());
    }

    @Test
    void everyEventTypeHasAGoldenFixture() {
        List<String> fixtureTypes = Arrays.stream(Fixture.values())
                .filter(f -> f.type == JourneyEvent.class)
                .map(f -> f.tree().get("type").asString())
                .toList();

        assertThat(fixtureTypes)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(JourneyEvent.class.getPermittedSubclasses())
                        .map(Class::getSimpleName)
                        .toList());
    }

    @Test
    void aSubtypeWrittenOnItsOwnStillCarriesItsType() {
        JourneyEvent.CustomerErased erased = new JourneyEvent.CustomerErased(
                EventId.derived("CustomerErased", LENA, "erasure-request-0193"),
                Instant.parse("2025-01-15T10:32:07.418Z"),
                LENA,
                "acme",
                "erasure requested by the data subject (request erasure-request-0193)");

        assertThat(Fixture.MAPPER.readTree(Fixture.MAPPER.writeValueAsString(erased)))
                .isEqualTo(Fixture.CUSTOMER_ERASED.tree());
    }

    @Test
    void goldenStageChangeCarriesItsEvidence() {
        JourneyEvent.StageAdvanced advanced = Fixture.STAGE_ADVANCED.read(JourneyEvent.StageAdvanced.class);

        assertThat(advanced.from()).isEqualTo(Stage.ATTRACTION);
        assertThat(advanced.to()).isEqualTo(Stage.AFFINITY);
        assertThat(advanced.evidence())
                .extracting(Evidence::intent)
                .containsExactly(Intent.PRAISE, Intent.PRAISE, Intent.PRAISE);
        assertThat(advanced.eventId())
                .isEqualTo(EventId.derived(
                        "StageAdvanced",
                        LENA,
                        advanced.evidence().get(2).mentionId().value()));
    }

    @Test
    void anUnknownEventTypeIsRejected() {
        ObjectNode unknown = (ObjectNode) Fixture.CUSTOMER_ERASED.tree();
        unknown.put("type", "CustomerTeleported");

        assertThatThrownBy(() -> Fixture.MAPPER.treeToValue(unknown, JourneyEvent.class))
                .isInstanceOf(JacksonException.class);
    }
}
