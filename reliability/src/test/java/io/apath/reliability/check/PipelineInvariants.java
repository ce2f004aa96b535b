package io.apath.reliability.check;

import io.apath.reliability.check.TopicSnapshot.Rec;
import io.apath.reliability.load.MentionLoad;
import io.apath.reliability.load.MentionLoad.Submission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The promises, checked from the topics themselves (read_committed), for the mentions a {@link MentionLoad} sent:
 *
 * <ul>
 *   <li>every acknowledged mention is on {@code mentions.v1} and {@code mentions-classified.v1} (at least once: those
 *       hops are at-least-once), and counted exactly once in its customer's journey ({@code mentionCount} on
 *       {@code journey-state.v1});
 *   <li>the journey's counters agree with each other, and its evidence names only mentions that were sent;
 *   <li>no journey event id appears twice, and each customer's events walk the stages validly, ending where the
 *       latest journey says the customer stands.
 * </ul>
 *
 * A mention the client gave up on (never answered 202) may or may not have got through; it may be counted once, never
 * twice.
 */
public final class PipelineInvariants {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> STAGES = List.of("ATTENTION", "ATTRACTION", "AFFINITY", "AUDIENCE", "ADVOCATE");

    private PipelineInvariants() {}

    /** What the topics say about one load; {@link #violations()} empty means every promise held. */
    public record Verdict(
            int sent,
            int acked,
            int gaveUp,
            int rejected,
            int onMentions,
            int duplicatesOnMentions,
            int onClassified,
            int duplicatesOnClassified,
            long counted,
            int missing,
            int countedTwice,
            int customers,
            int customersExcluded,
            int journeyEvents,
            int duplicateEventIds,
            int invalidTransitions,
            Set<String> irrelevantTexts,
            List<String> violations) {

        public boolean holds() {
            return violations.isEmpty();
        }

        /** How many acknowledged mentions the journeys have not counted yet: 0 once the pipeline has caught up. */
        public int pending() {
            return missing;
        }

        @Override
        public String toString() {
            return "sent=" + sent + " acked=" + acked + " gaveUp=" + gaveUp + " rejected=" + rejected + " onMentions="
                    + onMentions + " (dup " + duplicatesOnMentions + ") onClassified=" + onClassified + " (dup "
                    + duplicatesOnClassified + ") counted=" + counted + " missing=" + missing + " countedTwice="
                    + countedTwice + " customers=" + customers + " (excluded " + customersExcluded + ") events="
                    + journeyEvents + " dupEventIds=" + duplicateEventIds + " invalidTransitions="
                    + invalidTransitions + (irrelevantTexts.isEmpty() ? "" : " irrelevant=" + irrelevantTexts)
                    + (violations.isEmpty() ? "" : " violations=" + violations);
        }
    }

