package io.apath.ingest.binding;

import static org.assertj.core.api.Assertions.assertThat;

import io.apath.contracts.Author;
import io.apath.contracts.Mention;
import io.apath.contracts.MentionId;
import io.apath.contracts.MentionKind;
import io.apath.ingest.source.MentionJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MentionJsonWriterTest {

    private final MentionJsonWriter writer = new MentionJsonWriter(MentionJson.mapper());

    private static Mention mention(
            String text, Author author, String lang, String url, String inReplyTo, Instant created, Instant received) {
        return new Mention(
                MentionId.of("acme", "x", "p-1"),
                "acme",
                "x",
                "p-1",
                MentionKind.REPLY,
                author,
                text,
                lang,
                url,
                inReplyTo,
                created,
                received);
    }

    private void assertSameAsMapper(Mention mention) {
        assertThat(new String(writer.write(mention), StandardCharsets.UTF_8))
                .isEqualTo(new String(MentionJson.mapper().writeValueAsBytes(mention), StandardCharsets.UTF_8));
    }

    @Test
    void everyComponentSetIsWrittenExactlyAsTheMapperWritesIt() {
        // If a component is added to Mention or Author, the mapper writes it and this fails until the writer does too.
        assertSameAsMapper(mention(
                "Thanks! \"quoted\" \\ / \n\t\u0001 é ü 日本 😀 </script> \u2028",
                new Author("u-1", "@u", "Ü Name", 1_234_567_890_123L),
                "pt-BR",
                "https://x.example/p/1?a=b&c=d",
                "p-0",
                Instant.parse("2026-10-01T09:00:00Z"),
                Instant.ofEpochSecond(1_800_000_000L, 123_456_789)));
    }

    @Test
    void nullsAndEveryKindAndPrecisionOfInstantAreWrittenAsTheMapperDoes() {
        List<Mention> mentions = new ArrayList<>();
        mentions.add(mention(null, new Author("u", null, null, null), null, null, null, Instant.EPOCH, null));
        mentions.add(mention(
                "",
                new Author("u", "", "", 0L),
                "en",
                "",
                "",
                Instant.parse("1999-12-31T23:59:59.1Z"),
                Instant.parse("2026-11-22T10:00:00.120Z")));
        mentions.add(mention(
                "x",
                new Author("u", "h", "d", -1L),
                "en",
                null,
                null,
                Instant.parse("2026-01-01T00:00:00.000001Z"),
                Instant.parse("+12026-01-01T00:00:00Z")));
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            StringBuilder text = new StringBuilder();
            for (int c = random.nextInt(40); c > 0; c--) {
                int cp =
                        switch (random.nextInt(4)) {
                            case 0 -> random.nextInt(0x80);
                            case 1 -> random.nextInt(0x800);
                            case 2 -> 0xE000 + random.nextInt(0x1000);
                            default -> 0x1F600 + random.nextInt(0x50);
                        };
                text.appendCodePoint(cp);
            }
            mentions.add(mention(
                    text.toString(),
                    new Author("u" + i, "@" + text, null, random.nextBoolean() ? null : random.nextLong()),
                    null,
                    null,
                    null,
                    Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000)),
                    Instant.ofEpochMilli(random.nextLong(4_000_000_000_000L))));
        }
        for (MentionKind kind : MentionKind.values()) {
            Mention m = mentions.get(0);
            mentions.add(new Mention(
                    m.mentionId(),
                    m.tenant(),
                    m.platform(),
                    m.nativeId(),
                    kind,
                    m.author(),
                    m.text(),
                    m.lang(),
                    m.url(),
                    m.inReplyTo(),
                    m.createdAt(),
                    m.receivedAt()));
        }
        mentions.forEach(this::assertSameAsMapper);
    }

    @Test
    void instantsAreWrittenAsIsoInstantWritesThemAtEveryPrecisionAndRange() {
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-100_000_000_000L, 400_000_000_000L);
            int nanos =
                    switch (random.nextInt(4)) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1_000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(MentionJsonWriter.iso(instant)).isEqualTo(instant.toString());
        }
        for (Instant edge : List.of(
                Instant.EPOCH,
                Instant.MIN,
                Instant.MAX,
                Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59Z"))) {
            assertThat(MentionJsonWriter.iso(edge)).isEqualTo(edge.toString());
        }
    }
}
