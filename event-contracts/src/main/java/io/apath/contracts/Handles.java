package io.apath.contracts;

import java.util.Locale;

/**
 * The one rule by which A-Path compares account handles: a mention's {@code author.handle} and the accounts a tenant
 * lists as its own ({@code brand-handles}) are the same account when they differ only in case, surrounding blanks
 * and a leading {@code @}. Journey reads {@code brand-handles} to recognise the brand's replies and the classifier to
 * recognise posts addressed to the brand; ops write one list for both, so it must mean the same in both.
 *
 * <p>Handles are kept in the platform's own form: {@code acme_help} on X, {@code acme@mastodon.social} on Mastodon
 * (as ingest writes a Mastodon author).
 */
public final class Handles {

    private Handles() {}

    /**
     * The handle as compared: trimmed, without one leading {@code @}, lower case; null stays null. Never fails, since
     * it reads whatever handle a mention's author has.
     */
    public static String normalise(String handle) {
        if (handle == null) {
            return null;
        }
        String trimmed = handle.strip().toLowerCase(Locale.ROOT);
        return trimmed.startsWith("@") ? trimmed.substring(1) : trimmed;
    }

    /**
     * A handle from configuration, {@linkplain #normalise normalised}.
     *
     * @throws IllegalArgumentException naming the handle when it is empty or holds a blank or control character (two
     *     handles run together, say): such a value matches no author and would silently do nothing
     */
    public static String configured(String handle) {
        String normalised = normalise(handle);
        if (normalised == null
                || normalised.isEmpty()
                || normalised.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("not a handle: '" + handle
                    + "' (one account, with or without a leading @, such as @acme or acme@mastodon.social)");
        }
        return normalised;
    }
}
