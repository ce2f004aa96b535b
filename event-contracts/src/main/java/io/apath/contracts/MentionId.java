package io.apath.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Deterministic id of a mention: the same post from the same platform for the same tenant always gets the same id,
 * whichever way it came in and however often, which is what makes deduplication possible end to end.
 */
public record MentionId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public MentionId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("mention id must not be blank");
        }
    }

    /** First 128 bits of SHA-256 over tenant, platform and native post id, NUL-separated, as lower-case hex. */
    public static MentionId of(String tenant, String platform, String nativeId) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest =
                    sha256.digest((tenant + '\0' + platform + '\0' + nativeId).getBytes(StandardCharsets.UTF_8));
            return new MentionId(HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
