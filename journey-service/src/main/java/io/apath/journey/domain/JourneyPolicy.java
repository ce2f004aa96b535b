package io.apath.journey.domain;

import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.CustomerJourney;
import io.apath.contracts.CustomerKey;
import io.apath.contracts.EventId;
import io.apath.contracts.Evidence;
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
import io.apath.contracts.StageChange;
import io.apath.contracts.Suppression;
import io.apath.journey.domain.JourneyInput.ConsentRecorded;
import io.apath.journey.domain.JourneyInput.ErasureRequested;
import io.apath.journey.domain.JourneyInput.ResponseGiven;
import io.apath.journey.domain.JourneyState.Consent;
import io.apath.journey.domain.JourneyState.Regression;
import io.apath.journey.domain.JourneyState.ResponseStats;
import io.apath.journey.domain.JourneyState.ResponseWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies one input to one customer's state under the tenant's rules (DESIGN §3). Pure and deterministic: the same
 * state and input always give the same update — event ids and times come from the input, never from a clock — which
 * is what lets journeys be rebuilt by replay. Time-driven changes (an overdue answer, inactivity) take "now" as an
 * argument from the caller's clock.
 *
 * <p>How a mention moves a customer, in order:
 *
 * <ol>
 *   <li>A mention already seen (same mention id) changes nothing. A mention by the brand's own account is not a
 *       customer's and changes nothing here (its replies answer complaints, see {@link #respond}).
 *   <li>Inactivity first: for every full decay period between the last interaction and this mention, one stage back.
 *   <li>Counters are updated with the mention: the rules then see the mention included.
 *   <li>A new customer enters ATTENTION if the {@code attention} rule holds (otherwise no journey starts).
 *   <li>If the {@code regression} rule holds, the customer drops back (an advocate always with the reason "advocate
 *       complained"); otherwise the customer may advance <em>one</em> stage: to the next stage, or from AFFINITY
 *       straight to ADVOCATE. TRANSACTIONAL customers stop at ATTRACTION; a stage lost by regression cannot be
 *       re-entered within the hysteresis period. A first mention may notice and advance in one go.
 *   <li>If the {@code response-due} rule holds, a response window opens with a business-time deadline.
 * </ol>
 *
 * <p>Out-of-order input: counters use each mention's own {@code createdAt} (a late mention lands in its own day and
 * week), windows are measured back from the latest interaction seen, and {@code lastInteractionAt} never moves
 * backwards. Stage decisions are taken in arrival order — a late mention is judged against the state as it is.
 */
public class JourneyPolicy {

    public static final String DECAY_RULE = "decay";
    public static final String ERASURE_REASON = "erasure requested";
    // Re-deliveries come soon after the original (retries, replays of a batch); 64 ids cover that at a fraction of the
    // state size, which dominates the per-mention cost (the state is read and written as JSON on every mention).
    static final int REMEMBERED_MENTION_IDS = 64;
    static final int REMEMBERED_WEEKS = 104;
    static final int REMEMBERED_POSITIVES = 100;
    // A customer who complains more often than this within the open-complaint period is a bot or a pile-on; the
    // newest windows are what the brand can still act on, and without a cap the state of such a customer (read and
    // written on every mention) grows with every complaint.
    static final int REMEMBERED_OPEN_RESPONSES = 32;
    private static final long SECONDS_PER_DAY = 86_400;

    private final JourneySettings settings;
    private final TenantPolicy defaults;
    private final Map<String, TenantPolicy> tenants;

