package io.apath.classifier.model;

import java.util.Arrays;

/**
 * Turns a post into hashed sparse features: word unigrams and bigrams, negated words (the three words after a
 * negation such as "not" or "don't", up to a ! or ?), character 3..5-grams over the normalised text, and a few cue
 * features (see {@link Cues}). Emoji and text emoticons are tokens of their own. Normalisation folds case, replaces
 * links, user handles and numbers by placeholders, and shortens elongated words ("soooo" → "soo"). A handle becomes
 * {@code ~b} when it is a known brand account ({@link BrandAccounts}) and {@code ~a} otherwise, so words and n-grams
 * learn "addressed to a brand" apart from "a reply to someone", for any brand. Who is addressed is also a feature of
 * its own: each @handle, whole and as character n-grams ({@link #handleFeatures}).
 * Hashing keeps memory fixed whatever the vocabulary; collisions cost a little accuracy, not correctness.
 *
 * <p>Instances are immutable and thread-safe; {@link #extract} allocates only its result (and, when there are brand
 * accounts, a lower-case copy of each handle to look up).
 */
public final class TextFeatures {

    static final int WORD_SEED = 0x1b873593;
    static final int BIGRAM_SEED = 0x5bd1e995;
    static final int CHAR_SEED = 0x27d4eb2f;
    static final int CUE_SEED = 0x165667b1;
    static final int NEGATED_SEED = 0x2f3b6a1d;
    static final int HANDLE_SEED = 0x3c6ef372;
    static final int HANDLE_GRAM_SEED = HANDLE_SEED + 1;

    /** Handles a post's features name at most; a post tagging dozens of accounts is spam whatever they are. */
    static final int MAX_HANDLES = 8;

    private final int bits;
    private final int mask;
    private final int minChar;
    private final int maxChar;
    private final BrandAccounts brands;

    public TextFeatures(int bits, int minChar, int maxChar) {
        this(bits, minChar, maxChar, BrandAccounts.NONE);
    }

    public TextFeatures(int bits, int minChar, int maxChar, BrandAccounts brands) {
        if (bits < 10 || bits > 24) {
            throw new IllegalArgumentException("bits must be in 10..24: " + bits);
        }
        if (minChar < 1 || maxChar < minChar || maxChar > 8) {
            throw new IllegalArgumentException("char n-gram range invalid: " + minChar + ".." + maxChar);
        }
        this.bits = bits;
        this.mask = (1 << bits) - 1;
        this.minChar = minChar;
        this.maxChar = maxChar;
        this.brands = brands;
    }

    /** The same features, with {@code more} brand accounts written {@code ~b} (e.g. a tenant's own). */
    public TextFeatures withBrands(BrandAccounts more) {
        BrandAccounts all = brands.and(more);
        return all == brands ? this : new TextFeatures(bits, minChar, maxChar, all);
    }

    public BrandAccounts brands() {
        return brands;
    }

    public int bits() {
        return bits;
    }

    public int dimension() {
        return 1 << bits;
    }

    public int minChar() {
        return minChar;
    }

    public int maxChar() {
        return maxChar;
    }

