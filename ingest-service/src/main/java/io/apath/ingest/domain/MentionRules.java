package io.apath.ingest.domain;

import io.apath.contracts.MentionKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a mention must look like before A-Path takes it: required fields, bounded lengths, a known platform, a
 * plausible timestamp, and the tenant of the caller's credentials.
 */
public record MentionRules(
        Set<String> platforms, int maxTextLength, int maxHandleLength, int maxIdLength, Duration maxClockSkew) {

    public static final int DEFAULT_MAX_TEXT_LENGTH = 10_000;
    public static final int DEFAULT_MAX_HANDLE_LENGTH = 256;
    public static final int DEFAULT_MAX_ID_LENGTH = 256;
    private static final int MAX_URL_LENGTH = 2_048;
    private static final int MAX_LANG_LENGTH = 35;
    private static final Pattern PLATFORM_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern WEB_URL = Pattern.compile("https?://[^\\s/?#]+[^\\s]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern TENANT_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public MentionRules {
        platforms = Set.copyOf(platforms);
        for (String platform : platforms) {
            if (!PLATFORM_NAME.matcher(platform).matches()) {
                throw new IllegalArgumentException("platform name '" + platform + "' must match " + PLATFORM_NAME);
            }
        }
    }

    public static boolean isTenantName(String tenant) {
        return tenant != null && TENANT_NAME.matcher(tenant).matches();
    }

    /**
     * The violations of {@code s} when submitted with credentials of {@code callerTenant} at {@code now}; empty when
     * the mention may be accepted. A submission without a tenant takes the caller's.
     */
    public List<Violation> check(MentionSubmission s, String callerTenant, Instant now) {
        List<Violation> v = new ArrayList<>();
        if (s.tenant() != null && !s.tenant().equals(callerTenant)) {
            v.add(new Violation("tenant", "does not match the tenant of the credentials"));
        }
        if (required(v, "platform", s.platform()) && !platforms.contains(s.platform())) {
            v.add(new Violation(
                    "platform",
                    "is not a known platform " + platforms.stream().sorted().toList()));
        }
        if (required(v, "nativeId", s.nativeId())) {
            maxLength(v, "nativeId", s.nativeId(), maxIdLength);
        }
        if (s.kind() == null) {
            v.add(new Violation("kind", "is required"));
        }
        if (s.author() == null) {
            v.add(new Violation("author", "is required"));
        } else {
            if (required(v, "author.id", s.author().id())) {
                maxLength(v, "author.id", s.author().id(), maxIdLength);
            }
            maxLength(v, "author.handle", s.author().handle(), maxHandleLength);
            maxLength(v, "author.displayName", s.author().displayName(), maxHandleLength);
            if (s.author().followers() != null && s.author().followers() < 0) {
                v.add(new Violation("author.followers", "must not be negative"));
            }
        }
        if (s.kind() != MentionKind.FOLLOW) {
            required(v, "text", s.text());
        }
        maxLength(v, "text", s.text(), maxTextLength);
        if (s.lang() != null
                && (s.lang().length() > MAX_LANG_LENGTH
                        || !LANGUAGE_TAG.matcher(s.lang()).matches())) {
            v.add(new Violation("lang", "must be a BCP 47 language tag such as en or pt-BR"));
        }
        if (s.url() != null
                && (s.url().length() > MAX_URL_LENGTH
                        || !WEB_URL.matcher(s.url()).matches())) {
            v.add(new Violation("url", "must be an absolute http(s) URL of at most " + MAX_URL_LENGTH + " characters"));
        }
        maxLength(v, "inReplyTo", s.inReplyTo(), maxIdLength);
        unicode(v, "nativeId", s.nativeId());
        unicode(v, "text", s.text());
        unicode(v, "lang", s.lang());
        unicode(v, "url", s.url());
        unicode(v, "inReplyTo", s.inReplyTo());
        if (s.author() != null) {
            unicode(v, "author.id", s.author().id());
            unicode(v, "author.handle", s.author().handle());
            unicode(v, "author.displayName", s.author().displayName());
        }
        if (s.createdAt() == null) {
            v.add(new Violation("createdAt", "is required"));
        } else if (s.createdAt().isAfter(now.plus(maxClockSkew))) {
            v.add(new Violation("createdAt", "is more than " + maxClockSkew + " in the future"));
        }
        return v;
    }

    private static boolean required(List<Violation> v, String field, String value) {
        if (value == null || value.isBlank()) {
            v.add(new Violation(field, "is required"));
            return false;
        }
        return true;
    }

    /** JSON escapes can smuggle in a lone UTF-16 surrogate, which no UTF-8 writer downstream could encode. */
    private static void unicode(List<Violation> v, String field, String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                v.add(new Violation(field, "contains an unpaired surrogate, which is not valid Unicode"));
                return;
            }
        }
    }

    private static void maxLength(List<Violation> v, String field, String value, int max) {
        // Code points, not UTF-16 units: an emoji counts once, as the author sees it.
        if (value != null && value.length() > max && value.codePointCount(0, value.length()) > max) {
            v.add(new Violation(field, "is longer than " + max + " characters"));
        }
    }
}
