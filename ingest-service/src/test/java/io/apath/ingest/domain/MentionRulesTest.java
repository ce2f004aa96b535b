package io.apath.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.apath.contracts.Author;
import io.apath.contracts.MentionKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MentionRulesTest {

    private static final Instant NOW = Instant.parse("2026-10-01T12:00:00Z");
    private final MentionRules rules = new MentionRules(Set.of("mastodon", "x"), 10_000, 256, 256, Duration.ofHours(1));

    private static MentionSubmission submission(String tenant, String platform, String text, Instant createdAt) {
        return new MentionSubmission(
                tenant,
                platform,
                "n-1",
                MentionKind.POST,
                new Author("a-1", "@a", null, 3L),
                text,
                "en",
                null,
                null,
                createdAt);
    }

    @Test
    void aCompleteMentionOfTheCallersTenantHasNoViolations() {
        assertThat(rules.check(submission("acme", "x", "hi", NOW), "acme", NOW)).isEmpty();
        assertThat(rules.check(submission(null, "x", "hi", NOW), "acme", NOW)).isEmpty();
    }

    @Test
    void anotherTenantsMentionIsRefused() {
        assertThat(rules.check(submission("globex", "x", "hi", NOW), "acme", NOW))
                .extracting(Violation::field)
                .containsExactly("tenant");
    }

    @Test
    void unknownPlatformsOverlongTextAndFutureTimestampsAreNamed() {
        assertThat(rules.check(submission(null, "myspace", "t".repeat(10_001), NOW.plusSeconds(7200)), "acme", NOW))
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("platform", "text", "createdAt");
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE00".repeat(10_000); // 10,000 code points, 20,000 chars
        assertThat(rules.check(submission(null, "x", emoji, NOW), "acme", NOW)).isEmpty();
    }

    @Test
    void aFollowNeedsNoText() {
        MentionSubmission follow = new MentionSubmission(
                null, "x", "f-1", MentionKind.FOLLOW, new Author("a", null, null, null), null, null, null, null, NOW);
        assertThat(rules.check(follow, "acme", NOW)).isEmpty();
    }
}