    /** Hashed feature indices (repeats allowed: a repeated n-gram counts twice) and one L2 scale for all of them. */
    public SparseFeatures extract(String text) {
        Scratch scratch = SCRATCH.get();
        String t = text == null ? "" : text;
        char[] normal = scratch.chars(3 * t.length() + 8);
        int length = normalise(t, normal, brands);
        // at most 3 word features per word (a word takes 2+ chars with its space), (max - min + 1) char grams per
        // position of " text ", one per cue group: the buffer never needs to grow
        int[] out = scratch.ints(2 * length
                + 4
                + (maxChar - minChar + 1) * (length + 2)
                + Cues.featureCount()
                + (maxChar - minChar + 2) * (t.length() + MAX_HANDLES));
        int n = 0;
        // words: spans of non-space chars in the normalised text; words in a negation's scope (the 3 words after
        // "not", "never", "don't"…, up to a ! or ?) also count as negated words, so "not good" differs from "good"
        int previousWord = 0;
        boolean hasPrevious = false;
        int negated = 0;
        int i = 0;
        while (i < length) {
            while (i < length && normal[i] == ' ') {
                i++;
            }
            if (i >= length) {
                break;
            }
            int start = i;
            int h = WORD_SEED;
            while (i < length && normal[i] != ' ') {
                h = mix(h, normal[i]);
                i++;
            }
            h = finish(h, i - start);
            out[n++] = h & mask;
            if (hasPrevious) {
                out[n++] = finish(mix(mix(BIGRAM_SEED, previousWord), h), 2) & mask;
            }
            char first = normal[start];
            if (first == '!' || first == '?') {
                negated = 0;
            } else if (negated > 0) {
                out[n++] = finish(mix(NEGATED_SEED, h), 1) & mask;
                negated--;
            }
            if (isNegation(normal, start, i)) {
                negated = 3;
            }
            previousWord = h;
            hasPrevious = true;
        }
        // character n-grams over " text " so word edges are part of the grams
        int padded = length + 2;
        for (int s = 0; s < padded; s++) {
            int h = CHAR_SEED;
            for (int len = 1; len <= maxChar && s + len <= padded; len++) {
                int p = s + len - 1;
                char c = p == 0 || p == padded - 1 ? ' ' : normal[p - 1];
                h = mix(h, c);
                if (len >= minChar) {
                    out[n++] = finish(h, len) & mask;
                }
            }
        }
        int cues0 = Cues.match(normal, length);
        int cues = cues0;
        for (int cue = 0; cues != 0; cue++, cues >>>= 1) {
            if ((cues & 1) != 0) {
                out[n++] = finish(mix(CUE_SEED, cue), 1) & mask;
            }
        }
        n = handleFeatures(t, out, n);
        float scale = n == 0 ? 0f : (float) (1.0 / Math.sqrt(n));
        return new SparseFeatures(Arrays.copyOf(out, n), scale, cues0);
    }

    /**
     * Who the post addresses or names: each @handle (the first {@link #MAX_HANDLES}) as one feature, and its character
     * n-grams over {@code " handle "} (lower case, the text's n-gram lengths). The normalised text keeps only "~a" for
     * a handle, but whether a post is addressed to a brand's account ({@code @united}, {@code @ArbysCares}) or to a
     * person is the best clue to IRRELEVANT ("not about the brand at all") and to complaints. The n-grams carry some of
     * it to accounts the training data never had ("help", "care", "support", "air"); a brand's own account is learnt
     * from its labelled posts ({@code train --corrections}); until then the model calls more of that brand's posts
     * IRRELEVANT. Both cross-validated in BENCHMARKS.md (2026-12-06, 18:00–19:40).
     * Appends to {@code out} from {@code n}, which has room for {@code (maxChar - minChar + 2) * (text length +
     * MAX_HANDLES)} more; returns the new count.
     */
    private int handleFeatures(String text, int[] out, int n) {
        int handles = 0;
        for (int at = BrandAccounts.nextHandle(text, 0); at >= 0 && handles < MAX_HANDLES; handles++) {
            int start = at + 1;
            int end = BrandAccounts.handleEnd(text, at);
            int whole = HANDLE_SEED;
            for (int p = start; p < end; p++) {
                whole = mix(whole, Character.toLowerCase(text.charAt(p)));
            }
            out[n++] = finish(whole, end - start) & mask;
            // position start - 1 and position end stand for the spaces around the handle
            for (int s = start - 1; s < end; s++) {
                int h = HANDLE_GRAM_SEED;
                for (int p = s; p <= end && p - s < maxChar; p++) {
                    h = mix(h, p < start || p == end ? ' ' : Character.toLowerCase(text.charAt(p)));
                    if (p - s + 1 >= minChar) {
                        out[n++] = finish(h, p - s + 1) & mask;
                    }
                }
            }
            at = BrandAccounts.nextHandle(text, end);
        }
        return n;
    }

