package io.apath.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import io.apath.contracts.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    static Header header(String key, String value) {
        return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
    }

    static DeadLetter letter(Header... headers) {
        return new DeadLetter(
                "mentions.v1.dlq",
                3,
                17,
                1_000L,
                "acme:x:1".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8),
                List.of(headers));
    }

    @Test
    void readsWhereItCameFromAndWhyAsEveryWriterNamesThem() {
        DeadLetter spring = letter(
                header(DeadLetterHeaders.ORIGINAL_TOPIC, "mentions.v1"),
                header(DeadLetterHeaders.EXCEPTION_CLASS, "java.lang.IllegalArgumentException"),
                header(DeadLetterHeaders.EXCEPTION_MESSAGE, "no text"));
        DeadLetter binder =
                letter(header("x-original-topic", "suppressions.v1"), header("x-exception-fqcn", "java.lang.Error"));
        DeadLetter journeyBefore = letter(
                header("x-apath-error", "not the customer key"),
                header("x-apath-error-class", "java.lang.IllegalArgumentException"));

        assertThat(spring.originalTopic()).contains("mentions.v1");
        assertThat(spring.error()).isEqualTo("java.lang.IllegalArgumentException: no text");
        assertThat(binder.originalTopic()).contains("suppressions.v1");
        assertThat(binder.error()).isEqualTo("java.lang.Error");
        assertThat(journeyBefore.originalTopic()).isEmpty();
        assertThat(journeyBefore.error()).isEqualTo("java.lang.IllegalArgumentException: not the customer key");
        assertThat(letter().error()).isEqualTo("unknown error");
        assertThat(spring.position()).isEqualTo("mentions.v1.dlq-3@17");
    }

    @Test
    void keepsAnErrorOnOneLine() {
        DeadLetter letter = letter(
                header(DeadLetterHeaders.EXCEPTION_CLASS, "tools.jackson.core.exc.UnexpectedEndOfInputException"),
                header(DeadLetterHeaders.EXCEPTION_MESSAGE, "Unexpected end-of-input\n at [Source: REDACTED]"));

        assertThat(letter.error())
                .isEqualTo("tools.jackson.core.exc.UnexpectedEndOfInputException: Unexpected end-of-input at [Source:"
                        + " REDACTED]");
    }

    @Test
    void matchesAnErrorByClassOrMessageIgnoringCase() {
        DeadLetter letter = letter(
                header(DeadLetterHeaders.EXCEPTION_CLASS, "java.lang.IllegalStateException"),
                header(DeadLetterHeaders.EXCEPTION_MESSAGE, "Rule 'advance' failed"));

        assertThat(letter.errorContains("illegalstate")).isTrue();
        assertThat(letter.errorContains("RULE 'ADVANCE'")).isTrue();
        assertThat(letter.errorContains("decay")).isFalse();
    }

    @Test
    void replaysTheOriginalHeadersWithoutTheOnesDescribingTheFailure() {
        DeadLetter letter = letter(
                header("traceparent", "00-abc-01"),
                header("contentType", "application/json"),
                header(DeadLetterHeaders.ORIGINAL_TOPIC, "mentions.v1"),
                header(DeadLetterHeaders.ORIGINAL_OFFSET, "5"),
                header(DeadLetterHeaders.EXCEPTION_MESSAGE, "boom"),
                header("x-exception-stacktrace", "at …"),
                header("x-apath-error", "boom"));

        assertThat(letter.replayHeaders()).extracting(Header::key).containsExactly("traceparent", "contentType");
        assertThat(new String(letter.replayHeaders().get(0).value(), StandardCharsets.UTF_8))
                .isEqualTo("00-abc-01");
    }
}
