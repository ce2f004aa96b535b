package io.apath.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies {@code X-Hub-Signature-256}-style webhook signatures: {@code sha256=<hex HMAC-SHA256>} over
 * {@code "<timestamp>.<raw body>"} with the tenant's secret. Signing the timestamp with the body is what makes the
 * replay tolerance hold: an old delivery cannot be re-sent with a fresh timestamp.
 */
public final class WebhookSignature {

    public enum Verdict {
        VALID,
        MISSING,
        MALFORMED,
        EXPIRED,
        MISMATCH
    }

    private static final String PREFIX = "sha256=";

    private final Duration tolerance;

    public WebhookSignature(Duration tolerance) {
        this.tolerance = tolerance;
    }

    public Duration tolerance() {
        return tolerance;
    }

    public Verdict verify(String secret, String timestamp, byte[] body, String signature, Instant now) {
        if (timestamp == null || signature == null) {
            return Verdict.MISSING;
        }
        long seconds;
        byte[] presented;
        try {
            seconds = Long.parseLong(timestamp.trim());
            if (!signature.startsWith(PREFIX)) {
                return Verdict.MALFORMED;
            }
            presented =
                    HexFormat.of().parseHex(signature.substring(PREFIX.length()).trim());
        } catch (IllegalArgumentException e) {
            return Verdict.MALFORMED;
        }
        // Checked after the signature, so a wrong signature and an old one cannot be told apart by timing.
        boolean matches = MessageDigest.isEqual(mac(secret, seconds, body), presented);
        if (!matches) {
            return Verdict.MISMATCH;
        }
        long age = Math.abs(now.getEpochSecond() - seconds);
        return age > tolerance.toSeconds() ? Verdict.EXPIRED : Verdict.VALID;
    }

    /** The header value a sender computes; also what tests and the import tool use. */
    public static String sign(String secret, long epochSeconds, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(mac(secret, epochSeconds, body));
    }

    private static byte[] mac(String secret, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
