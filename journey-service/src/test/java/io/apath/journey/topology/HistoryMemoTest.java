package io.apath.journey.topology;

import static io.apath.journey.domain.Mentions.by;
import static org.assertj.core.api.Assertions.assertThat;

import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.CustomerJourney;
import io.apath.contracts.CustomerKey;
import io.apath.contracts.Evidence;
import io.apath.contracts.Intent;
import io.apath.contracts.StageChange;
import io.apath.journey.domain.JourneyPolicy;
import io.apath.journey.domain.JourneyState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The memos that spare re-encoding an unchanged history: they may only ever save work, never change a byte or a value.
 * Each check compares against a serde or mapper that has never seen the state.
 */
class HistoryMemoTest {

    private static final JourneyPolicy POLICY = JourneyPolicy.withDefaults();

    @Test
    void anUnchangedHistoryIsTheSameListFromReadToWriteAndEncodesAsAFreshSerdeWouldIt() {
        JourneySerdes serdes = JourneySerdes.create();
        JourneyState before = longHistory("fan-1", "a");
        byte[] stored = serdes.journeyState().serializer().serialize("journeys", before);

        JourneyState read = serdes.journeyState().deserializer().deserialize("journeys", stored);
        JourneyState again = serdes.journeyState().deserializer().deserialize("journeys", stored);
        JourneyState after = POLICY.apply(
                        read,
                        by("fan-1")
                                .post("a-more")
                                .intent(Intent.INFORMATIONAL)
                                .daysAfterStart(18)
                                .build())
                .state();

        assertThat(again.journey().history()).isSameAs(read.journey().history());
        assertThat(after.stage()).isEqualTo(read.stage());
        assertThat(after.journey().history()).isSameAs(read.journey().history());
        byte[] memoised = serdes.journeyState().serializer().serialize("journeys", after);
        assertThat(memoised).isEqualTo(freshBytes(after));
        assertThat(JourneySerdes.create().journeyState().deserializer().deserialize("journeys", memoised))
                .isEqualTo(after);
    }

    @Test
    void readsAloneDoNotFillTheMemoSoAScanDoesNotPushBusyCustomersOut() {
        byte[] stored = serialize(JourneySerdes.create(), longHistory("fan-8", "a"));
        JourneySerdes serdes = JourneySerdes.create();

        JourneyState first = serdes.journeyState().deserializer().deserialize("journeys", stored);
        JourneyState second = serdes.journeyState().deserializer().deserialize("journeys", stored);

        assertThat(second).isEqualTo(first);
        assertThat(second.journey().history()).isNotSameAs(first.journey().history());
    }

    @Test
    void aChangedHistoryOfTheSameCustomerIsNotServedFromTheMemo() {
        JourneySerdes serdes = JourneySerdes.create();
        JourneyState first = longHistory("fan-2", "a");
        JourneyState second = POLICY.apply(
                        first,
                        by("fan-2")
                                .post("b-c")
                                .intent(Intent.CHURN_RISK)
                                .daysAfterStart(20)
                                .build())
                .state();
        assertThat(second.journey().history()).isNotEqualTo(first.journey().history());

        serdes.journeyState().deserializer().deserialize("journeys", serialize(serdes, first));
        JourneyState read = serdes.journeyState().deserializer().deserialize("journeys", serialize(serdes, second));

        assertThat(read).isEqualTo(second);
    }

    @Test
    void customersWhoseKeysShareASlotGetTheirOwnHistories() {
        // "Aa" and "BB" have the same String hash code, so these two keys fall on the same slot.
        JourneySerdes serdes = JourneySerdes.create();
        JourneyState aa = longHistory("Aa", "a");
        JourneyState bb = longHistory("BB", "b");
        assertThat(aa.journey().customerKey().value().hashCode())
                .isEqualTo(bb.journey().customerKey().value().hashCode());

        JourneyState readAa = serdes.journeyState().deserializer().deserialize("journeys", serialize(serdes, aa));
        JourneyState readBb = serdes.journeyState().deserializer().deserialize("journeys", serialize(serdes, bb));

        assertThat(readAa).isEqualTo(aa);
        assertThat(readBb).isEqualTo(bb);
        assertThat(serialize(serdes, readAa)).isEqualTo(freshBytes(aa));
    }