    /**
     * Lower case, links → {@code ~u}, handles → {@code ~a}, digits → {@code 0}, runs of 3+ equal letters → 2, every
     * other non-letter except {@code ! ? # ' ~} → space. Returns the normalised characters, single-spaced. No handle is
     * a brand's here ({@code ~b}): this form serves what must not depend on a model's accounts (weak labels, folds).
     */
    public static char[] normalise(String text) {
        char[] out = new char[3 * text.length() + 8];
        return Arrays.copyOf(out, normalise(text, out, BrandAccounts.NONE));
    }

    /** Per thread: the buffers {@link #extract} works in, grown as needed and never shrunk. */
    private static final class Scratch {
        private char[] chars = new char[512];
        private int[] ints = new int[2048];

        char[] chars(int capacity) {
            if (chars.length < capacity) {
                chars = new char[capacity];
            }
            return chars;
        }

        int[] ints(int capacity) {
            if (ints.length < capacity) {
                ints = new int[capacity];
            }
            return ints;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * {@link #normalise(String)} into {@code out} (at least {@code 3 * length + 8} long, enough for any input: a
     * character becomes at most three), with {@code brands}' handles as {@code ~b}; returns the normalised length.
     */
    static int normalise(String text, char[] out, BrandAccounts brands) {
        int n = 0;
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (c == '@' && i + 1 < length && isHandleChar(text.charAt(i + 1))) {
                int start = ++i;
                while (i < length && isHandleChar(text.charAt(i))) {
                    i++;
                }
                n = appendToken(out, n, brands.contains(text, start, i) ? "~b" : "~a");
                continue;
            }
            if (startsWithLink(text, i)) {
                while (i < length && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                n = appendToken(out, n, "~u");
                continue;
            }
            int emoticon = emoticonAt(text, i);
            if (emoticon != 0) {
                n = appendToken(out, n, emoticon > 0 ? "~p" : "~n");
                i += Math.abs(emoticon);
                continue;
            }
            if (Character.isSurrogate(c) || isSymbol(c)) {
                // emoji and pictographs stand alone as words ("🙄" and "❤" carry sentiment); skin tones, variation
                // selectors and joiners are dropped, so each emoji is one token whatever its modifiers
                int cp = text.codePointAt(i);
                int width = Character.charCount(cp);
                if (isEmoji(cp)) {
                    if (n > 0 && out[n - 1] != ' ') {
                        out[n++] = ' ';
                    }
                    out[n++] = text.charAt(i);
                    if (width == 2) {
                        out[n++] = text.charAt(i + 1);
                    }
                    out[n++] = ' ';
                } else if (n > 0 && out[n - 1] != ' ') {
                    out[n++] = ' ';
                }
                i += width;
                continue;
            }
            char lower = Character.toLowerCase(c);
            char folded;
            if (Character.isLetter(lower)) {
                folded = lower;
            } else if (Character.isDigit(lower)) {
                folded = '0';
            } else if (lower == '!' || lower == '?' || lower == '#' || lower == '\'' || lower == '’') {
                folded = lower == '’' ? '\'' : lower;
            } else {
                folded = ' ';
            }
            if (folded == ' ') {
                if (n > 0 && out[n - 1] != ' ') {
                    out[n++] = ' ';
                }
            } else if (!(n >= 2 && out[n - 1] == folded && out[n - 2] == folded)) {
                // punctuation marks stand alone so "help?" and "help" share the word
                if ((folded == '!' || folded == '?') && n > 0 && out[n - 1] != ' ' && out[n - 1] != folded) {
                    out[n++] = ' ';
                }
                out[n++] = folded;
            }
            i++;
        }
        while (n > 0 && out[n - 1] == ' ') {
            n--;
        }
        return n;
    }

    private static final String[] NEGATIONS = {
        "not",
        "no",
        "never",
        "cannot",
        "nothing",
        "nobody",
        "none",
        "nor",
        "dont",
        "cant",
        "wont",
        "isnt",
        "doesnt",
        "didnt",
        "aint",
        "wasnt",
        "arent",
        "couldnt",
        "wouldnt",
        "shouldnt",
        "havent",
        "hasnt"
    };

    /** A negation word: one of {@link #NEGATIONS} or any word ending in {@code n't}. */
    static boolean isNegation(char[] text, int start, int end) {
        int length = end - start;
        if (length >= 3 && text[end - 1] == 't' && text[end - 2] == '\'' && text[end - 3] == 'n') {
            return true;
        }
        outer:
        for (String word : NEGATIONS) {
            if (word.length() != length) {
                continue;
            }
            for (int k = 0; k < length; k++) {
                if (word.charAt(k) != text[start + k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Length of a text emoticon starting at {@code i}, positive for happy ({@code :) :-) :D ;) <3 (:}) and negative
     * for unhappy ({@code :( :-( :/ :'( D:}), 0 for none. Only when not inside a word or a link.
     */
    static int emoticonAt(String text, int i) {
        char c = text.charAt(i);
        if (c != ':' && c != ';' && c != '=' && c != '<' && c != '(') {
            return 0;
        }
        if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
            return 0;
        }
        int length = text.length();
        if (c == '<') {
            return i + 1 < length && text.charAt(i + 1) == '3' ? 2 : 0;
        }
        if (c == '(') {
            return i + 1 < length && text.charAt(i + 1) == ':' ? 2 : 0;
        }
        int j = i + 1;
        if (j < length && (text.charAt(j) == '-' || text.charAt(j) == '\'')) {
            j++;
        }
        if (j >= length) {
            return 0;
        }
        char mouth = text.charAt(j);
        boolean end = j + 1 >= length || !Character.isLetterOrDigit(text.charAt(j + 1));
        if (!end) {
            return 0;
        }
        if (mouth == ')' || mouth == 'D' || mouth == ']' || mouth == 'p' || mouth == 'P') {
            return j + 1 - i;
        }
        if (mouth == '(' || mouth == '/' || mouth == '[' || mouth == '|') {
            if (mouth == '/' && j + 1 < length && text.charAt(j + 1) == '/') {
                return 0; // "http://"
            }
            return -(j + 1 - i);
        }
        return 0;
    }

    private static boolean isSymbol(char c) {
        return c >= 0x2190 && c <= 0x2BFF;
    }

    private static boolean isEmoji(int cp) {
        return (cp >= 0x1F300 && cp <= 0x1FAFF && !(cp >= 0x1F3FB && cp <= 0x1F3FF))
                || (cp >= 0x2600 && cp <= 0x27BF)
                || (cp >= 0x2B00 && cp <= 0x2BFF)
                || (cp >= 0x2190 && cp <= 0x21FF);
    }

    private static int appendToken(char[] out, int n, String token) {
        if (n > 0 && out[n - 1] != ' ') {
            out[n++] = ' ';
        }
        for (int k = 0; k < token.length(); k++) {
            out[n++] = token.charAt(k);
        }
        out[n++] = ' ';
        return n;
    }

    private static boolean isHandleChar(char c) {
        return BrandAccounts.isHandleChar(c);
    }

    private static boolean startsWithLink(String text, int i) {
        return text.startsWith("http://", i)
                || text.startsWith("https://", i)
                || text.startsWith("www.", i)
                || text.startsWith("{link}", i)
                || text.startsWith("{url}", i);
    }

    static int mix(int h, int value) {
        int k = value * 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15);
        k *= 0x1b873593;
        h ^= k;
        h = Integer.rotateLeft(h, 13);
        return h * 5 + 0xe6546b64;
    }

    static int finish(int h, int length) {
        h ^= length;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
