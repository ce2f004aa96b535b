package io.apath.classifier.model;

import io.apath.contracts.Handles;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The social accounts known to be brands' own ({@code @united}, {@code @ArbysCares}): the normaliser writes
 * {@code ~b} for them and {@code ~a} for everyone else, so the model learns "addressed to a brand" once, for every
 * brand, instead of learning each brand by name. A model ships the accounts it learnt from its training data
 * ({@link #learn}); a tenant adds its own (its brand's accounts, configured), which is how a brand the training data
 * never saw gets the same reading. Handles are kept lower case, without the {@code @}. Immutable.
 */
public final class BrandAccounts {

    public static final BrandAccounts NONE = new BrandAccounts(Set.of(), false);

    /**
     * For a tenant that configured no accounts: the handle a post opens with (a reply's addressee) reads as a brand's
     * account. A brand the model never saw otherwise reads as a person, and its customers' replies to it are called
     * IRRELEVANT far more often: held out by brand, 14.7 % of posts were wrongly IRRELEVANT with nothing configured,
     * 4.1 % with this reading, as with the brand's accounts configured (classifier BENCHMARKS.md, 2026-12-07).
     */
    public static final BrandAccounts OPENING_HANDLE = new BrandAccounts(Set.of(), true);

    /**
     * How many posts a handle must open, in corpora of posts addressed to brands, to count as a brand's account. Three
     * keeps the accounts many posts address (146 on the shipped data, 3 to 170 posts each) and drops the people
     * replied to once or twice, with a few brands addressed as rarely; two kept more people and measured worse
     * (classifier BENCHMARKS.md, 2026-12-06, 20:55–21:45).
     */
    public static final int MIN_POSTS = 3;

    /** A placeholder, not an account: the SXSW corpus wrote {@code @mention} for every handle it anonymised. */
    private static final String ANONYMISED = "mention";

    private final Set<String> handles;
    private final boolean openingHandle;

    private BrandAccounts(Set<String> handles, boolean openingHandle) {
        this.handles = handles;
        this.openingHandle = openingHandle;
    }

    /**
     * Accounts by handle, with or without the {@code @}, any case: the tenant's {@code brand-handles}, read by the rule
     * journey reads them by ({@link Handles#configured}). A post's text names an account by its letters, digits and
     * {@code _}, so that is the part kept: a Mastodon account {@code acme@mastodon.social} is written {@code @acme} in
     * a post (or {@code @acme@mastodon.social}, whose handle reads as {@code @acme} too).
     *
     * @throws IllegalArgumentException naming a handle that is empty, holds a blank, or does not start with a letter,
     *     digit or {@code _}
     */
    public static BrandAccounts of(Collection<String> handles) {
        Set<String> clean = new TreeSet<>();
        for (String handle : handles) {
            String account = Handles.configured(handle);
            int end = 0;
            while (end < account.length() && isHandleChar(account.charAt(end))) {
                end++;
            }
            if (end == 0) {
                throw new IllegalArgumentException("not a handle: '" + handle
                        + "' (a post names an account by letters, digits and _ after its @)");
            }
            clean.add(account.substring(0, end));
        }
        return clean.isEmpty() ? NONE : new BrandAccounts(Set.copyOf(clean), false);
    }

    /**
     * The accounts that open (are the first handle of) at least {@link #MIN_POSTS} of {@code postsToBrands}: posts
     * written to brands, such as the complaints corpus (replies to customer-service accounts) and hand-labelled brand
     * mentions. A post that opens with a handle is addressed to it, and a handle many such posts address is a brand's.
     */
    public static BrandAccounts learn(Collection<String> postsToBrands) {
        Map<String, Integer> opened = new HashMap<>();
        for (String post : postsToBrands) {
            String first = firstHandle(post);
            if (first != null && !first.equals(ANONYMISED)) {
                opened.merge(first, 1, Integer::sum);
            }
        }
        List<String> brands = opened.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_POSTS)
                .map(Map.Entry::getKey)
                .toList();
        return of(brands);
    }

    /** The first @handle of {@code text} (lower case, without the @), or null. */
    static String firstHandle(String text) {
        int at = text == null ? -1 : nextHandle(text, 0);
        return at < 0 ? null : text.substring(at + 1, handleEnd(text, at)).toLowerCase(Locale.ROOT);
    }

    /**
     * Where the next @handle at or after {@code from} starts (its {@code @}), or -1: an {@code @} followed by a handle
     * character and not inside a word, so an e-mail address names nobody.
     */
    static int nextHandle(String text, int from) {
        int length = text.length();
        for (int at = text.indexOf('@', from); at >= 0; at = text.indexOf('@', at + 1)) {
            if (at + 1 < length
                    && isHandleChar(text.charAt(at + 1))
                    && (at == 0 || !isHandleChar(text.charAt(at - 1)))) {
                return at;
            }
        }
        return -1;
    }

    /** The end (exclusive) of the handle whose {@code @} is at {@code at}. */
    static int handleEnd(String text, int at) {
        int end = at + 1;
        while (end < text.length() && isHandleChar(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** These accounts and {@code more}'s (and the opening handle when either reads it as a brand's). */
    public BrandAccounts and(BrandAccounts more) {
        boolean opening = openingHandle || more.openingHandle;
        if (opening == openingHandle && handles.containsAll(more.handles)) {
            return this;
        }
        if (opening == more.openingHandle && more.handles.containsAll(handles)) {
            return more;
        }
        Set<String> all = new TreeSet<>(handles);
        all.addAll(more.handles);
        return new BrandAccounts(Set.copyOf(all), opening);
    }

    /** Whether the handle {@code text[start, end)} (without the @, any case) is one of these accounts. */
    boolean contains(String text, int start, int end) {
        if (openingHandle && opens(text, start) && !isAnonymised(text, start, end)) {
            return true;
        }
        return !handles.isEmpty() && handles.contains(text.substring(start, end).toLowerCase(Locale.ROOT));
    }

    private static boolean isAnonymised(String text, int start, int end) {
        return end - start == ANONYMISED.length() && text.regionMatches(true, start, ANONYMISED, 0, end - start);
    }

    /** Whether only blanks come before the @ of the handle starting at {@code start}: the post opens with it. */
    private static boolean opens(String text, int start) {
        for (int i = 0; i < start - 1; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** True when no account is known and the opening handle is not read as one. */
    public boolean isEmpty() {
        return handles.isEmpty() && !openingHandle;
    }

    public int size() {
        return handles.size();
    }

    /** The handles, sorted (lower case, without the @). */
    public List<String> handles() {
        return handles.stream().sorted().toList();
    }

    static boolean isHandleChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BrandAccounts other
                && handles.equals(other.handles)
                && openingHandle == other.openingHandle;
    }

    @Override
    public int hashCode() {
        return handles.hashCode() * 31 + Boolean.hashCode(openingHandle);
    }

    @Override
    public String toString() {
        return "BrandAccounts" + handles() + (openingHandle ? "+opening handle" : "");
    }
}
