package io.apath.classifier.model;

import java.util.Arrays;

/**
 * Turns a post into hashed sparse features: word unigrams and bigrams, character 3..5-grams over the normalised text,
 * and a few cue features (see {@link Cues}). Normalisation folds case, replaces links, user handles and numbers by
 * placeholders (so the model learns "a reply to someone", not who), and shortens elongated words ("soooo" → "soo").
 * Hashing keeps memory fixed whatever the vocabulary; collisions cost a little accuracy, not correctness.
 *
 * <p>Instances are immutable and thread-safe; {@link #extract} allocates only its result.
 */
public final class TextFeatures {

    static final int WORD_SEED = 0x1b873593;
    static final int BIGRAM_SEED = 0x5bd1e995;
    static final int CHAR_SEED = 0x27d4eb2f;
    static final int CUE_SEED = 0x165667b1;

    private final int bits;
    private final int mask;
    private final int minChar;
    private final int maxChar;

    public TextFeatures(int bits, int minChar, int maxChar) {
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
        char[] normal = normalise(text == null ? "" : text);
        int[] out = new int[64];
        int n = 0;
        // words: spans of non-space chars in the normalised text
        int previousWord = 0;
        boolean hasPrevious = false;
        int i = 0;
        int length = normal.length;
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
            if (n + 2 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[n++] = h & mask;
            if (hasPrevious) {
                out[n++] = finish(mix(mix(BIGRAM_SEED, previousWord), h), 2) & mask;
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
                    if (n == out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    out[n++] = finish(h, len) & mask;
                }
            }
        }
        int cues0 = Cues.match(normal);
        int cues = cues0;
        for (int cue = 0; cues != 0; cue++, cues >>>= 1) {
            if ((cues & 1) != 0) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                out[n++] = finish(mix(CUE_SEED, cue), 1) & mask;
            }
        }
        float scale = n == 0 ? 0f : (float) (1.0 / Math.sqrt(n));
        return new SparseFeatures(n == out.length ? out : Arrays.copyOf(out, n), scale, cues0);
    }

    /**
     * Lower case, links → {@code ~u}, handles → {@code ~a}, digits → {@code 0}, runs of 3+ equal letters → 2, every
     * other non-letter except {@code ! ? # ' ~} → space. Returns the normalised characters, single-spaced.
     */
    public static char[] normalise(String text) {
        char[] out = new char[text.length() + 4];
        int n = 0;
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (c == '@' && i + 1 < length && isHandleChar(text.charAt(i + 1))) {
                i++;
                while (i < length && isHandleChar(text.charAt(i))) {
                    i++;
                }
                n = appendToken(out, n, "~a");
                continue;
            }
            if (startsWithLink(text, i)) {
                while (i < length && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                n = appendToken(out, n, "~u");
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
                if (n + 1 >= out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
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
        return Arrays.copyOf(out, n);
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
        return Character.isLetterOrDigit(c) || c == '_';
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
