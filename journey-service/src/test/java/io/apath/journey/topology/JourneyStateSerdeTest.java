package io.apath.journey.topology;

import static io.apath.journey.domain.Mentions.T0;
import static io.apath.journey.domain.Mentions.by;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apath.contracts.CustomerJourney;
import io.apath.contracts.CustomerKey;
import io.apath.contracts.Evidence;
import io.apath.contracts.Intent;
import io.apath.contracts.MentionId;
import io.apath.contracts.RelationshipStyle;
import io.apath.contracts.Stage;
import io.apath.contracts.StageChange;
import io.apath.journey.domain.JourneyInput.ConsentRecorded;
import io.apath.journey.domain.JourneyPolicy;
import io.apath.journey.domain.JourneyState;
import io.apath.journey.domain.JourneyState.Consent;
import io.apath.journey.domain.JourneyState.Regression;
import io.apath.journey.domain.JourneyState.ResponseStats;
import io.apath.journey.domain.JourneyState.ResponseWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JourneyStateSerdeTest {

    private static final JourneySerdes SERDES = JourneySerdes.create();
    private static final JourneyStateSerde SERDE = SERDES.journeyState();

    /**
     * {@link #golden()} in format version 1. If this changes, the layout changed: existing changelogs would be misread.
     * Give the new layout a new version byte and keep reading this one instead of updating the constant.
     */
    private static final String GOLDEN_V1 =
            "01021261636d653a6d6173746f646f6e3a66c3a46e000461636d65010201c0d49bac0d01c09aa6ac0d4a030001020308"
                    + "80f8cce284020300010009617474656e74696f6e01c0d49bac0d01000123456789abcdef0123456789abcdef023fed1e"
                    + "b851eb851f00036d2d310102000a61747472616374696f6e02c2d49bac0df403010102136e61746976653ac39c6ec3af"
                    + "636f64652d3432023fe80000000000000802010005646563617903c0d49bac0d959aef3a0001c29aa6ac0d0200012345"
                    + "6789abcdef0123456789abcdef0102136e61746976653ac39c6ec3af636f64652d34320202c2d49bac0df4030201c0d4"
                    + "9bac0d01b8d59bac0d020208323032362d5734310208323032362d5734320c0101020103c0d49bac0d959aef3a0201f4"
                    + "0301000123456789abcdef0123456789abcdef0203632d3101c0d49bac0d01c0b59dac0d0104010102010001cad49bac"
                    + "0d";

    @Test
    void stateBuiltByThePolicyRoundTrips() {
        JourneyState state = journeyOfAnAdvocateWhoComplained();

        assertThat(roundTrip(state)).isEqualTo(state);
        assertThat(state.journey().history()).hasSizeGreaterThan(3);
        assertThat(state.openResponses()).isNotEmpty();
    }

    @Test
    void everyFieldRoundTripsIncludingNullsNanosAndNonHexIds() {
        JourneyState golden = golden();
        JourneyState sparse = new JourneyState(
                new CustomerJourney(
                        new CustomerKey("acme:x:only:colons:after"),
                        "acme",
                        null,
                        null,
                        null,
                        null,
                        0,
                        Map.of(),
                        List.of(),
                        null),
                List.of(),
                null,
                null,
                List.of(),
                List.of(),
                0,
                0,
                null,
                null,
                List.of(),
                null,
                null);

        assertThat(roundTrip(golden)).isEqualTo(golden);
        assertThat(roundTrip(sparse)).isEqualTo(sparse);
    }

    @Test
    void versionOneLayoutIsStable() {
        byte[] bytes = SERDE.serializer().serialize("journeys", golden());

        assertThat(bytes[0]).isEqualTo(JourneyStateSerde.VERSION);
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(GOLDEN_V1);
        assertThat(SERDE.deserializer().deserialize("journeys", HexFormat.of().parseHex(GOLDEN_V1)))
                .isEqualTo(golden());
    }

    @Test
    void stateStoredAsJsonBeforeTheBinaryFormatIsStillRead() {
        JourneyState state = journeyOfAnAdvocateWhoComplained();
        byte[] json = SERDES.mapper().writeValueAsBytes(state);

        assertThat(SERDE.deserializer().deserialize("journeys", json)).isEqualTo(state);
    }

    @Test
    void binaryIsLessThanAThirdOfTheJson() {
        JourneyState state = journeyOfAnAdvocateWhoComplained();

        int json = SERDES.mapper().writeValueAsBytes(state).length;
        int binary = SERDE.serializer().serialize("journeys", state).length;

        assertThat(binary).as("binary %d B vs JSON %d B", binary, json).isLessThan(json / 3);
    }

    @Test
    void unknownVersionIsRejectedNamingIt() {
        byte[] bytes = SERDE.serializer().serialize("journeys", golden());
        bytes[0] = 2;

        assertThatThrownBy(() -> SERDE.deserializer().deserialize("journeys", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown journey state format version 2");
    }

    @Test
    void truncatedOrPaddedValueIsRejected() {
        byte[] bytes = SERDE.serializer().serialize("journeys", golden());
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 3);
        byte[] padded = java.util.Arrays.copyOf(bytes, bytes.length + 1);

        assertThatThrownBy(() -> SERDE.deserializer().deserialize("journeys", truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("corrupt journey state");
        assertThatThrownBy(() -> SERDE.deserializer().deserialize("journeys", padded))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("corrupt journey state");
        assertThatThrownBy(() -> SERDE.deserializer().deserialize("journeys", new byte[0]))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void tombstonesPassThrough() {
        assertThat(SERDE.serializer().serialize("journeys", null)).isNull();
        assertThat(SERDE.deserializer().deserialize("journeys", null)).isNull();
    }

    @Test
    void everyEnumConstantHasAFixedCode() {
        assertThat(JourneyStateSerde.STAGES).containsExactlyInAnyOrder(Stage.values());
        assertThat(JourneyStateSerde.STYLES).containsExactlyInAnyOrder(RelationshipStyle.values());
        assertThat(JourneyStateSerde.INTENTS).containsExactlyInAnyOrder(Intent.values());
    }

    /** Twelve mentions through the default policy: noticed, attracted, affinity, advocate, then a complaint. */
    private static JourneyState journeyOfAnAdvocateWhoComplained() {
        JourneyPolicy policy = JourneyPolicy.withDefaults();
        JourneyState state = null;
        List<io.apath.contracts.ClassifiedMention> mentions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            mentions.add(by("fan-1")
                    .post("p" + i)
                    .intent(Intent.PRAISE)
                    .positive()
                    .daysAfterStart(i * 1.5)
                    .build());
        }
        mentions.add(by("fan-1")
                .post("r1")
                .intent(Intent.RECOMMENDATION)
                .daysAfterStart(16)
                .build());
        mentions.add(by("fan-1")
                .post("c1")
                .intent(Intent.COMPLAINT)
                .daysAfterStart(17)
                .build());
        for (var m : mentions) {
            var update = policy.apply(state, m);
            state = update.state() == null ? state : update.state();
        }
        state = policy.consent(state, new ConsentRecorded(state.journey().customerKey(), true, T0.plusSeconds(99)))
                .state();
        return state;
    }

    /** Every field set, with second, milli and nano instants, a non-hex mention id and non-ASCII text. */
    private static JourneyState golden() {
        Instant t = Instant.parse("2026-10-05T10:00:00Z");
        MentionId hex = new MentionId("0123456789abcdef0123456789abcdef");
        MentionId other = new MentionId("native:Ünïcode-42");
        Map<Intent, Long> counts = new EnumMap<>(Intent.class);
        counts.put(Intent.PRAISE, 3L);
        counts.put(Intent.COMPLAINT, 1L);
        counts.put(Intent.IRRELEVANT, 70_000_000_000L);
        List<StageChange> history = List.of(
                new StageChange(
                        null, Stage.ATTENTION, "attention", t, List.of(new Evidence(hex, Intent.PRAISE, 0.91, "m-1"))),
                new StageChange(
                        Stage.ATTENTION,
                        Stage.ATTRACTION,
                        "attraction",
                        t.plusMillis(1500),
                        List.of(new Evidence(other, Intent.PRAISE, 0.75, "m-1"))),
                new StageChange(Stage.ATTRACTION, Stage.ATTENTION, "decay", t.plusNanos(123_456_789), List.of()));
        CustomerJourney journey = new CustomerJourney(
                new CustomerKey("acme:mastodon:fän"),
                "acme",
                Stage.ATTENTION,
                RelationshipStyle.TRANSACTIONAL,
                t,
                t.plusSeconds(86_400),
                74,
                counts,
                history,
                t.plusSeconds(86_401));
        return new JourneyState(
                journey,
                List.of(hex, other),
                Stage.ATTRACTION,
                t.plusMillis(1500),
                List.of(t, t.plusSeconds(60)),
                List.of("2026-W41", "2026-W42"),
                12,
                1,
                new Regression(Stage.ATTRACTION, Stage.ATTENTION, t.plusNanos(123_456_789)),
                Instant.parse("1969-12-31T23:59:59.5Z"),
                List.of(new ResponseWindow(hex, "c-1", t, t.plusSeconds(14_400), true)),
                new ResponseStats(4, 1, 1, 2),
                new Consent(false, t.plusSeconds(5)));
    }

    private static JourneyState roundTrip(JourneyState state) {
        return SERDE.deserializer().deserialize("journeys", SERDE.serializer().serialize("journeys", state));
    }
}
