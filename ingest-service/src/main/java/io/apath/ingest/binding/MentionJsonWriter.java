package io.apath.ingest.binding;

import io.apath.contracts.Author;
import io.apath.contracts.Mention;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link Mention} as the contract's JSON (exactly what the mapper would write: every component in
 * declaration order, nulls included, instants as ISO-8601) with Jackson's streaming generator instead of data binding,
 * which costs several times more per mention on ingest's hot path. {@code MentionJsonWriterTest} holds it byte for byte
 * to the mapper's output, so a component added to the contract fails that test instead of going missing.
 */
final class MentionJsonWriter {

    private final JsonMapper json;

    MentionJsonWriter(JsonMapper json) {
        this.json = json;
    }

    byte[] write(Mention m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + length(m.text()));
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            string(g, "mentionId", m.mentionId().value());
            string(g, "tenant", m.tenant());
            string(g, "platform", m.platform());
            string(g, "nativeId", m.nativeId());
            string(g, "kind", m.kind().name());
            g.writeName("author");
            Author a = m.author();
            g.writeStartObject();
            string(g, "id", a.id());
            string(g, "handle", a.handle());
            string(g, "displayName", a.displayName());
            if (a.followers() == null) {
                g.writeNullProperty("followers");
            } else {
                g.writeNumberProperty("followers", a.followers().longValue());
            }
            g.writeEndObject();
            string(g, "text", m.text());
            string(g, "lang", m.lang());
            string(g, "url", m.url());
            string(g, "inReplyTo", m.inReplyTo());
            instant(g, "createdAt", m.createdAt());
            instant(g, "receivedAt", m.receivedAt());
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static int length(String text) {
        return text == null ? 0 : text.length() * 2;
    }

    private static void string(JsonGenerator g, String name, String value) {
        if (value == null) {
            g.writeNullProperty(name);
        } else {
            g.writeStringProperty(name, value);
        }
    }

    private static void instant(JsonGenerator g, String name, Instant value) {
        string(g, name, value == null ? null : iso(value));
    }

    /**
     * What {@link java.time.format.DateTimeFormatter#ISO_INSTANT} (Jackson's format for an Instant) writes: seconds,
     * then the fraction in groups of three digits only as far as needed, then Z. Written digit by digit for years
     * 0–9999; anything else goes through {@link Instant#toString()}, which is that formatter.
     */
    static String iso(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < MIN_FAST || seconds >= MAX_FAST) {
            return instant.toString();
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        int nanos = instant.getNano();
        char[] c = new char[30];
        digits(c, 0, t.getYear(), 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        int n = 19;
        if (nanos != 0) {
            c[n++] = '.';
            if (nanos % 1_000_000 == 0) {
                digits(c, n, nanos / 1_000_000, 3);
                n += 3;
            } else if (nanos % 1_000 == 0) {
                digits(c, n, nanos / 1_000, 6);
                n += 6;
            } else {
                digits(c, n, nanos, 9);
                n += 9;
            }
        }
        c[n++] = 'Z';
        return new String(c, 0, n);
    }

    private static final long MIN_FAST = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long MAX_FAST = LocalDateTime.of(10_000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
