package io.apath.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A public post (or follow) that mentions a brand, as ingest put it on {@code mentions.v1}. {@code createdAt} is when
 * the author posted it, {@code receivedAt} when A-Path accepted it. Optional fields are null when unknown.
 */
public record Mention(
        MentionId mentionId,
        String tenant,
        String platform,
        String nativeId,
        MentionKind kind,
        Author author,
        String text,
        String lang,
        String url,
        String inReplyTo,
        Instant createdAt,
        Instant receivedAt) {

    public Mention {
        Objects.requireNonNull(mentionId, "mentionId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(nativeId, "nativeId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public CustomerKey customerKey() {
        return CustomerKey.of(tenant, platform, author.id());
    }
}