    @Test
    void theStateTopicJsonIsWhatThePlainMapperWrites() {
        JourneySerdes serdes = JourneySerdes.create();
        JourneyState state = longHistory("fan-3", "a");
        CustomerJourney shortHistory = new CustomerJourney(
                new CustomerKey("acme:mastodon:new"),
                "acme",
                null,
                null,
                null,
                null,
                1,
                null,
                state.journey().history().subList(0, 1),
                null);
        assertThat(state.journey().history()).hasSizeGreaterThanOrEqualTo(HistoryMemo.MIN_CHANGES);

        for (CustomerJourney journey : List.of(state.journey(), state.journey(), shortHistory)) {
            byte[] written = serdes.customerJourney().serializer().serialize("journey-state.v1", journey);

            assertThat(new String(written, java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(serdes.mapper().writeValueAsString(journey));
            assertThat(serdes.customerJourney().deserializer().deserialize("journey-state.v1", written))
                    .isEqualTo(journey);
        }
    }

    @Test
    void theStateTopicJsonOfAnotherListWithTheSameContentIsTheSame() {
        JourneySerdes serdes = JourneySerdes.create();
        CustomerJourney journey = longHistory("fan-4", "a").journey();
        List<StageChange> copy = new ArrayList<>(journey.history());
        copy.set(
                0,
                new StageChange(
                        null,
                        copy.get(0).to(),
                        "renamed",
                        copy.get(0).at(),
                        copy.get(0).evidence()));
        CustomerJourney changed = new CustomerJourney(
                journey.customerKey(),
                journey.tenant(),
                journey.stage(),
                journey.style(),
                journey.firstSeenAt(),
                journey.lastInteractionAt(),
                journey.mentionCount(),
                journey.intentCounts(),
                copy,
                journey.updatedAt());

        serdes.customerJourney().serializer().serialize("journey-state.v1", journey);
        String written = new String(
                serdes.customerJourney().serializer().serialize("journey-state.v1", changed),
                java.nio.charset.StandardCharsets.UTF_8);

        assertThat(written).contains("\"renamed\"").isEqualTo(serdes.mapper().writeValueAsString(changed));
    }

    @Test
    void idsCarriedOverFromTheLastReadAreCopiedExactlyWhateverWasReadInBetween() {
        JourneySerdes serdes = JourneySerdes.create();
        JourneyState fan = longHistory("fan-5", "a");
        JourneyState other = longHistory("fan-6", "b");
        JourneyState readFan = serdes.journeyState().deserializer().deserialize("journeys", serialize(serdes, fan));
        JourneyState next = POLICY.apply(
                        readFan,
                        by("fan-5")
                                .post("a-next")
                                .intent(Intent.COMPLAINT)
                                .daysAfterStart(19)
                                .build())
                .state();
        assertThat(next.recentMentionIds()).hasSizeGreaterThan(10);
        assertThat(next.openResponses()).isNotEmpty();

        byte[] straightAfter = serialize(serdes, next);
        serdes.journeyState().deserializer().deserialize("journeys", serialize(serdes, other));
        byte[] afterAnotherRead = serialize(serdes, next);

        assertThat(straightAfter).isEqualTo(freshBytes(next));
        assertThat(afterAnotherRead).isEqualTo(freshBytes(next));
        assertThat(JourneySerdes.create().journeyState().deserializer().deserialize("journeys", straightAfter))
                .isEqualTo(next);
    }

    @Test
    void aHistoryThatOverflowsTheStringVocabularyOrNamesTheTenantIsRememberedExactly() {
        JourneySerdes serdes = JourneySerdes.create();
        JourneyState base = longHistory("fan-7", "a");
        List<StageChange> history = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            StageChange template =
                    base.journey().history().get(i % base.journey().history().size());
            Evidence evidence = new Evidence(
                    new io.apath.contracts.MentionId(String.format("%032x", i + 1)),
                    Intent.PRAISE,
                    0.5 + i / 100.0,
                    "model-" + i); // 20 distinct strings: more than the value's vocabulary of 16 holds
            history.add(new StageChange(
                    template.from(),
                    template.to(),
                    i == 3 ? base.journey().tenant() : template.rule(), // a rule named like the tenant
                    template.at(),
                    List.of(evidence)));
        }
        CustomerJourney j = base.journey();
        JourneyState state = new JourneyState(
                new CustomerJourney(
                        j.customerKey(),
                        j.tenant(),
                        j.stage(),
                        j.style(),
                        j.firstSeenAt(),
                        j.lastInteractionAt(),
                        j.mentionCount(),
                        j.intentCounts(),
                        history,
                        j.updatedAt()),
                base.recentMentionIds(),
                base.highestStage(),
                base.stageSince(),
                base.positiveAt(),
                base.engagedWeeks(),
                base.relevantMentions(),
                base.follows(),
                base.lastRegression(),
                base.lastDecayAt(),
                base.openResponses(),
                base.responses(),
                base.consent());

        byte[] first = serialize(serdes, state);
        JourneyState read = serdes.journeyState().deserializer().deserialize("journeys", first);
        JourneyState readAgain = serdes.journeyState().deserializer().deserialize("journeys", first);
        byte[] second = serialize(serdes, read);

        assertThat(readAgain.journey().history()).isSameAs(read.journey().history());
        assertThat(read).isEqualTo(state);
        assertThat(first).isEqualTo(freshBytes(state));
        assertThat(second).isEqualTo(freshBytes(state));
    }

    /** {@code state} encoded by a new serde on a new thread: no memo, no ids carried over from a read. */
    private static byte[] freshBytes(JourneyState state) {
        byte[][] bytes = new byte[1][];
        Thread thread = new Thread(() -> bytes[0] = serialize(JourneySerdes.create(), state));
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return bytes[0];
    }

    private static byte[] serialize(JourneySerdes serdes, JourneyState state) {
        return serdes.journeyState().serializer().serialize("journeys", state);
    }

    /** Ten praises, a recommendation and a complaint: noticed, attracted, affinity, advocate, regressed. */
    static JourneyState longHistory(String author, String postPrefix) {
        List<ClassifiedMention> mentions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            mentions.add(by(author)
                    .post(postPrefix + i)
                    .intent(Intent.PRAISE)
                    .positive()
                    .daysAfterStart(i * 1.5)
                    .build());
        }
        mentions.add(by(author)
                .post(postPrefix + "-r")
                .intent(Intent.RECOMMENDATION)
                .daysAfterStart(16)
                .build());
        mentions.add(by(author)
                .post(postPrefix + "-c")
                .intent(Intent.COMPLAINT)
                .daysAfterStart(17)
                .build());
        JourneyState state = null;
        for (ClassifiedMention m : mentions) {
            var update = POLICY.apply(state, m);
            state = update.state() == null ? state : update.state();
        }
        assertThat(state.journey().history()).hasSizeGreaterThanOrEqualTo(HistoryMemo.MIN_CHANGES);
        return state;
    }
}