    public JourneyPolicy(JourneySettings settings, TenantPolicy defaults, Map<String, TenantPolicy> tenants) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.tenants = Map.copyOf(tenants);
    }

    /** DESIGN §3 defaults for every tenant. */
    public static JourneyPolicy withDefaults() {
        return new JourneyPolicy(
                JourneySettings.DEFAULTS,
                TenantPolicy.defaults(JourneyRules.compile("default", RuleExpressions.DEFAULTS)),
                Map.of());
    }

    public JourneySettings settings() {
        return settings;
    }

    public TenantPolicy tenant(String tenant) {
        return tenants.getOrDefault(tenant, defaults);
    }

    /** A mention written by one of the tenant's own accounts. */
    public boolean isBrandMention(ClassifiedMention classified) {
        return tenant(classified.mention().tenant())
                .isBrandHandle(classified.mention().author().handle());
    }

    /** The brand answering someone: its reply closes that post's response window. */
    public boolean isBrandReply(ClassifiedMention classified) {
        return classified.mention().inReplyTo() != null && isBrandMention(classified);
    }

    /** Whether this mention opens a response window; needs only the mention, so answers can be matched stateless. */
    public boolean opensResponseWindow(ClassifiedMention classified) {
        return !isBrandMention(classified)
                && tenant(classified.mention().tenant())
                        .rules()
                        .test(RuleExpressions.RESPONSE_DUE, mentionFacts(classified));
    }

    /** @param current the customer's state, or null for a customer not seen before */
    public JourneyUpdate apply(JourneyState current, ClassifiedMention classified) {
        if (current != null && current.hasSeen(classified.mention().mentionId())) {
            return JourneyUpdate.NONE; // re-delivered: already counted
        }
        if (isBrandMention(classified)) {
            return JourneyUpdate.NONE;
        }
        TenantPolicy tenant = tenant(classified.mention().tenant());
        JourneyRules rules = tenant.rules();
        Map<String, Object> mentionFacts = mentionFacts(classified);
        Draft draft = Draft.of(current, classified);
        Instant at = classified.mention().createdAt();
        Evidence evidence = Evidence.of(classified);
        List<JourneyEvent> events = new ArrayList<>();

        decayUntil(draft, at, events, Optional.of(evidence));
        draft.count(classified, rules, mentionFacts, settings);
        Facts facts = customerFacts(mentionFacts, draft);
        draft.style = rules.test(RuleExpressions.TRANSACTIONAL, facts.values())
                ? RelationshipStyle.TRANSACTIONAL
                : RelationshipStyle.RELATIONAL;
        facts = customerFacts(mentionFacts, draft);

        if (draft.stage == null) {
            if (rules.test(RuleExpressions.ATTENTION, facts.values())) {
                draft.moveTo(Stage.ATTENTION, RuleExpressions.ATTENTION, at, evidence, settings);
                events.add(new CustomerNoticed(
                        eventId(
                                "CustomerNoticed",
                                draft.key,
                                classified.mention().mentionId().value()),
                        at,
                        draft.key,
                        draft.tenant,
                        Stage.ATTENTION,
                        RuleExpressions.ATTENTION,
                        List.of(evidence)));
                facts = customerFacts(mentionFacts, draft);
                advance(draft, tenant, facts, classified, evidence, events);
            } else if (current == null) {
                return JourneyUpdate.NONE; // not about the brand: no journey starts
            }
        } else if (rules.test(RuleExpressions.REGRESSION, facts.values())) {
            regress(draft, tenant, classified, evidence, events);
        } else {
            advance(draft, tenant, facts, classified, evidence, events);
        }

        if (rules.test(RuleExpressions.RESPONSE_DUE, mentionFacts)) {
            Instant dueBy = tenant.calendar().plusBusinessTime(at, tenant.responseSla());
            draft.openResponses.add(new ResponseWindow(
                    classified.mention().mentionId(), classified.mention().nativeId(), at, dueBy, false));
            draft.trimOpenResponses();
            draft.responses = new ResponseStats(
                    draft.responses.opened() + 1,
                    draft.responses.answeredInTime(),
                    draft.responses.answeredLate(),
                    draft.responses.overdue());
            events.add(new ResponseDue(
                    eventId(
                            "ResponseDue",
                            draft.key,
                            classified.mention().mentionId().value()),
                    at,
                    draft.key,
                    draft.tenant,
                    classified.mention().mentionId(),
                    dueBy));
        }
        draft.rememberMention(classified.mention().mentionId());
        draft.updatedAt = latest(draft.updatedAt, at);
        return new JourneyUpdate(draft.toState(), events);
    }

    /** The brand answered one of the customer's complaints: its window closes, in time or late. */
    public JourneyUpdate respond(JourneyState current, ResponseGiven answer) {
        if (current == null) {
            return JourneyUpdate.NONE;
        }
        Optional<ResponseWindow> window = current.openResponses().stream()
                .filter(w -> w.nativeId().equals(answer.complaintNativeId()))
                .findFirst();
        if (window.isEmpty()) {
            return JourneyUpdate.NONE; // already answered, or never opened (say, a complaint below the threshold)
        }
        Draft draft = Draft.of(current, null);
        draft.openResponses.remove(window.get());
        boolean inTime = !answer.answeredAt().isAfter(window.get().dueBy());
        ResponseStats r = draft.responses;
        draft.responses = new ResponseStats(
                r.opened(), r.answeredInTime() + (inTime ? 1 : 0), r.answeredLate() + (inTime ? 0 : 1), r.overdue());
        draft.updatedAt = latest(draft.updatedAt, answer.answeredAt());
        return new JourneyUpdate(draft.toState(), List.of());
    }

    /**
     * What the clock alone changes: response windows past their deadline become overdue (once each), and a customer
     * inactive for a full decay period drops back one stage per period.
     */
    public JourneyUpdate onTimer(JourneyState current, Instant now) {
        if (current == null || current.stage() == null) {
            return JourneyUpdate.NONE;
        }
        Draft draft = Draft.of(current, null);
        List<JourneyEvent> events = new ArrayList<>();
        for (int i = 0; i < draft.openResponses.size(); i++) {
            ResponseWindow w = draft.openResponses.get(i);
            if (!w.overdue() && !now.isBefore(w.dueBy())) {
                draft.openResponses.set(
                        i, new ResponseWindow(w.mentionId(), w.nativeId(), w.openedAt(), w.dueBy(), true));
                ResponseStats r = draft.responses;
                draft.responses = new ResponseStats(r.opened(), r.answeredInTime(), r.answeredLate(), r.overdue() + 1);
                events.add(new ResponseOverdue(
                        eventId("ResponseOverdue", draft.key, w.mentionId().value()),
                        w.dueBy(),
                        draft.key,
                        draft.tenant,
                        w.mentionId(),
                        w.dueBy()));
            }
        }
        decayUntil(draft, now, events, Optional.empty());
        if (events.isEmpty()) {
            return JourneyUpdate.NONE;
        }
        return new JourneyUpdate(draft.toState(), events);
    }

    /** The earliest time {@link #onTimer} would change this state, if ever. */
    public Optional<Instant> nextTimer(JourneyState state) {
        if (state == null || state.stage() == null) {
            return Optional.empty();
        }
        Instant next = state.openResponses().stream()
                .filter(w -> !w.overdue())
                .map(ResponseWindow::dueBy)
                .min(Instant::compareTo)
                .orElse(null);
        if (state.stage() != Stage.ATTENTION) {
            Instant decay = decayReference(state.journey().lastInteractionAt(), state.lastDecayAt())
                    .plus(settings.decayAfter());
            next = next == null || decay.isBefore(next) ? decay : next;
        }
        return Optional.ofNullable(next);
    }

    /**
     * Erasure: the state goes, a {@code CustomerErased} event says so, and a suppression tells ingest to drop the
     * author's future mentions. Applies even to a customer without state, so the suppression is always written.
     */
    public JourneyUpdate erase(JourneyState current, ErasureRequested request) {
        CustomerKey key = request.customerKey();
        String reason = request.reason() == null ? ERASURE_REASON : request.reason();
        CustomerErased erased = new CustomerErased(
                eventId("CustomerErased", key, request.requestId()), request.requestedAt(), key, key.tenant(), reason);
        Suppression suppression = new Suppression(key, key.tenant(), reason, request.requestedAt());
        return new JourneyUpdate(null, List.of(erased), true, suppression);
    }

    /** Records contact permission; it travels with the state and changes no stage. */
    public JourneyUpdate consent(JourneyState current, ConsentRecorded consent) {
        Draft draft =
                current == null ? Draft.empty(consent.customerKey(), consent.recordedAt()) : Draft.of(current, null);
        draft.consent = new Consent(consent.contactAllowed(), consent.recordedAt());
        draft.updatedAt = latest(draft.updatedAt, consent.recordedAt());
        return new JourneyUpdate(draft.toState(), List.of());
    }

    private void advance(
            Draft draft,
            TenantPolicy tenant,
            Facts facts,
            ClassifiedMention classified,
            Evidence evidence,
            List<JourneyEvent> events) {
        Instant at = classified.mention().createdAt();
        for (Stage target : candidates(draft.stage)) {
            if (draft.style == RelationshipStyle.TRANSACTIONAL && target.isAfter(Stage.ATTRACTION)) {
                continue; // deal seekers are recognised, not pushed up the funnel
            }
            if (withinHysteresis(draft.lastRegression, target, at)) {
                continue;
            }
            String rule = ruleFor(target);
            if (tenant.rules().test(rule, facts.values())) {
                Stage from = draft.stage;
                draft.moveTo(target, rule, at, evidence, settings);
                String cause = classified.mention().mentionId().value();
                events.add(new StageAdvanced(
                        eventId("StageAdvanced", draft.key, cause + '>' + target),
                        at,
                        draft.key,
                        draft.tenant,
                        from,
                        target,
                        rule,
                        List.of(evidence)));
                if (target == Stage.ADVOCATE) {
                    events.add(new AdvocateIdentified(
                            eventId("AdvocateIdentified", draft.key, cause),
                            at,
                            draft.key,
                            draft.tenant,
                            rule,
                            List.of(evidence)));
                }
                return;
            }
        }
    }

    private void regress(
            Draft draft,
            TenantPolicy tenant,
            ClassifiedMention classified,
            Evidence evidence,
            List<JourneyEvent> events) {
        Stage from = draft.stage;
        if (from == Stage.ATTENTION) {
            return; // nowhere lower to go; the response window still opens
        }
        Stage to = Stage.values()[Math.max(0, from.ordinal() - tenant.regressionSteps())];
        String reason = from == Stage.ADVOCATE
                ? "advocate complained"
                : classified.primaryIntent() == Intent.CHURN_RISK ? "churn risk" : "complaint";
        Instant at = classified.mention().createdAt();
        draft.moveTo(to, RuleExpressions.REGRESSION, at, evidence, settings);
        draft.lastRegression = new Regression(from, to, at);
        events.add(new StageRegressed(
                eventId(
                        "StageRegressed",
                        draft.key,
                        classified.mention().mentionId().value()),
                at,
                draft.key,
                draft.tenant,
                from,
                to,
                RuleExpressions.REGRESSION,
                reason,
                List.of(evidence)));
    }

    /** One stage back per full decay period without interaction, up to {@code now}. */
    private void decayUntil(Draft draft, Instant now, List<JourneyEvent> events, Optional<Evidence> trigger) {
        if (draft.stage == null || draft.lastInteractionAt == null) {
            return;
        }
        Instant reference = decayReference(draft.lastInteractionAt, draft.lastDecayAt);
        while (draft.stage != Stage.ATTENTION && !now.isBefore(reference.plus(settings.decayAfter()))) {
            Instant at = reference.plus(settings.decayAfter());
            Stage from = draft.stage;
            Stage to = Stage.values()[from.ordinal() - 1];
            draft.moveTo(to, DECAY_RULE, at, null, settings);
            draft.lastDecayAt = at;
            events.add(new StageRegressed(
                    eventId("StageRegressed", draft.key, "decay:" + at),
                    at,
                    draft.key,
                    draft.tenant,
                    from,
                    to,
                    DECAY_RULE,
                    "no interaction for " + settings.decayAfter().toDays() + " days",
                    List.of()));
            reference = at;
        }
    }

    private static Instant decayReference(Instant lastInteractionAt, Instant lastDecayAt) {
        return lastDecayAt != null && lastDecayAt.isAfter(lastInteractionAt) ? lastDecayAt : lastInteractionAt;
    }

    private boolean withinHysteresis(Regression regression, Stage target, Instant at) {
        return regression != null
                && !target.isAfter(regression.from())
                && target.isAfter(regression.to())
                && at.isBefore(regression.at().plus(settings.hysteresis()));
    }

    /** Highest first: from AFFINITY a confident recommendation goes straight to ADVOCATE. */
    private static List<Stage> candidates(Stage stage) {
        return switch (stage) {
            case ATTENTION -> List.of(Stage.ATTRACTION);
            case ATTRACTION -> List.of(Stage.AFFINITY);
            case AFFINITY -> List.of(Stage.ADVOCATE, Stage.AUDIENCE);
            case AUDIENCE -> List.of(Stage.ADVOCATE);
            case ADVOCATE -> List.of();
        };
    }

    private static String ruleFor(Stage stage) {
        return switch (stage) {
            case ATTENTION -> RuleExpressions.ATTENTION;
            case ATTRACTION -> RuleExpressions.ATTRACTION;
            case AFFINITY -> RuleExpressions.AFFINITY;
            case AUDIENCE -> RuleExpressions.AUDIENCE;
            case ADVOCATE -> RuleExpressions.ADVOCATE;
        };
    }

    Map<String, Object> mentionFacts(ClassifiedMention classified) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("intent", classified.primaryIntent().name());
        facts.put("confidence", classified.confidence());
        facts.put("confident", isConfident(classified));
        facts.put("needs_review", classified.needsReview());
        Map<String, Double> intents = new HashMap<>();
        classified.intents().forEach((intent, p) -> intents.put(intent.name(), p));
        facts.put("intents", intents);
        facts.put("kind", classified.mention().kind().name());
        facts.put(
                "sentiment",
                classified.sentiment() == null
                        ? "NEUTRAL"
                        : classified.sentiment().label().name());
        facts.put(
                "sentiment_score",
                classified.sentiment() == null ? 0.0 : classified.sentiment().score());
        facts.put("platform", classified.mention().platform());
        facts.put("language", classified.language() == null ? "und" : classified.language());
        Long followers = classified.mention().author().followers();
        facts.put("followers", followers == null ? 0L : followers);
        return facts;
    }

    /** {@code needsReview} items never count as confident: they are recorded, but move no stage on their own. */
    private boolean isConfident(ClassifiedMention classified) {
        return !classified.needsReview() && classified.confidence() >= settings.confidenceThreshold();
    }

    private Facts customerFacts(Map<String, Object> mentionFacts, Draft draft) {
        Map<String, Object> facts = new HashMap<>(mentionFacts);
        Instant reference = draft.lastInteractionAt;
        facts.put("stage", draft.stage == null ? "" : draft.stage.name());
        facts.put("style", draft.style.name());
        facts.put("mentions", draft.mentionCount);
        facts.put("relevant_mentions", draft.relevantMentions);
        Map<String, Long> counts = new HashMap<>();
        draft.intentCounts.forEach((intent, n) -> counts.put(intent.name(), n));
        facts.put("intent_counts", counts);
        facts.put("deal_seeking", draft.intentCounts.getOrDefault(Intent.DEAL_SEEKING, 0L));
        facts.put("complaints", draft.intentCounts.getOrDefault(Intent.COMPLAINT, 0L));
        facts.put("open_complaints", draft.openComplaints(reference, settings));
        Instant windowStart = reference.minus(settings.positiveWindow());
        // UTC days as epoch-day numbers: LocalDate.ofInstant builds zone rules per call, and this runs per mention.
        long[] positiveDays = new long[draft.positiveAt.size()];
        int positives = 0;
        for (Instant t : draft.positiveAt) {
            if (t.isAfter(windowStart)) {
                positiveDays[positives++] = Math.floorDiv(t.getEpochSecond(), SECONDS_PER_DAY);
            }
        }
        java.util.Arrays.sort(positiveDays, 0, positives);
        long distinctDays = 0;
        for (int i = 0; i < positives; i++) {
            if (i == 0 || positiveDays[i] != positiveDays[i - 1]) {
                distinctDays++;
            }
        }
        facts.put("positive_90d", (long) positives);
        facts.put("positive_days_90d", distinctDays);
        facts.put("engaged_weeks", (long) draft.engagedWeeks.size());
        facts.put("follows", draft.follows);
        facts.put(
                "days_in_stage",
                draft.stageSince == null
                        ? 0L
                        : Math.max(
                                0, Duration.between(draft.stageSince, reference).toDays()));
        facts.put(
                "days_since_last_interaction",
                draft.previousInteractionAt == null
                        ? 0L
                        : Math.max(
                                0,
                                Duration.between(draft.previousInteractionAt, reference)
                                        .toDays()));
        return new Facts(facts);
    }

    private static EventId eventId(String type, CustomerKey key, String cause) {
        return EventId.derived(type, key, cause);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private record Facts(Map<String, Object> values) {}

    /** A mutable working copy of one customer's state while an input is applied. */
    private static final class Draft {
        CustomerKey key;
        String tenant;
        Stage stage;
        RelationshipStyle style = RelationshipStyle.RELATIONAL;
        Instant firstSeenAt;
        Instant lastInteractionAt;
        Instant previousInteractionAt;
        long mentionCount;
        Map<Intent, Long> intentCounts = new EnumMap<>(Intent.class);
        // Immutable until the stage changes: an unchanged history passes on as the same list, which lets the store's
        // serde recognise it and skip re-encoding it (most mentions change no stage).
        List<StageChange> history = List.of();
        Instant updatedAt;
        List<MentionId> recentMentionIds = new ArrayList<>();
        Stage highestStage;
        Instant stageSince;
        List<Instant> positiveAt = new ArrayList<>();
        List<String> engagedWeeks = new ArrayList<>();
        long relevantMentions;
        long follows;
        Regression lastRegression;
        Instant lastDecayAt;
        List<ResponseWindow> openResponses = new ArrayList<>();
        ResponseStats responses = ResponseStats.NONE;
        Consent consent;

        static Draft empty(CustomerKey key, Instant at) {
            Draft d = new Draft();
            d.key = key;
            d.tenant = key.tenant();
            d.firstSeenAt = at;
            d.lastInteractionAt = at;
            d.updatedAt = at;
            return d;
        }

        static Draft of(JourneyState state, ClassifiedMention classified) {
            if (state == null) {
                Objects.requireNonNull(classified, "a new customer needs a mention");
                Draft d = empty(
                        classified.mention().customerKey(), classified.mention().createdAt());
                d.lastInteractionAt = null;
                return d;
            }
            Draft d = new Draft();
            CustomerJourney j = state.journey();
            d.key = j.customerKey();
            d.tenant = j.tenant();
            d.stage = j.stage();
            d.style = j.style() == null ? RelationshipStyle.RELATIONAL : j.style();
            d.firstSeenAt = j.firstSeenAt();
            d.lastInteractionAt = j.lastInteractionAt();
            d.mentionCount = j.mentionCount();
            d.intentCounts.putAll(j.intentCounts());
            d.history = j.history();
            d.updatedAt = j.updatedAt();
            d.recentMentionIds.addAll(state.recentMentionIds());
            d.highestStage = state.highestStage();
            d.stageSince = state.stageSince();
            d.positiveAt.addAll(state.positiveAt());
            d.engagedWeeks.addAll(state.engagedWeeks());
            d.relevantMentions = state.relevantMentions();
            d.follows = state.follows();
            d.lastRegression = state.lastRegression();
            d.lastDecayAt = state.lastDecayAt();
            d.openResponses.addAll(state.openResponses());
            d.responses = state.responses();
            d.consent = state.consent();
            return d;
        }

        void count(
                ClassifiedMention classified,
                JourneyRules rules,
                Map<String, Object> mentionFacts,
                JourneySettings settings) {
            Instant at = classified.mention().createdAt();
            previousInteractionAt = lastInteractionAt;
            firstSeenAt = firstSeenAt == null || at.isBefore(firstSeenAt) ? at : firstSeenAt;
            if (lastInteractionAt == null || at.isAfter(lastInteractionAt)) {
                lastInteractionAt = at;
                lastDecayAt = null; // an interaction restarts the inactivity clock
            }
            mentionCount++;
            intentCounts.merge(classified.primaryIntent(), 1L, Long::sum);
            if (classified.mention().kind() == MentionKind.FOLLOW) {
                follows++;
            }
            if (rules.test(RuleExpressions.ENGAGEMENT, mentionFacts)) {
                relevantMentions++;
                String week = isoWeek(at);
                if (!engagedWeeks.contains(week)) {
                    engagedWeeks.add(week);
                    engagedWeeks.sort(String::compareTo);
                    trimFront(engagedWeeks, REMEMBERED_WEEKS);
                }
            }
            if (rules.test(RuleExpressions.POSITIVE, mentionFacts)) {
                positiveAt.add(at);
                positiveAt.sort(Instant::compareTo);
            }
            Instant windowStart = lastInteractionAt.minus(settings.positiveWindow());
            positiveAt.removeIf(t -> !t.isAfter(windowStart));
            trimFront(positiveAt, REMEMBERED_POSITIVES);
            // Overdue windows only matter while they count as open complaints; then they go, to bound the state.
            Instant forgetBefore = lastInteractionAt.minus(settings.complaintOpenFor());
            openResponses.removeIf(w -> w.overdue() && w.openedAt().isBefore(forgetBefore));
        }

        /** At most {@link #REMEMBERED_OPEN_RESPONSES}: the oldest overdue window goes first, else the oldest. */
        void trimOpenResponses() {
            while (openResponses.size() > REMEMBERED_OPEN_RESPONSES) {
                int drop = 0;
                for (int i = 0; i < openResponses.size(); i++) {
                    if (openResponses.get(i).overdue()) {
                        drop = i;
                        break;
                    }
                }
                openResponses.remove(drop);
            }
        }

        long openComplaints(Instant reference, JourneySettings settings) {
            Instant since = reference.minus(settings.complaintOpenFor());
            return openResponses.stream()
                    .filter(w -> w.openedAt().isAfter(since))
                    .count();
        }

        void moveTo(Stage to, String rule, Instant at, Evidence evidence, JourneySettings settings) {
            history = new ArrayList<>(history);
            history.add(new StageChange(stage, to, rule, at, evidence == null ? List.of() : List.of(evidence)));
            trimFront(history, settings.historyLimit());
            stage = to;
            stageSince = at;
            if (highestStage == null || to.isAfter(highestStage)) {
                highestStage = to;
            }
        }

        void rememberMention(MentionId id) {
            recentMentionIds.add(id);
            trimFront(recentMentionIds, REMEMBERED_MENTION_IDS);
        }

        JourneyState toState() {
            CustomerJourney journey = new CustomerJourney(
                    key,
                    tenant,
                    stage,
                    style,
                    firstSeenAt,
                    lastInteractionAt == null ? firstSeenAt : lastInteractionAt,
                    mentionCount,
                    intentCounts,
                    history,
                    updatedAt);
            // Answered windows are gone; overdue ones are kept while they still count as open complaints.
            return new JourneyState(
                    journey,
                    recentMentionIds,
                    highestStage,
                    stageSince,
                    positiveAt,
                    engagedWeeks,
                    relevantMentions,
                    follows,
                    lastRegression,
                    lastDecayAt,
                    openResponses,
                    responses,
                    consent);
        }

        /** {@code 2026-W40}: the ISO week-based year and week of the UTC day. */
        private static String isoWeek(Instant at) {
            LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(at.getEpochSecond(), SECONDS_PER_DAY));
            int week = day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            return day.get(IsoFields.WEEK_BASED_YEAR) + (week < 10 ? "-W0" : "-W") + week;
        }

        private static <T> void trimFront(List<T> list, int max) {
            while (list.size() > max) {
                list.remove(0);
            }
        }
    }
}
