package io.apath.journey.domain;

import io.apath.contracts.Evidence;
import io.apath.contracts.Intent;
import io.apath.contracts.Stage;
import io.apath.contracts.StageChange;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The two customer lists the journey page shows. Each instance selects its own top {@code limit} and the API merges
 * the instances' answers with {@link #top}: the top of the union is the top of the instances' tops, so the merge is
 * exact.
 */
public final class AdvocateLists {

    /** How far back a complaint still makes an advocate "at risk". */
    public static final Duration AT_RISK_WINDOW = Duration.ofDays(30);

    private AdvocateLists() {}

    /** One row of a list; {@code lastComplaintAt} is null when the customer has not complained. */
    public record Listed(String customerKey, Stage stage, Instant since, Instant lastComplaintAt) {}

    public enum Kind {
        /** Current stage ADVOCATE, the latest to get there first. */
        NEWEST_ADVOCATES("newest-advocates"),
        /**
         * Reached ADVOCATE at some point and then complained (confidently) or signalled churn within
         * {@link #AT_RISK_WINDOW}, or still waits for the brand's answer; the latest complaint first.
         */
        ADVOCATES_AT_RISK("advocates-at-risk");

        private final String parameter;

        Kind(String parameter) {
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }

        public static Optional<Kind> ofParameter(String value) {
            return Arrays.stream(values())
                    .filter(k -> k.parameter.equals(value))
                    .findFirst();
        }

        Comparator<Listed> order() {
            Comparator<Listed> newestFirst = this == NEWEST_ADVOCATES
                    ? Comparator.comparing(Listed::since, Comparator.nullsLast(Comparator.reverseOrder()))
                    : Comparator.comparing(Listed::lastComplaintAt, Comparator.nullsLast(Comparator.reverseOrder()));
            // the key breaks ties so every instance and the merge agree on one order
            return newestFirst.thenComparing(Listed::customerKey);
        }
    }

    /**
     * Whether the customer belongs on the list as of {@code now}; a complaint only counts when its classification was
     * at least {@code confidenceThreshold} sure.
     */
    public static Optional<Listed> select(Kind kind, JourneyState state, Instant now, double confidenceThreshold) {
        if (state == null || state.stage() == null) {
            return Optional.empty();
        }
        String key = state.journey().customerKey().value();
        Instant lastComplaint = lastComplaint(state, confidenceThreshold);
        Listed row = new Listed(key, state.stage(), state.stageSince(), lastComplaint);
        return switch (kind) {
            case NEWEST_ADVOCATES -> state.stage() == Stage.ADVOCATE ? Optional.of(row) : Optional.empty();
            case ADVOCATES_AT_RISK -> {
                boolean wasAdvocate = state.stage() == Stage.ADVOCATE || state.highestStage() == Stage.ADVOCATE;
                boolean recent = lastComplaint != null
                        && !lastComplaint.isBefore(now.minus(AT_RISK_WINDOW))
                        && !lastComplaint.isAfter(now);
                boolean waiting = !state.openResponses().isEmpty();
                yield wasAdvocate && (recent || waiting) ? Optional.of(row) : Optional.empty();
            }
        };
    }

    /** The first {@code limit} rows of {@code kind}'s order. */
    public static List<Listed> top(Kind kind, Collection<Listed> rows, int limit) {
        return rows.stream().sorted(kind.order()).limit(limit).toList();
    }

    /**
     * The latest confident COMPLAINT or CHURN_RISK the customer's state remembers: evidence of the kept stage changes
     * and the complaints still waiting for an answer (only confident complaints open one).
     */
    static Instant lastComplaint(JourneyState state, double confidenceThreshold) {
        Instant latest = null;
        for (StageChange change : state.journey().history()) {
            for (Evidence e : change.evidence()) {
                if ((e.intent() == Intent.COMPLAINT || e.intent() == Intent.CHURN_RISK)
                        && e.confidence() >= confidenceThreshold) {
                    latest = later(latest, change.at());
                }
            }
        }
        for (JourneyState.ResponseWindow window : state.openResponses()) {
            latest = later(latest, window.openedAt());
        }
        return latest;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }
}
