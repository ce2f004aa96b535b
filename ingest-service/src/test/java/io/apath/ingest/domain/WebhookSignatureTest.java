package io.apath.ingest.domain;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final Instant NOW = Instant.parse("2026-10-01T12:00:00Z");
    private static final byte[] BODY = "{\"text\":\"hi\"}".getBytes(UTF_8);
    private final WebhookSignature signature = new WebhookSignature(Duration.ofMinutes(5));

    private WebhookSignature.Verdict verify(long timestamp, String signed) {
        return signature.verify("s3cret", Long.toString(timestamp), BODY, signed, NOW);
    }

    @Test
    void aFreshSignatureOverTimestampAndBodyIsValid() {
        long ts = NOW.getEpochSecond() - 60;
        assertThat(verify(ts, WebhookSignature.sign("s3cret", ts, BODY))).isEqualTo(WebhookSignature.Verdict.VALID);
    }

    @Test
    void anotherSecretOrAlteredTimestampDoesNotMatch() {
        long ts = NOW.getEpochSecond();
        assertThat(verify(ts, WebhookSignature.sign("other", ts, BODY))).isEqualTo(WebhookSignature.Verdict.MISMATCH);
        assertThat(verify(ts + 1, WebhookSignature.sign("s3cret", ts, BODY)))
                .isEqualTo(WebhookSignature.Verdict.MISMATCH);
    }

    @Test
    void anOldDeliveryIsExpiredEvenWithAGoodSignature() {
        long ts = NOW.getEpochSecond() - 301;
        assertThat(verify(ts, WebhookSignature.sign("s3cret", ts, BODY))).isEqualTo(WebhookSignature.Verdict.EXPIRED);
    }

    @Test
    void missingOrMalformedHeadersAreToldApart() {
        assertThat(signature.verify("s3cret", null, BODY, "sha256=00", NOW))
                .isEqualTo(WebhookSignature.Verdict.MISSING);
        assertThat(verify(NOW.getEpochSecond(), "md5=abc")).isEqualTo(WebhookSignature.Verdict.MALFORMED);
        assertThat(verify(NOW.getEpochSecond(), "sha256=zz")).isEqualTo(WebhookSignature.Verdict.MALFORMED);
    }
}
