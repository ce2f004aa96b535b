package io.apath.journey.topology;

import static io.apath.journey.domain.Mentions.T0;
import static io.apath.journey.domain.Mentions.by;
import static io.apath.journey.domain.Mentions.customerKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.CustomerJourney;
import io.apath.contracts.CustomerKey;
import io.apath.contracts.DeadLetterHeaders;
import io.apath.contracts.Intent;
import io.apath.contracts.JourneyEvent;
import io.apath.contracts.JourneyEvent.AdvocateIdentified;
import io.apath.contracts.JourneyEvent.CustomerErased;
import io.apath.contracts.JourneyEvent.CustomerNoticed;
import io.apath.contracts.JourneyEvent.ResponseDue;
import io.apath.contracts.JourneyEvent.ResponseOverdue;
import io.apath.contracts.JourneyEvent.StageAdvanced;
import io.apath.contracts.JourneyEvent.StageRegressed;
import io.apath.contracts.MentionId;
import io.apath.contracts.MentionKind;
import io.apath.contracts.RelationshipStyle;
import io.apath.contracts.Stage;
import io.apath.journey.domain.BusinessCalendar;
import io.apath.journey.domain.InvalidRuleException;
import io.apath.journey.domain.JourneyInput.ConsentRecorded;
import io.apath.journey.domain.JourneyInput.ErasureRequested;
import io.apath.journey.domain.JourneyPolicy;
import io.apath.journey.domain.JourneyRules;
import io.apath.journey.domain.JourneySettings;
import io.apath.journey.domain.Mentions;
import io.apath.journey.domain.RuleExpressions;
import io.apath.journey.domain.TenantPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JourneyTopologyTest {

    private static final String FAN = customerKey("fan-1");
    private JourneyDriver driver = new JourneyDriver(JourneyPolicy.withDefaults(), T0);

    @AfterEach
    void close() {
        driver.close();
    }

    private JourneyDriver with(JourneyPolicy policy) {
        driver.close();
        driver = new JourneyDriver(policy, T0);
        return driver;
    }

    // --- Attention and Attraction

    @Test
    void firstRelevantMentionNoticesCustomerAsCloudEvent() {
        driver.pipe(by("fan-1")
                .post("p1")
                .intent(Intent.INFORMATIONAL)
                .confidence(0.6)
                .build());

        List<TestRecord<String, JourneyEvent>> events = driver.eventRecords();
        assertThat(events).hasSize(1);
        TestRecord<String, JourneyEvent> noticed = events.get(0);
        assertThat(noticed.key()).isEqualTo(FAN);
        assertThat(noticed.value()).isInstanceOf(CustomerNoticed.class);
        assertThat(((CustomerNoticed) noticed.value()).stage()).isEqualTo(Stage.ATTENTION);
        assertThat(JourneyDriver.header(noticed, "ce_specversion")).isEqualTo("1.0");
        assertThat(JourneyDriver.header(noticed, "ce_type")).isEqualTo("io.apath.journey.CustomerNoticed");
        assertThat(JourneyDriver.header(noticed, "ce_id"))
                .isEqualTo(noticed.value().eventId().value());
        assertThat(JourneyDriver.header(noticed, "ce_source")).isEqualTo("/a-path/journey-service");
        assertThat(JourneyDriver.header(noticed, "ce_partitionkey")).isEqualTo(FAN);
        assertThat(JourneyDriver.header(noticed, "ce_time")).isNotBlank();
        assertThat(JourneyDriver.header(noticed, "content-type")).isEqualTo("application/json");
        assertThat(driver.stateTopic(new HashMap<>()).get(FAN).stage()).isEqualTo(Stage.ATTENTION);
    }

    @Test
    void irrelevantFirstMentionStartsNoJourney() {
        driver.pipe(by("fan-1").intent(Intent.IRRELEVANT).build());

        assertThat(driver.events()).isEmpty();
        assertThat(driver.stateRecords()).isEmpty();
        assertThat(driver.stored(FAN)).isNull();
    }

    @Test
    void confidentPraiseMovesToAttractionWithEvidence() {
        var praise =
                by("fan-1").post("p2").intent(Intent.PRAISE).daysAfterStart(1).build();
        driver.pipe(by("fan-1").post("p1").build(), praise);

        List<JourneyEvent> events = driver.events();
        assertThat(events).hasSize(2);
        StageAdvanced advanced = (StageAdvanced) events.get(1);
        assertThat(advanced.from()).isEqualTo(Stage.ATTENTION);
        assertThat(advanced.to()).isEqualTo(Stage.ATTRACTION);
        assertThat(advanced.rule()).isEqualTo(RuleExpressions.ATTRACTION);
        assertThat(advanced.evidence()).singleElement().satisfies(e -> {
            assertThat(e.mentionId()).isEqualTo(praise.mention().mentionId());
            assertThat(e.intent()).isEqualTo(Intent.PRAISE);
            assertThat(e.confidence()).isEqualTo(0.9);
            assertThat(e.modelVersion()).isEqualTo("test-model-1");
        });
        assertThat(driver.stored(FAN).journey().history())
                .extracting(h -> h.to())
                .containsExactly(Stage.ATTENTION, Stage.ATTRACTION);
    }

    @Test
    void unsureOrFlaggedClassificationsMoveNoStage() {
        driver.pipe(
                by("fan-1").post("p1").build(),
                by("fan-1").post("p2").intent(Intent.PRAISE).confidence(0.5).build(),
                by("fan-1")
                        .post("p3")
                        .intent(Intent.PURCHASE_INTENT)
                        .needsReview()
                        .build());

        assertThat(driver.events()).hasSize(1); // only CustomerNoticed
        assertThat(driver.stored(FAN).stage()).isEqualTo(Stage.ATTENTION);
        assertThat(driver.stored(FAN).journey().mentionCount()).isEqualTo(3);
    }

    // --- Affinity, Audience, Advocate

    @Test
    void threePositiveInteractionsOnTwoDaysReachAffinity() {
        driver.pipe(
                by("fan-1").post("p1").intent(Intent.PRAISE).build(),
                by("fan-1").post("p2").intent(Intent.PRAISE).daysAfterStart(0.1).build());
        assertThat(driver.stored(FAN).stage()).isEqualTo(Stage.ATTRACTION);

        driver.pipe(
                by("fan-1").post("p3").intent(Intent.PRAISE).daysAfterStart(0.2).build());
        assertThat(driver.stored(FAN).stage())
                .as("three positives, but all on one day")
                .isEqualTo(Stage.ATTRACTION);

        driver.events();
        driver.pipe(by("fan-1").post("p4").positive().daysAfterStart(3).build());
        assertThat(driver.events()).singleElement().isInstanceOfSatisfying(StageAdvanced.class, a -> {
            assertThat(a.from()).isEqualTo(Stage.ATTRACTION);
            assertThat(a.to()).isEqualTo(Stage.AFFINITY);
            assertThat(a.rule()).isEqualTo(RuleExpressions.AFFINITY);
        });
    }

    @Test
    void positiveInteractionsOlderThanNinetyDaysDoNotCount() {
        driver.pipe(
                by("fan-1").post("p1").intent(Intent.PRAISE).build(),
                by("fan-1").post("p2").intent(Intent.PRAISE).daysAfterStart(1).build(),
                by("fan-1").post("p3").intent(Intent.PRAISE).daysAfterStart(100).build());

        assertThat(driver.stored(FAN).stage()).isEqualTo(Stage.ATTRACTION);
    }

    @Test
    void followFromAffinityReachesAudience() {
        reachAffinity("fan-1");
        driver.events();

        driver.pipe(by("fan-1")
                .post("follow-1")
                .kind(MentionKind.FOLLOW)
                .daysAfterStart(5)
                .build());

        assertThat(driver.events()).singleElement().isInstanceOfSatisfying(StageAdvanced.class, a -> assertThat(a.to())
                .isEqualTo(Stage.AUDIENCE));
    }

    @Test
    void engagementInThreeDistinctWeeksReachesAudienceOnlyWithoutOpenComplaint() {
        reachAffinity("fan-1"); // week of T0
        driver.pipe(by("fan-1").post("w2").daysAfterStart(7).build());
        assertThat(driver.stored(FAN).stage()).isEqualTo(Stage.AFFINITY);
        driver.pipe(by("fan-1").post("w3").daysAfterStart(14).build());
        assertThat(driver.stored(FAN).stage()).isEqualTo(Stage.AUDIENCE);

        String fan2 = customerKey("fan-2");
        driver.pipe(
                by("fan-2").post("a1").intent(Intent.PRAISE).build(),
                by("fan-2").post("a2").intent(Intent.PRAISE).daysAfterStart(1).build(),
                by("fan-2").post("a3").intent(Intent.PRAISE).daysAfterStart(2).build(),
                by("fan-2")
                        .post("a4")
                        .intent(Intent.COMPLAINT)
                        .daysAfterStart(3)
                        .build());
        assertThat(driver.stored(fan2).stage()).isEqualTo(Stage.ATTRACTION);
        driver.pipe(
                by("fan-2").post("a5").daysAfterStart(14).build(),
                by("fan-2").post("a6").daysAfterStart(21).build());
        assertThat(driver.stored(fan2).stage())
                .as("three engaged weeks and back in Affinity, but the complaint of day 3 is still open")
                .isEqualTo(Stage.AFFINITY);
        driver.pipe(by("fan-2").post("a7").daysAfterStart(35).build());
        assertThat(driver.stored(fan2).stage())
                .as("the unanswered complaint no longer counts as open after 30 days")
                .isEqualTo(Stage.AUDIENCE);
    }

    @Test
    void confidentRecommendationFromAffinityIdentifiesAdvocate() {
        reachAffinity("fan-1");
        driver.events();

        driver.pipe(by("fan-1")
                .post("rec")
                .intent(Intent.RECOMMENDATION)
                .daysAfterStart(4)
                .build());

        List<JourneyEvent> events = driver.events();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(StageAdvanced.class, a -> {
            assertThat(a.from()).isEqualTo(Stage.AFFINITY);
            assertThat(a.to()).isEqualTo(Stage.ADVOCATE);
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(AdvocateIdentified.class, a -> assertThat(a.rule())
                .isEqualTo(RuleExpressions.ADVOCATE));
    }

    @Test
    void recommendationBeforeAffinityDoesNotMakeAnAdvocate() {
        driver.pipe(
                by("fan-1").post("p1").intent(Intent.PRAISE).build(),
                by("fan-1")
                        .post("p2")
                        .intent(Intent.RECOMMENDATION)
                        .daysAfterStart(1)
                        .build());

        assertThat(driver.stored(FAN).stage()).isEqualTo(Stage.ATTRACTION);
        assertThat(driver.events()).noneMatch(e -> e instanceof AdvocateIdentified);
    }

    // --- Regression, SLA

    @Test
    void confidentComplaintRegressesOneStageAndOpensResponseWindow() {
        reachAffinity("fan-1");
        driver.events();
        var complaint = by("fan-1")
                .post("c1")
                .intent(Intent.COMPLAINT)
                .daysAfterStart(4)
                .build();

        driver.pipe(complaint);

        List<JourneyEvent> events = driver.events();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(StageRegressed.class, r -> {
            assertThat(r.from()).isEqualTo(Stage.AFFINITY);
            assertThat(r.to()).isEqualTo(Stage.ATTRACTION);
            assertThat(r.reason()).isEqualTo("complaint");
            assertThat(r.evidence())
                    .extracting(e -> e.mentionId())
                    .containsExactly(complaint.mention().mentionId());
        });
        // Friday 10:00 UTC + 4 business hours (Mon–Fri 09–17 UTC) = Friday 14:00.
        assertThat(events.get(1)).isInstanceOfSatisfying(ResponseDue.class, d -> {
            assertThat(d.mentionId()).isEqualTo(complaint.mention().mentionId());
            assertThat(d.dueBy()).isEqualTo(Instant.parse("2026-10-09T14:00:00Z"));
        });
    }

    @Test
    void aCustomerKeepsOnlyTheNewestThirtyTwoResponseWindowsOverdueOnesDroppedFirst() {
        for (int i = 0; i < 34; i++) {
            driver.pipe(by("fan-1")
                    .post("c" + i)
                    .intent(Intent.COMPLAINT)
                    .at(T0.plusSeconds(60L * i))
                    .build());
        }
        assertThat(driver.stored(FAN).openResponses())
                .extracting(w -> w.nativeId())
                .as("no window is overdue yet: the two oldest went")
                .hasSize(32)
                .startsWith("c2")
                .endsWith("c33");
        driver.advanceWallClock(Duration.ofDays(1));
        driver.pipe(by("fan-1")
                .post("c34")
                .intent(Intent.COMPLAINT)
                .at(T0.plusSeconds(60L * 34 + 86_400))
                .build());

        var state = driver.stored(FAN);
        assertThat(state.openResponses()).hasSize(32);
        assertThat(state.openResponses().get(31).nativeId()).isEqualTo("c34");
        assertThat(state.openResponses().get(31).overdue()).isFalse();
        assertThat(state.openResponses().get(0).nativeId())
                .as("the oldest overdue window made room")
                .isEqualTo("c3");
        assertThat(state.responses().opened()).isEqualTo(35);
    }

    @Test
    void churnRiskRegressesWithItsReason() {
        driver.pipe(
                by("fan-1").post("p1").intent(Intent.PRAISE).build(),
                by("fan-1")
                        .post("p2")
                        .intent(Intent.CHURN_RISK)
                        .daysAfterStart(1)
                        .build());

        assertThat(driver.events())
                .filteredOn(e -> e instanceof StageRegressed)
                .singleElement()
                .isInstanceOfSatisfying(StageRegressed.class, r -> {
                    assertThat(r.to()).isEqualTo(Stage.ATTENTION);
                    assertThat(r.reason()).isEqualTo("churn risk");
                });
    }

    @Test
    void complaintFromAdvocateIsFlaggedAtOnce() {
        reachAffinity("fan-1");
        driver.pipe(by("fan-1")
                .post("rec")
                .intent(Intent.RECOMMENDATION)
                .daysAfterStart(4)
                .build());
        driver.events();

        driver.pipe(by("fan-1")
                .post("c1")
                .intent(Intent.COMPLAINT)
                .daysAfterStart(5)
                .build());

        assertThat(driver.events().get(0)).isInstanceOfSatisfying(StageRegressed.class, r -> {
            assertThat(r.from()).isEqualTo(Stage.ADVOCATE);
            assertThat(r.to()).isEqualTo(Stage.AUDIENCE);
            assertThat(r.reason()).isEqualTo("advocate complained");
        });
    }

    @Test
    void brandReplyInTimeClosesTheResponseWindow() {
        JourneyPolicy policy = policyWith(TenantPolicy.defaults(defaultRules()), Set.of("@acme"));
        with(policy);
        var complaint = by("grumbler").post("c1").intent(Intent.COMPLAINT).build();
        driver.pipe(complaint);
        driver.events();

        driver.pipe(by("acme-official")
                .handle("@acme")
                .post("r1")
                .replyTo("c1")
                .daysAfterStart(0.1)
                .build());
        driver.advanceWallClock(Duration.ofDays(2));

        assertThat(driver.events()).isEmpty();
        var state = driver.stored(customerKey("grumbler"));
        assertThat(state.openResponses()).isEmpty();
        assertThat(state.responses().answeredInTime()).isEqualTo(1);
        assertThat(driver.stored(customerKey("acme-official")))
                .as("the brand is never its own customer")
                .isNull();
    }

    @Test
    void brandReplyArrivingBeforeTheComplaintStillCounts() {
        with(policyWith(TenantPolicy.defaults(defaultRules()), Set.of("acme")));
        driver.pipe(by("acme-official").handle("@ACME").post("r1").replyTo("c1").build());
        driver.pipe(by("grumbler").post("c1").intent(Intent.COMPLAINT).build());

        assertThat(driver.stored(customerKey("grumbler")).responses().answeredInTime())
                .isEqualTo(1);
    }

    @Test
    void aMastodonBrandAccountAnswersAsItselfAndNotAsItsNamesakeElsewhere() {
        with(policyWith(TenantPolicy.defaults(defaultRules()), Set.of("@Acme@mastodon.social")));
        driver.pipe(by("grumbler").post("c1").intent(Intent.COMPLAINT).build());
        driver.pipe(by("impostor")
                .handle("acme@other.example")
                .post("r0")
                .replyTo("c1")
                .build());

        assertThat(driver.stored(customerKey("grumbler")).openResponses()).hasSize(1);

        driver.pipe(by("acme-official")
                .handle("acme@mastodon.social")
                .post("r1")
                .replyTo("c1")
                .build());

        assertThat(driver.stored(customerKey("grumbler")).responses().answeredInTime())
                .isEqualTo(1);
    }

    @Test
    void unansweredComplaintBecomesOverdueOnceByWallClock() {
        with(policyWith(TenantPolicy.defaults(defaultRules()), Set.of("@acme")));
        var complaint = by("grumbler").post("c1").intent(Intent.COMPLAINT).build();
        driver.pipe(complaint);
        driver.events();

        driver.advanceWallClock(Duration.ofHours(3));
        assertThat(driver.events()).as("due 14:00, wall clock 13:00").isEmpty();

        driver.advanceWallClock(Duration.ofHours(1));
        driver.advanceWallClock(Duration.ofHours(1));
        assertThat(driver.events()).singleElement().isInstanceOfSatisfying(ResponseOverdue.class, o -> {
            assertThat(o.mentionId()).isEqualTo(complaint.mention().mentionId());
            assertThat(o.dueBy()).isEqualTo(Instant.parse("2026-10-05T14:00:00Z"));
        });
        assertThat(driver.stored(customerKey("grumbler")).responses().overdue()).isEqualTo(1);

        driver.pipe(by("acme-official")
                .handle("@acme")
                .post("r1")
                .replyTo("c1")
                .daysAfterStart(1)
                .build());
        driver.advanceWallClock(Duration.ofDays(1));
        assertThat(driver.events()).isEmpty();
    }

    @Test
    void tenantOverridesChangeOnlyThatTenant() {
        RuleExpressions strict = RuleExpressions.DEFAULTS.overriddenBy(
                Map.of(RuleExpressions.ATTRACTION, "confident && intent == 'PURCHASE_INTENT'"));
        TenantPolicy acme = new TenantPolicy(
                JourneyRules.compile("tenant acme", strict),
                2,
                BusinessCalendar.DEFAULT,
                Duration.ofHours(4),
                Set.of());
        TenantPolicy defaults = TenantPolicy.defaults(defaultRules());
        with(new JourneyPolicy(JourneySettings.DEFAULTS, defaults, Map.of("acme", acme)));

        driver.pipe(
                by("fan-1").post("p1").intent(Intent.PRAISE).build(),
                by("fan-1").tenant("globex").post("p1").intent(Intent.PRAISE).build());

        assertThat(driver.stored(FAN).stage()).isEqualTo(Stage.ATTENTION);
        assertThat(driver.stored("globex:mastodon:fan-1").stage()).isEqualTo(Stage.ATTRACTION);
    }

    @Test
    void invalidTenantRuleStopsTheTopologyFromBeingBuiltNamingTheRule() {
        // A string compared with a number: CEL's type check rejects it when the rules are compiled, before the
        // topology exists, so no mention is ever applied under a broken rule.
        RuleExpressions broken = RuleExpressions.DEFAULTS.overriddenBy(
                Map.of(RuleExpressions.ADVOCATE, "confident && positive_90d >= 'two'"));

        assertThatThrownBy(() -> {
                    TenantPolicy acme = new TenantPolicy(
                            JourneyRules.compile("tenant acme", broken),
                            1,
                            BusinessCalendar.DEFAULT,
                            Duration.ofHours(4),
                            Set.of());
                    try (JourneyDriver never = new JourneyDriver(
                            new JourneyPolicy(
                                    JourneySettings.DEFAULTS,
                                    TenantPolicy.defaults(defaultRules()),
                                    Map.of("acme", acme)),
                            T0)) {
                        never.pipe(by("fan-1").intent(Intent.RECOMMENDATION).build());
                    }
                })
                .isInstanceOfSatisfying(InvalidRuleException.class, e -> assertThat(e.ruleName())
                        .isEqualTo(RuleExpressions.ADVOCATE))
                .hasMessageContaining("Journey rule 'advocate' (tenant acme) is invalid");
    }

    @Test
    void regressionDepthComesFromTheTenantsRules() {
        TenantPolicy acme =
                new TenantPolicy(defaultRules(), 2, BusinessCalendar.DEFAULT, Duration.ofHours(4), Set.of());
        with(new JourneyPolicy(JourneySettings.DEFAULTS, TenantPolicy.defaults(defaultRules()), Map.of("acme", acme)));
        reachAffinity("fan-1");

        driver.pipe(by("fan-1")
                .post("c1")
                .intent(Intent.COMPLAINT)
                .daysAfterStart(4)
                .build());

        assertThat(driver.stored(FAN).stage()).isEqualTo(Stage.ATTENTION);
    }

    // --- Decay, style, hysteresis

    @Test
    void inactivityDecaysOneStagePerPeriodByWallClock() {
        reachAffinity("fan-1");
        driver.events();

        // The last interaction was T0 + 2 days; the wall clock starts at T0.
        driver.advanceWallClock(Duration.ofDays(181));
        assertThat(driver.events()).isEmpty();
        driver.advanceWallClock(Duration.ofDays(2));

        assertThat(driver.events()).singleElement().isInstanceOfSatisfying(StageRegressed.class, r -> {
            assertThat(r.from()).isEqualTo(Stage.AFFINITY);
            assertThat(r.to()).isEqualTo(Stage.ATTRACTION);
            assertThat(r.rule()).isEqualTo(JourneyPolicy.DECAY_RULE);
        });
        driver.advanceWallClock(Duration.ofDays(180));
        assertThat(driver.events()).singleElement().isInstanceOfSatisfying(StageRegressed.class, r -> assertThat(r.to())
                .isEqualTo(Stage.ATTENTION));
        driver.advanceWallClock(Duration.ofDays(365));
        assertThat(driver.events()).as("ATTENTION is the floor").isEmpty();
        assertThat(driver.stored(FAN).stage()).isEqualTo(Stage.ATTENTION);
    }

    @Test
    void inactivityIsAlsoAppliedWhenTheNextMentionComesLate() {
        driver.pipe(by("fan-1").post("p1").intent(Intent.PRAISE).build());
        driver.events();

        driver.pipe(by("fan-1").post("p2").daysAfterStart(200).build());

        assertThat(driver.events()).singleElement().isInstanceOfSatisfying(StageRegressed.class, r -> {
            assertThat(r.rule()).isEqualTo(JourneyPolicy.DECAY_RULE);
            assertThat(r.occurredAt()).isEqualTo(T0.plus(Duration.ofDays(180)));
        });
        assertThat(driver.stored(FAN).stage()).isEqualTo(Stage.ATTENTION);
    }

    @Test
    void dealSeekerIsTransactionalAndStopsAtAttraction() {
        driver.pipe(
                by("deal").post("d1").intent(Intent.DEAL_SEEKING).build(),
                by("deal")
                        .post("d2")
                        .intent(Intent.PURCHASE_INTENT)
                        .daysAfterStart(1)
                        .build(),
                by("deal")
                        .post("d3")
                        .intent(Intent.DEAL_SEEKING)
                        .daysAfterStart(2)
                        .build(),
                by("deal")
                        .post("d4")
                        .intent(Intent.DEAL_SEEKING)
                        .positive()
                        .daysAfterStart(3)
                        .build(),
                by("deal")
                        .post("d5")
                        .intent(Intent.DEAL_SEEKING)
                        .positive()
                        .daysAfterStart(4)
                        .build());

        var state = driver.stored(customerKey("deal"));
        assertThat(state.journey().style()).isEqualTo(RelationshipStyle.TRANSACTIONAL);
        assertThat(state.stage())
                .as("three positives on 2+ days, but transactional")
                .isEqualTo(Stage.ATTRACTION);

        driver.pipe(
                by("deal").post("d6").intent(Intent.PRAISE).daysAfterStart(5).build(),
                by("deal").post("d7").intent(Intent.PRAISE).daysAfterStart(6).build(),
                by("deal").post("d8").intent(Intent.PRAISE).daysAfterStart(7).build());
        state = driver.stored(customerKey("deal"));
        assertThat(state.journey().style())
                .as("other intents now outweigh deals")
                .isEqualTo(RelationshipStyle.RELATIONAL);
        assertThat(state.stage()).isEqualTo(Stage.AFFINITY);
    }

    @Test
    void regressedCustomerCannotRegainTheLostStageWithinTheHysteresisPeriod() {
        reachAffinity("fan-1");
        driver.pipe(by("fan-1")
                .post("c1")
                .intent(Intent.COMPLAINT)
                .daysAfterStart(4)
                .build());
        driver.pipe(by("acme-x").post("noise").build());
        driver.events();

        driver.pipe(
                by("fan-1").post("p5").intent(Intent.PRAISE).daysAfterStart(5).build());
        assertThat(driver.stored(FAN).stage()).as("1 day after the regression").isEqualTo(Stage.ATTRACTION);

        driver.pipe(
                by("fan-1").post("p6").intent(Intent.PRAISE).daysAfterStart(12).build());
        assertThat(driver.stored(FAN).stage()).as("8 days after the regression").isEqualTo(Stage.AFFINITY);
    }

    // --- Delivery semantics

    @Test
    void duplicateMentionHasNoEffect() {
        var praise = by("fan-1").post("p1").intent(Intent.PRAISE).build();
        driver.pipe(praise);
        List<JourneyEvent> first = driver.events();
        driver.stateRecords();

        driver.pipe(praise, praise);

        assertThat(first).hasSize(2);
        assertThat(driver.events()).isEmpty();
        assertThat(driver.stateRecords()).isEmpty();
        assertThat(driver.stored(FAN).journey().mentionCount()).isEqualTo(1);
    }

    @Test
    void lateMentionCountsInItsOwnDayAndNeverMovesLastInteractionBack() {
        driver.pipe(
                by("fan-1").post("p1").intent(Intent.PRAISE).daysAfterStart(2).build(),
                by("fan-1").post("p2").intent(Intent.PRAISE).daysAfterStart(2.1).build());
        // Arrives last, happened first: a positive interaction on a second distinct day.
        driver.pipe(
                by("fan-1").post("p0").intent(Intent.PRAISE).daysAfterStart(0).build());

        var state = driver.stored(FAN);
        assertThat(state.stage()).isEqualTo(Stage.AFFINITY);
        assertThat(state.journey().lastInteractionAt())
                .isEqualTo(T0.plus(Duration.ofMillis((long) (2.1 * 86_400_000))));
        assertThat(state.journey().firstSeenAt()).isEqualTo(T0);
    }

    @Test
    void replayWithUnchangedRulesReproducesTheSameState() {
        List<io.apath.contracts.ClassifiedMention> log = List.of(
                by("fan-1").post("p1").intent(Intent.PRAISE).build(),
                by("fan-1").post("p2").intent(Intent.PRAISE).daysAfterStart(1).build(),
                by("grumbler").post("c1").intent(Intent.COMPLAINT).build(),
                by("fan-1").post("p3").positive().daysAfterStart(2).build(),
                by("fan-1")
                        .post("r1")
                        .intent(Intent.RECOMMENDATION)
                        .daysAfterStart(3)
                        .build(),
                by("deal").post("d1").intent(Intent.DEAL_SEEKING).build());
        driver.pipe(log.toArray(io.apath.contracts.ClassifiedMention[]::new));
        Map<String, CustomerJourney> first = driver.stateTopic(new HashMap<>());
        List<JourneyEvent> firstEvents = driver.events();

        JourneyDriver rebuilt = new JourneyDriver(JourneyPolicy.withDefaults(), T0.plus(Duration.ofDays(30)));
        try (rebuilt) {
            rebuilt.pipe(log.toArray(io.apath.contracts.ClassifiedMention[]::new));
            assertThat(rebuilt.stateTopic(new HashMap<>())).isEqualTo(first);
            assertThat(rebuilt.events()).isEqualTo(firstEvents);
        }
    }

    @Test
    void recordOnTheWrongKeyGoesToTheDeadLetterTopicAsItCanBeReplayed() {
        ClassifiedMention mention = by("fan-1").build();
        driver.pipeWithKey("acme:mastodon:someone-else", mention);

        assertThat(driver.deadLetters()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("acme:mastodon:someone-else");
            assertThat(JourneyDriver.header(r, DeadLetterHeaders.EXCEPTION_MESSAGE))
                    .contains("not the customer key");
            assertThat(JourneyDriver.header(r, DeadLetterHeaders.EXCEPTION_CLASS))
                    .isEqualTo(IllegalArgumentException.class.getName());
            // the classified mention as it was on its topic, so a replay writes it back there
            assertThat(JourneyDriver.header(r, DeadLetterHeaders.ORIGINAL_TOPIC))
                    .isEqualTo(JourneyDriver.INPUT);
            assertThat(JourneyDriver.header(r, DeadLetterHeaders.ORIGINAL_PARTITION))
                    .isEqualTo("0");
            assertThat(JourneyDriver.header(r, DeadLetterHeaders.ORIGINAL_OFFSET))
                    .isEqualTo("0");
            assertThat(JourneySerdes.create()
                            .classifiedMention()
                            .deserializer()
                            .deserialize(JourneyDriver.INPUT, r.value()))
                    .isEqualTo(mention);
        });
        assertThat(driver.storedKeys()).isEmpty();
    }

    @Test
    void commandOnTheWrongKeyIsDeadLetteredForTheCommandsTopic() {
        ConsentRecorded consent = new ConsentRecorded(new CustomerKey(FAN), true, T0);
        driver.commandWithKey("acme:mastodon:someone-else", consent);

        assertThat(driver.deadLetters()).singleElement().satisfies(r -> {
            assertThat(JourneyDriver.header(r, DeadLetterHeaders.ORIGINAL_TOPIC))
                    .isEqualTo(JourneyDriver.COMMANDS);
            assertThat(JourneySerdes.create()
                            .journeyInput()
                            .deserializer()
                            .deserialize(JourneyDriver.COMMANDS, r.value()))
                    .isEqualTo(consent);
        });
    }

    // --- Privacy

    @Test
    void erasureTombstonesStateEmitsCustomerErasedAndSuppresses() {
        driver.pipe(by("fan-1").post("p1").intent(Intent.COMPLAINT).build());
        driver.stateTopic(new HashMap<>());
        driver.events();

        driver.command(new ErasureRequested(new CustomerKey(FAN), "req-1", null, T0.plusSeconds(60)));

        assertThat(driver.stored(FAN)).isNull();
        assertThat(driver.stateRecords()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(FAN);
            assertThat(r.value()).isNull();
        });
        assertThat(driver.events()).singleElement().isInstanceOfSatisfying(CustomerErased.class, e -> assertThat(
                        e.customerKey().value())
                .isEqualTo(FAN));
        assertThat(driver.suppressions()).singleElement().satisfies(s -> {
            assertThat(s.key()).isEqualTo(FAN);
            assertThat(s.value().customerKey().value()).isEqualTo(FAN);
            assertThat(s.value().reason()).isEqualTo(JourneyPolicy.ERASURE_REASON);
        });
        driver.advanceWallClock(Duration.ofDays(1));
        assertThat(driver.events())
                .as("the erased complaint's timer fires nothing")
                .isEmpty();
    }

    @Test
    void erasureAlsoDropsTheCustomersUnansweredComplaintsFromTheCorrelationStore() {
        with(policyWith(TenantPolicy.defaults(defaultRules()), Set.of("@acme")));
        driver.pipe(by("grumbler").post("c1").intent(Intent.COMPLAINT).build());
        driver.pipe(by("grumbler")
                .post("c2")
                .intent(Intent.COMPLAINT)
                .daysAfterStart(1.0 / 24)
                .build());
        driver.pipe(by("moaner").post("m1").intent(Intent.COMPLAINT).build());
        assertThat(driver.waitingCorrelations().values())
                .extracting(c -> c.complainant().value())
                .containsExactlyInAnyOrder(customerKey("grumbler"), customerKey("grumbler"), customerKey("moaner"));

        driver.command(
                new ErasureRequested(new CustomerKey(customerKey("grumbler")), "req-1", null, T0.plusSeconds(7200)));

        assertThat(driver.waitingCorrelations().values())
                .as("only the other customer's complaint still waits for an answer")
                .extracting(c -> c.complainant().value())
                .containsExactly(customerKey("moaner"));
        driver.events();
        driver.pipe(by("acme-official")
                .handle("@acme")
                .post("r1")
                .replyTo("c1")
                .daysAfterStart(3.0 / 24)
                .build());
        assertThat(driver.stored(customerKey("grumbler")))
                .as("a late answer to an erased customer's complaint brings nothing back")
                .isNull();
        assertThat(driver.events()).isEmpty();

        driver.pipe(by("grumbler")
                .post("c3")
                .intent(Intent.COMPLAINT)
                .daysAfterStart(4.0 / 24)
                .build());
        assertThat(driver.waitingCorrelations().values())
                .as("a complaint still in flight when the customer was erased is not kept either")
                .filteredOn(c -> c.side() == ResponseCorrelation.Side.COMPLAINT)
                .extracting(c -> c.complainant().value())
                .containsExactly(customerKey("moaner"));
        assertThat(driver.stored(customerKey("grumbler"))).isNull();
        assertThat(driver.erasedComplainants()).containsOnlyKeys(customerKey("grumbler"));

        driver.advanceWallClock(CorrelateAnswers.KEEP_UNPAIRED.plusDays(1));
        assertThat(driver.waitingCorrelations())
                .as("unpaired sides are forgotten")
                .isEmpty();
        assertThat(driver.erasedComplainants())
                .as("and so is the erased key, after as long")
                .isEmpty();
    }

    @Test
    void consentIsCarriedInTheState() {
        driver.pipe(by("fan-1").build());
        driver.command(new ConsentRecorded(new CustomerKey(FAN), true, T0.plusSeconds(5)));

        assertThat(driver.stored(FAN).consent().contactAllowed()).isTrue();
        assertThat(driver.stored(FAN).stage()).isEqualTo(Stage.ATTENTION);
    }

    private void reachAffinity(String author) {
        driver.pipe(
                by(author).post(author + "-a1").intent(Intent.PRAISE).build(),
                by(author)
                        .post(author + "-a2")
                        .intent(Intent.PRAISE)
                        .daysAfterStart(1)
                        .build(),
                by(author)
                        .post(author + "-a3")
                        .intent(Intent.PRAISE)
                        .daysAfterStart(2)
                        .build());
        assertThat(driver.stored(customerKey(author)).stage()).isEqualTo(Stage.AFFINITY);
    }

    private static JourneyRules defaultRules() {
        return JourneyRules.compile("default", RuleExpressions.DEFAULTS);
    }

    private static JourneyPolicy policyWith(TenantPolicy base, Set<String> handles) {
        TenantPolicy acme =
                new TenantPolicy(base.rules(), base.regressionSteps(), base.calendar(), base.responseSla(), handles);
        return new JourneyPolicy(JourneySettings.DEFAULTS, base, Map.of(Mentions.TENANT, acme));
    }

    @SuppressWarnings("unused")
    private static MentionId id(String nativeId) {
        return MentionId.of(Mentions.TENANT, Mentions.PLATFORM, nativeId);
    }
}