    public static Verdict check(String bootstrapServers, List<Submission> submissions) {
        Map<String, Submission> byKey = new HashMap<>();
        submissions.forEach(s -> byKey.put(s.key(), s));
        Set<String> ourCustomers = new HashSet<>();
        submissions.forEach(s -> ourCustomers.add(s.customerKey()));
        List<String> violations = new ArrayList<>();

        // mentions.v1: mention key → copies; mention id → mention key (evidence names mention ids)
        Map<String, Integer> onMentions = new HashMap<>();
        Map<String, String> keyOfMentionId = new HashMap<>();
        for (Rec r : TopicSnapshot.read(bootstrapServers, "mentions.v1")) {
            JsonNode m = parse(r);
            if (m == null || !ourCustomers.contains(r.key())) {
                continue;
            }
            String key = mentionKey(m);
            onMentions.merge(key, 1, Integer::sum);
            keyOfMentionId.put(m.path("mentionId").asString(), key);
        }

        Map<String, Integer> onClassified = new HashMap<>();
        Set<String> customersWithIrrelevant = new HashSet<>();
        Set<String> irrelevantTexts = new java.util.TreeSet<>();
        for (Rec r : TopicSnapshot.read(bootstrapServers, "mentions-classified.v1")) {
            JsonNode c = parse(r);
            if (c == null || !ourCustomers.contains(r.key())) {
                continue;
            }
            onClassified.merge(mentionKey(c.path("mention")), 1, Integer::sum);
            if ("IRRELEVANT".equals(c.path("primaryIntent").asString())) {
                customersWithIrrelevant.add(r.key());
                irrelevantTexts.add(c.path("mention").path("text").asString());
            }
        }

        Map<String, JsonNode> latest = new HashMap<>();
        for (Rec r : TopicSnapshot.read(bootstrapServers, "journey-state.v1")) {
            if (ourCustomers.contains(r.key())) {
                latest.put(r.key(), r.value() == null ? null : parse(r));
            }
        }

        Map<String, List<JsonNode>> eventsByCustomer = new LinkedHashMap<>();
        Map<String, Integer> eventIds = new HashMap<>();
        List<Rec> events = new ArrayList<>(TopicSnapshot.read(bootstrapServers, "journey-events.v1"));
        events.sort(Comparator.comparingInt(Rec::partition).thenComparingLong(Rec::offset));
        int journeyEvents = 0;
        for (Rec r : events) {
            JsonNode e = parse(r);
            if (e == null || !ourCustomers.contains(r.key())) {
                continue;
            }
            journeyEvents++;
            eventIds.merge(e.path("eventId").asString(), 1, Integer::sum);
            eventsByCustomer.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(e);
        }

        int acked = 0, gaveUp = 0, rejected = 0, lostOnMentions = 0, lostOnClassified = 0;
        Map<String, Integer> ackedPerCustomer = new HashMap<>();
        Map<String, Integer> uncertainPerCustomer = new HashMap<>();
        for (Submission s : submissions) {
            if (s.acked()) {
                acked++;
                ackedPerCustomer.merge(s.customerKey(), 1, Integer::sum);
                if (!onMentions.containsKey(s.key())) {
                    lostOnMentions++;
                }
                if (!onClassified.containsKey(s.key())) {
                    lostOnClassified++;
                }
            } else {
                uncertainPerCustomer.merge(s.customerKey(), 1, Integer::sum);
                if (s.gaveUp()) {
                    gaveUp++;
                }
                if (s.rejectedWith() != 0) {
                    rejected++;
                }
            }
        }
        if (lostOnMentions > 0) {
            violations.add(lostOnMentions + " acknowledged mentions not on mentions.v1");
        }
        if (lostOnClassified > 0) {
            violations.add(lostOnClassified + " acknowledged mentions not on mentions-classified.v1");
        }
        if (rejected > 0) {
            violations.add(rejected + " valid mentions refused with a 4xx");
        }

        long counted = 0;
        int missing = 0, countedTwice = 0, excluded = 0, counterMismatch = 0, phantomEvidence = 0;
        for (String customer : ourCustomers) {
            JsonNode journey = latest.get(customer);
            long count = journey == null ? 0 : journey.path("mentionCount").asLong();
            counted += count;
            int expected = ackedPerCustomer.getOrDefault(customer, 0);
            int uncertain = uncertainPerCustomer.getOrDefault(customer, 0);
            if (count > expected + uncertain) {
                countedTwice += (int) (count - expected - uncertain);
            }
            if (customersWithIrrelevant.contains(customer)) {
                excluded++; // an IRRELEVANT mention may rightly not count: only over-counting is checked here
            } else if (count < expected) {
                missing += (int) (expected - count);
            }
            if (journey != null) {
                long intentSum = 0;
                for (JsonNode n : journey.path("intentCounts")) {
                    intentSum += n.asLong();
                }
                if (intentSum != count) {
                    counterMismatch++;
                }
                for (JsonNode change : journey.path("history")) {
                    for (JsonNode evidence : change.path("evidence")) {
                        String key =
                                keyOfMentionId.get(evidence.path("mentionId").asString());
                        if (key == null || !byKey.containsKey(key)) {
                            phantomEvidence++;
                        }
                    }
                }
            }
        }
        if (missing > 0) {
            violations.add(missing + " acknowledged mentions not counted in journey-state.v1");
        }
        if (countedTwice > 0) {
            violations.add(countedTwice + " mentions counted twice in journey-state.v1");
        }
        if (counterMismatch > 0) {
            violations.add(counterMismatch + " journeys whose intentCounts do not add up to mentionCount");
        }
        if (phantomEvidence > 0) {
            violations.add(phantomEvidence + " evidence entries naming a mention that was never sent");
        }

        int duplicateEventIds =
                (int) eventIds.values().stream().filter(n -> n > 1).count();
        if (duplicateEventIds > 0) {
            violations.add(duplicateEventIds + " journey event ids appear more than once");
        }
        int invalidTransitions = 0;
        for (Map.Entry<String, List<JsonNode>> e : eventsByCustomer.entrySet()) {
            invalidTransitions += invalidTransitions(e.getValue(), latest.get(e.getKey()));
        }
        if (invalidTransitions > 0) {
            violations.add(invalidTransitions + " invalid stage transitions on journey-events.v1");
        }

        return new Verdict(
                submissions.size(),
                acked,
                gaveUp,
                rejected,
                onMentions.size(),
                (int) onMentions.values().stream().filter(n -> n > 1).count(),
                onClassified.size(),
                (int) onClassified.values().stream().filter(n -> n > 1).count(),
                counted,
                missing,
                countedTwice,
                ourCustomers.size(),
                excluded,
                journeyEvents,
                duplicateEventIds,
                invalidTransitions,
                irrelevantTexts,
                List.copyOf(violations));
    }

    /** Walks one customer's events in order; each must start from where the previous one left the customer. */
    static int invalidTransitions(List<JsonNode> events, JsonNode latestJourney) {
        int invalid = 0;
        String stage = null;
        for (JsonNode e : events) {
            String type = e.path("type").asString();
            switch (type) {
                case "CustomerNoticed" -> {
                    if (stage != null) {
                        invalid++;
                    }
                    stage = e.path("stage").asString();
                }
                case "StageAdvanced", "StageRegressed" -> {
                    String from = e.path("from").asString();
                    String to = e.path("to").asString();
                    int direction = Integer.compare(STAGES.indexOf(to), STAGES.indexOf(from));
                    boolean rightWay = type.equals("StageAdvanced") ? direction > 0 : direction < 0;
                    if (!from.equals(stage) || !rightWay) {
                        invalid++;
                    }
                    stage = to;
                }
                case "CustomerErased" -> stage = null;
                default -> {
                    // ResponseDue, ResponseOverdue, AdvocateIdentified: no stage change of their own
                }
            }
        }
        String finalStage = latestJourney == null || latestJourney.path("stage").isNull()
                ? null
                : latestJourney.path("stage").asString(null);
        if (stage != null && !stage.equals(finalStage)) {
            invalid++; // the events and the latest journey disagree on where the customer stands
        }
        return invalid;
    }

    private static String mentionKey(JsonNode mention) {
        return MentionLoad.mentionKey(
                mention.path("tenant").asString(),
                mention.path("platform").asString(),
                mention.path("nativeId").asString());
    }

    private static JsonNode parse(Rec r) {
        if (r.value() == null) {
            return null;
        }
        try {
            return JSON.readTree(r.value());
        } catch (RuntimeException e) {
            return null; // not JSON: poison, which is the dead-letter check's business
        }
    }
}
