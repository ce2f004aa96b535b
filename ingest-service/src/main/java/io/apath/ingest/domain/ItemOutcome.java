package io.apath.ingest.domain;

import io.apath.contracts.MentionId;
import java.util.List;

/** What became of one submitted item. Only {@link Accepted} items were published by this request. */
public sealed interface ItemOutcome {

    /** Low-cardinality name, used in responses and as a metric tag. */
    String status();

    /** On {@code mentions.v1}, acknowledged by the broker. */
    record Accepted(MentionId mentionId) implements ItemOutcome {
        public String status() {
            return "accepted";
        }
    }

    /** Already published within the idempotency window (by this or another replica); not published again. */
    record Duplicate(MentionId mentionId) implements ItemOutcome {
        public String status() {
            return "duplicate";
        }
    }

    /** The author is suppressed (erased or opted out): dropped, never published. */
    record Suppressed(MentionId mentionId) implements ItemOutcome {
        public String status() {
            return "suppressed";
        }
    }

    /** Broke one or more rules; nothing was published. */
    record Rejected(List<Violation> violations) implements ItemOutcome {
        public Rejected {
            violations = List.copyOf(violations);
        }

        public String status() {
            return "rejected";
        }
    }
}
