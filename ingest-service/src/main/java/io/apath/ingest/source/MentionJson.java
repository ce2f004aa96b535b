package io.apath.ingest.source;

import io.apath.contracts.Author;
import io.apath.contracts.MentionKind;
import io.apath.ingest.domain.MentionSubmission;
import io.apath.ingest.domain.Submitted;
import io.apath.ingest.domain.Violation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads mentions in A-Path's own JSON shape (the {@code Mention} contract without ids and {@code receivedAt}) from a
 * JSON object, a JSON array or NDJSON. Types are checked field by field, so one wrong field makes one item rejected
 * with that field named, never a failed request.
 */
public final class MentionJson {

    /** A mention is flat; anything nested deeper is hostile and refused before it costs stack or memory. */
    private static final int MAX_NESTING_DEPTH = 32;

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .build())
                    .build())
            .build();

    /** The body as a whole is not JSON we can read (malformed, not UTF-8, too deep): the request gets a 400. */
    public static final class MalformedException extends RuntimeException {
        public MalformedException(String message) {
            super(message);
        }
    }

    private MentionJson() {}

    public static JsonMapper mapper() {
        return JSON;
    }

    /** One JSON object (one mention) or a JSON array of them. */
    public static List<Submitted> readJson(byte[] body) {
        requireUtf8(body, 0, body.length);
        JsonNode root = parse(body, 0, body.length);
        if (root.isArray()) {
            List<Submitted> items = new ArrayList<>(root.size());
            root.values().forEach(node -> items.add(read(node)));
            return items;
        }
        if (root.isObject()) {
            return List.of(read(root));
        }
        throw new MalformedException("the body must be a JSON object or an array of objects");
    }

    /**
     * One JSON object per line. Lines are independent: a malformed line is one rejected item, the others still count.
     * Blank lines are skipped and take no index.
     */
    public static List<Submitted> readNdjson(byte[] body) {
        List<Submitted> items = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
                if (!isBlank(body, start, end)) {
                    items.add(readLine(body, start, end));
                }
                start = i + 1;
            }
        }
        return items;
    }

    private static Submitted readLine(byte[] body, int from, int to) {
        try {
            requireUtf8(body, from, to);
            JsonNode node = parse(body, from, to);
            return read(node);
        } catch (MalformedException e) {
            return Submitted.unreadable("", e.getMessage());
        }
    }

    public static JsonNode parse(byte[] body, int from, int to) {
        try {
            return JSON.readTree(body, from, to - from);
        } catch (JacksonException e) {
            throw new MalformedException("malformed JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Refuses bytes that are not well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above
     * U+10FFFF), without decoding them; {@code MentionJsonTest} holds it to the JDK's strict decoder.
     */
    public static void requireUtf8(byte[] body, int from, int to) {
        if (!isUtf8(body, from, to)) {
            throw new MalformedException("the body is not valid UTF-8");
        }
    }

    static boolean isUtf8(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b[i];
            if (c >= 0) { // ASCII, by far the most common
                i++;
                continue;
            }
            c &= 0xff;
            if (c < 0xC2 || c > 0xF4) {
                return false; // continuation byte first, overlong 2-byte lead, or beyond U+10FFFF
            }
            if (c < 0xE0) {
                if (i + 1 >= to || !continuation(b[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (c < 0xF0) {
                if (i + 2 >= to || !continuation(b[i + 1]) || !continuation(b[i + 2])) {
                    return false;
                }
                int second = b[i + 1] & 0xff;
                if ((c == 0xE0 && second < 0xA0) || (c == 0xED && second > 0x9F)) {
                    return false; // overlong, or a UTF-16 surrogate
                }
                i += 3;
            } else {
                if (i + 3 >= to || !continuation(b[i + 1]) || !continuation(b[i + 2]) || !continuation(b[i + 3])) {
                    return false;
                }
                int second = b[i + 1] & 0xff;
                if ((c == 0xF0 && second < 0x90) || (c == 0xF4 && second > 0x8F)) {
                    return false; // overlong, or beyond U+10FFFF
                }
                i += 4;
            }
        }
        return true;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /** One item; anything but an object is rejected whole. */
    public static Submitted read(JsonNode node) {
        if (!node.isObject()) {
            return Submitted.unreadable("", "must be a JSON object");
        }
        Fields f = new Fields(node, "");
        Author author = null;
        JsonNode authorNode = node.get("author");
        if (authorNode != null && !authorNode.isNull()) {
            if (!authorNode.isObject()) {
                f.problems.add(new Violation("author", "must be an object"));
            } else {
                Fields a = new Fields(authorNode, "author.");
                String id = a.string("id");
                String handle = a.string("handle");
                String displayName = a.string("displayName");
                Long followers = a.integer("followers");
                f.problems.addAll(a.problems);
                if (id == null) {
                    if (f.problems.stream().noneMatch(p -> p.field().equals("author.id"))) {
                        f.problems.add(new Violation("author.id", "is required"));
                    }
                } else {
                    author = new Author(id, handle, displayName, followers);
                }
            }
        }
        MentionSubmission submission = new MentionSubmission(
                f.string("tenant"),
                f.string("platform"),
                f.string("nativeId"),
                f.kind("kind"),
                author,
                f.string("text"),
                f.string("lang"),
                f.string("url"),
                f.string("inReplyTo"),
                f.instant("createdAt"));
        return new Submitted(submission, f.problems);
    }

    private static boolean isBlank(byte[] body, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] != ' ' && body[i] != '\t' && body[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Typed access to an object's fields that records a violation instead of throwing. */
    private static final class Fields {
        private final JsonNode node;
        private final String prefix;
        private final List<Violation> problems = new ArrayList<>();

        Fields(JsonNode node, String prefix) {
            this.node = node;
            this.prefix = prefix;
        }

        String string(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isString()) {
                problems.add(new Violation(prefix + name, "must be a string"));
                return null;
            }
            return value.stringValue();
        }

        Long integer(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                problems.add(new Violation(prefix + name, "must be an integer"));
                return null;
            }
            return value.longValue();
        }

        MentionKind kind(String name) {
            String value = string(name);
            if (value == null) {
                return null;
            }
            try {
                return MentionKind.valueOf(value);
            } catch (IllegalArgumentException e) {
                problems.add(new Violation(prefix + name, "must be one of " + Arrays.toString(MentionKind.values())));
                return null;
            }
        }

        Instant instant(String name) {
            String value = string(name);
            if (value == null) {
                return null;
            }
            try {
                Instant fast = IsoInstants.parseUtc(value);
                return fast != null ? fast : Instant.parse(value);
            } catch (DateTimeParseException e) {
                problems.add(new Violation(prefix + name, "must be an ISO-8601 instant such as 2026-10-01T09:00:00Z"));
                return null;
            }
        }
    }
}
