package io.apath.ingest.domain;

import java.util.List;

/**
 * One item of a request as the adapter read it: the submission (fields that had the wrong JSON type are null) and the
 * problems found while reading it. An item the adapter could not read at all has no submission.
 */
public record Submitted(MentionSubmission submission, List<Violation> readProblems) {

    public Submitted {
        readProblems = List.copyOf(readProblems);
    }

    public static Submitted of(MentionSubmission submission) {
        return new Submitted(submission, List.of());
    }

    public static Submitted unreadable(String field, String problem) {
        return new Submitted(null, List.of(new Violation(field, problem)));
    }
}
