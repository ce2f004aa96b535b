package io.apath.classifier;

import io.apath.contracts.Author;
import io.apath.contracts.Mention;
import io.apath.contracts.MentionId;
import io.apath.contracts.MentionKind;
import java.time.Instant;

/** Test mother for mentions. */
public final class Mentions {

    private Mentions() {}

    public static Mention post(String tenant, String author, String nativeId, String text) {
        return new Mention(
                MentionId.of(tenant, "mastodon", nativeId),
                tenant,
                "mastodon",
                nativeId,
                MentionKind.POST,
                new Author(author, "@" + author, author, 10L),
                text,
                null,
                null,
                null,
                Instant.parse("2026-11-20T10:00:00Z"),
                Instant.parse("2026-11-20T10:00:01Z"));
    }
}
