package io.apath.ingest.source;

import io.apath.contracts.Author;
import io.apath.contracts.MentionKind;
import io.apath.ingest.domain.MentionSubmission;
import io.apath.ingest.domain.Submitted;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Maps Mastodon {@code Status} entities (REST API v1, as the hashtag timeline and webhooks deliver them) to mentions.
 * The native id is the status URI, which is the same on every instance, so the same toot seen by a connector on one
 * instance and a webhook from another is one mention. Authors are {@code user@instance}, never a bare local name.
 */
public final class MastodonStatuses {

    public static final String PLATFORM = "mastodon";

    private MastodonStatuses() {}

    /** A webhook body: a Status, an array of them, or Mastodon's webhook envelope {@code {event, object}}. */
    public static List<Submitted> readWebhook(JsonNode body) {
        if (body.isObject() && body.has("event") && body.get("object") != null) {
            return List.of(read(body.get("object")));
        }
        if (body.isArray()) {
            List<Submitted> items = new ArrayList<>();
            body.values().forEach(status -> items.add(read(status)));
            return items;
        }
        return List.of(read(body));
    }

    public static Submitted read(JsonNode status) {
        if (!status.isObject()) {
            return Submitted.unreadable("", "must be a Mastodon status object");
        }
        JsonNode reblog = status.get("reblog");
        boolean isReblog = reblog != null && reblog.isObject();
        JsonNode account = status.path("account");
        String uri = text(status, "uri");
        String nativeId = uri != null ? uri : text(status, "url");
        String authorId = qualifiedAccount(account, uri);
        if (nativeId == null || authorId == null) {
            return Submitted.unreadable(nativeId == null ? "uri" : "account.acct", "is required in a Mastodon status");
        }
        Instant createdAt;
        try {
            createdAt = Instant.parse(status.path("created_at").asString(""));
        } catch (DateTimeParseException e) {
            return Submitted.unreadable("created_at", "must be an ISO-8601 instant");
        }
        MentionKind kind = isReblog
                ? MentionKind.REPOST
                : text(status, "in_reply_to_id") != null ? MentionKind.REPLY : MentionKind.POST;
        String content = isReblog ? text(reblog, "content") : text(status, "content");
        JsonNode followers = account.get("followers_count");
        Author author = new Author(
                authorId,
                "@" + authorId,
                text(account, "display_name"),
                followers != null && followers.canConvertToLong() ? followers.longValue() : null);
        return Submitted.of(new MentionSubmission(
                null,
                PLATFORM,
                nativeId,
                kind,
                author,
                HtmlText.of(content),
                text(status, "language"),
                text(status, "url"),
                text(status, "in_reply_to_id"),
                createdAt));
    }

    /** Mastodon's {@code acct} is bare for accounts local to the answering instance; qualify it with that host. */
    private static String qualifiedAccount(JsonNode account, String statusUri) {
        String acct = text(account, "acct");
        if (acct == null) {
            return null;
        }
        if (acct.contains("@")) {
            return acct;
        }
        String home = text(account, "url") != null ? text(account, "url") : statusUri;
        String host = null;
        try {
            host = home == null ? null : URI.create(home).getHost();
        } catch (IllegalArgumentException e) {
            // not a URL: keep the bare name rather than inventing an instance
        }
        return host == null ? acct : acct + "@" + host;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() && !value.stringValue().isEmpty() ? value.stringValue() : null;
    }
}
