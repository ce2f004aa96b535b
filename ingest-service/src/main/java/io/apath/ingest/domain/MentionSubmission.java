package io.apath.ingest.domain;

import io.apath.contracts.Author;
import io.apath.contracts.MentionKind;
import java.time.Instant;

/** A mention as a client submits it: a {@link io.apath.contracts.Mention} before A-Path gave it an id. */
public record MentionSubmission(
        String tenant,
        String platform,
        String nativeId,
        MentionKind kind,
        Author author,
        String text,
        String lang,
        String url,
        String inReplyTo,
        Instant createdAt) {}
