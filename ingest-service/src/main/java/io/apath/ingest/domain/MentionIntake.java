package io.apath.ingest.domain;

import io.apath.contracts.Mention;
import io.apath.contracts.MentionId;
import io.apath.contracts.MentionKind;
import io.apath.ingest.domain.InvalidMentionException.Violation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Checks a submission, gives it its deterministic id and publishes it; nothing is acknowledged before the broker did. */
public class MentionIntake {

    private final MentionPublisher publisher;
    private final Clock clock;

    public MentionIntake(MentionPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    public Mention accept(MentionSubmission submission) {
        List<Violation> violations = validate(submission);
        if (!violations.isEmpty()) {
            throw new InvalidMentionException(violations);
        }
        Mention mention = new Mention(
                MentionId.of(submission.tenant(), submission.platform(), submission.nativeId()),
                submission.tenant(),
                submission.platform(),
                submission.nativeId(),
                submission.kind(),
                submission.author(),
                submission.text(),
                submission.lang(),
                submission.url(),
                submission.inReplyTo(),
                submission.createdAt(),
                clock.instant());
        publisher.publish(mention);
        return mention;
    }

    static List<Violation> validate(MentionSubmission s) {
        List<Violation> violations = new ArrayList<>();
        requireText(violations, "tenant", s.tenant());
        requireText(violations, "platform", s.platform());
        requireText(violations, "nativeId", s.nativeId());
        if (s.tenant() != null && s.tenant().contains(":")) {
            violations.add(new Violation("tenant", "must not contain ':'"));
        }
        if (s.platform() != null && s.platform().contains(":")) {
            violations.add(new Violation("platform", "must not contain ':'"));
        }
        if (s.kind() == null) {
            violations.add(new Violation("kind", "is required"));
        }
        if (s.author() == null) {
            violations.add(new Violation("author", "is required"));
        } else {
            requireText(violations, "author.id", s.author().id());
        }
        if (s.kind() != MentionKind.FOLLOW) {
            requireText(violations, "text", s.text());
        }
        if (s.createdAt() == null) {
            violations.add(new Violation("createdAt", "is required"));
        }
        return violations;
    }

    private static void requireText(List<Violation> violations, String field, String value) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "is required"));
        }
    }
}
