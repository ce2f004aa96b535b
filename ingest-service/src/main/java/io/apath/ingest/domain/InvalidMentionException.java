package io.apath.ingest.domain;

import java.util.List;

/** The submission broke one or more rules; {@code violations} names each field and what is wrong with it. */
public class InvalidMentionException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidMentionException(List<Violation> violations) {
        super("invalid mention: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    public record Violation(String field, String problem) {}
}
