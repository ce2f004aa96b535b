package io.apath.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written UTF-8 check and timestamp reader agree with the JDK's strict decoder and {@link Instant#parse}. */
class Utf8AndInstantFastPathTest {

    private static boolean jdkAccepts(byte[] bytes, int from, int to) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void utf8CheckAgreesWithTheJdksStrictDecoder() {
        byte[][] edges = {
            {},
            {'a'},
            {(byte) 0xC2, (byte) 0x80},
            {(byte) 0xC1, (byte) 0xBF},
            {(byte) 0xE0, (byte) 0x9F, (byte) 0xBF},
            {(byte) 0xE0, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xED, (byte) 0x9F, (byte) 0xBF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xEF, (byte) 0xBF, (byte) 0xBF},
            {(byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF},
            {(byte) 0xF0, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0x80},
            {(byte) 0xC3},
            {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xFF}
        };
        for (byte[] edge : edges) {
            assertThat(MentionJson.isUtf8(edge, 0, edge.length))
                    .as("%s", java.util.Arrays.toString(edge))
                    .isEqualTo(jdkAccepts(edge, 0, edge.length));
        }
        Random random = new Random(11);
        byte[] pieces = {
            'a',
            'z',
            '"',
            (byte) 0x80,
            (byte) 0x8F,
            (byte) 0x90,
            (byte) 0x9F,
            (byte) 0xA0,
            (byte) 0xBF,
            (byte) 0xC0,
            (byte) 0xC2,
            (byte) 0xDF,
            (byte) 0xE0,
            (byte) 0xE1,
            (byte) 0xED,
            (byte) 0xEF,
            (byte) 0xF0,
            (byte) 0xF3,
            (byte) 0xF4,
            (byte) 0xF5,
            (byte) 0xFF
        };
        for (int n = 0; n < 30_000; n++) {
            byte[] bytes = new byte[random.nextInt(12)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextBoolean() ? pieces[random.nextInt(pieces.length)] : (byte) random.nextInt(256);
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            assertThat(MentionJson.isUtf8(bytes, from, bytes.length))
                    .as("%s from %d", java.util.Arrays.toString(bytes), from)
                    .isEqualTo(jdkAccepts(bytes, from, bytes.length));
        }
    }

    private static Instant jdk(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void timestampFastPathReadsWhatInstantParseReadsAndLeavesTheRestToIt() {
        String[] samples = {
            "2026-10-01T09:00:00Z", "2026-10-01T09:00:00.1Z", "2026-10-01T09:00:00.123456789Z", "2024-02-29T23:59:59Z",
            "2023-02-29T12:00:00Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-04-31T00:00:00Z",
            "2026-10-01T24:00:00Z", "2026-10-01T23:59:60Z", "2026-10-01T23:60:00Z", "2026-10-01T09:00:00.Z",
            "2026-10-01T09:00:00.1234567890Z", "2026-10-01T09:00:00+01:00", "2026-10-01 09:00:00Z",
                    "0000-01-01T00:00:00Z",
            "2026-1-01T09:00:00Z", "２０２６-10-01T09:00:00Z", "2026-10-01T09:00:00z", "2026-10-01T09:00:0aZ"
        };
        for (String s : samples) {
            check(s);
        }
        for (String common : new String[] {"2026-10-01T09:00:00Z", "2024-02-29T23:59:59.5Z", "1970-01-01T00:00:00Z"}) {
            assertThat(IsoInstants.parseUtc(common)).as(common).isEqualTo(Instant.parse(common));
        }
        Random random = new Random(5);
        String digitsAndMore = "0123456789-T:.Z+";
        for (int n = 0; n < 20_000; n++) {
            char[] c = Instant.ofEpochSecond(
                            random.nextLong(-62_000_000_000L, 250_000_000_000L), random.nextInt(1_000_000_000))
                    .toString()
                    .toCharArray();
            if (random.nextBoolean()) {
                c[random.nextInt(c.length)] = digitsAndMore.charAt(random.nextInt(digitsAndMore.length()));
            }
            check(new String(c));
        }
    }

    private static void check(String s) {
        Instant fast = IsoInstants.parseUtc(s);
        Instant expected = jdk(s);
        if (fast != null) {
            assertThat(fast).as(s).isEqualTo(expected);
        }
    }
}
