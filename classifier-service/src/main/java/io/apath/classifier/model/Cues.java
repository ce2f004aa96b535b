package io.apath.classifier.model;

import io.apath.contracts.Intent;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phrases that go with an intent, written from the labelling guideline's definitions (not mined from the data).
 * Two uses: {@link #match} turns broad cue groups into features, so a rare intent with few labelled examples still
 * shares weight across its typical phrasings; {@link #weakLabels} applies only narrow, high-precision phrases to the
 * unlabelled corpora to add extra positive examples for the rare intents. Input is {@link TextFeatures#normalise}d.
 */
public final class Cues {

    private static final Pattern[] FEATURE_CUES = {
        // 0 churn
        compile("never (fly|flying|buy|buying|use|using|shop|shopping|order|ordering|again)|switch(ing|ed)? (to|back)"
                + "|cancel(l)?(ing|ed)? my|(i'm|im|i am) (done|leaving|switching|out)|done with|going back to|moving to"
                + "|won't be (flying|buying|using|back)|taking my (business|money)|last time i|goodbye|unsubscrib"),
        // 1 recommendation
        compile("recommend|you (should|need to|must|gotta|have to) (try|get|use|check|follow|download|fly|go)"
                + "|check (it|them|this) out|go with|must have|better than|always (fly|use|buy|choose)"
                + "|if you (need|want|fly|are|like)|try (it|them|this)|everyone should"),
        // 2 purchase
        compile(
                "(want|wanna|going|gonna|plan|planning|about|need|thinking|decided|can't wait|cant wait|ready) to"
                        + " (buy|get|order|book|upgrade|try|purchase|switch|subscribe)|pre ?order|buying|(getting|ordering|booking)"
                        + " (a|an|my|the|new|some)|upgrade to|should i (buy|get)|thinking (of|about) (buying|getting)|just ordered"),
        // 3 deal
        compile("promo|coupon|discount|voucher|0 off|free|giveaway|giving away|win (a|an|the)|deal|sale|code|freebie"
                + "|compensat|refund|miles|points|credit"),
        // 4 support / question
        compile(
                "\\?|how (do|can|to|long|much)|can (you|i|someone|u)|could (you|u)|please|pls|plz|help|where (is|are|can|do)"
                        + "|when (will|is|does|do)|why (is|does|do|can't|won't)|\\bdm\\b|anyone know|is there"),
        // 5 complaint
        compile(
                "worst|terrible|awful|horrible|rude|delay|cancel+ed|lost|broke|crash|not working|doesn't work|won't"
                        + "|still waiting|hours|on hold|fail|unacceptable|ridiculous|disappoint|sucks|never|no one|nobody|again"),
        // 6 praise
        compile("thank|thx|love|great|awesome|amazing|best|excellent|fantastic|kudos|appreciate|happy|nice|wonderful"),
        // 7 starts as a reply to someone (a known brand account is ~b, not ~a)
        compile("^~a"),
    };

    private static final Map<Intent, Pattern> WEAK = Map.of(
            Intent.CHURN_RISK,
            compile("never (flying|fly|buying|buy|using|use|shopping|shop) \\w+ ?\\w* again|switch(ing|ed) (to|from)"
                    + "|cancel(l)?(ing|ed) my (account|subscription|membership|service|contract)|(i'm|im|i am) done with"
                    + "|taking my (business|money) (to|elsewhere)"),
            Intent.RECOMMENDATION,
            compile("(i|we) (highly |strongly |totally |definitely )?recommend|you (should|need to|must|gotta)"
                    + " (try|get|use|download|check out|follow)|highly recommend|everyone should (try|get|use)"),
            Intent.PURCHASE_INTENT,
            compile("(want|wanna|going|gonna|planning|plan|about|need|decided|can't wait|cant wait) to"
                    + " (buy|order|book|purchase|upgrade)|pre ?order(ed|ing)?|thinking (of|about) (buying|getting)"
                    + "|just ordered"),
            Intent.DEAL_SEEKING,
            compile("promo code|coupon|discount|voucher|giveaway|giving away|freebie|free (t ?shirts?|stuff|drinks"
                    + "|food|samples?|tickets?|download)|0 off"));

    private Cues() {}

    private static Pattern compile(String regex) {
        return Pattern.compile("(?<![\\w'])(?:" + regex + ")");
    }

    /** Number of cue-group features {@link #match} can set. */
    public static int featureCount() {
        return FEATURE_CUES.length;
    }

    /**
     * Symbols of the normalised alphabet for the start-of-match table: a–z, then {@code 0 ! ? # ' ~} and space, then
     * "anything else" (non-ASCII letters, emoji), for which every group stays a candidate.
     */
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0!?#'~ ";

    private static final int OTHER = ALPHABET.length();
    private static final int SYMBOLS = OTHER + 1;
    private static final int SPACE = ALPHABET.indexOf(' ');

    /**
     * For each triple of first three characters at a word start (a space for each one past the end of the text), the
     * cue groups that can match there: found once by asking each pattern whether the triple matches or is a prefix of
     * a match ({@code hitEnd}). So most word starts try no pattern at all, and the rest only the few that can match
     * (measured over the test texts: 2.7 µs per post, against 6.8 µs with a table of the first two characters).
     * One bit per group, so a byte per triple.
     */
    private static final byte[] CANDIDATES = candidates();

    private static int symbol(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        int k = ALPHABET.indexOf(c, 26);
        return k < 0 ? OTHER : k;
    }

    private static byte[] candidates() {
        if (FEATURE_CUES.length > Byte.SIZE) {
            throw new IllegalStateException("cue groups no longer fit the byte-wide candidate table");
        }
        int all = (1 << FEATURE_CUES.length) - 1;
        byte[] table = new byte[SYMBOLS * SYMBOLS * SYMBOLS];
        for (int a = 0; a < SYMBOLS; a++) {
            for (int b = 0; b < SYMBOLS; b++) {
                int pairMask =
                        (a == OTHER || b == OTHER) ? all : mask(all, "" + ALPHABET.charAt(a) + ALPHABET.charAt(b));
                for (int c = 0; c < SYMBOLS; c++) {
                    // "anything else" cannot be spelled out: every group the pair allows stays a candidate
                    int mask = pairMask == 0 || a == OTHER || b == OTHER || c == OTHER
                            ? pairMask
                            : mask(pairMask, "" + ALPHABET.charAt(a) + ALPHABET.charAt(b) + ALPHABET.charAt(c));
                    table[(a * SYMBOLS + b) * SYMBOLS + c] = (byte) mask;
                }
            }
        }
        return table;
    }

    /** The groups among {@code groups} that match {@code start} or could match a text beginning with it. */
    private static int mask(int groups, String start) {
        int mask = 0;
        for (int c = 0; c < FEATURE_CUES.length; c++) {
            if ((groups & (1 << c)) == 0) {
                continue;
            }
            Matcher m = FEATURE_CUES[c].matcher(start);
            if (m.lookingAt() || m.hitEnd()) {
                mask |= 1 << c;
            }
        }
        return mask;
    }

    /** The char array being matched, as a reusable {@link CharSequence} (no copy into a String per post). */
    private static final class Chars implements CharSequence {
        char[] chars = new char[0];
        int length;

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            if (index >= length) {
                throw new IndexOutOfBoundsException(index);
            }
            return chars[index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(chars, start, end - start);
        }

        @Override
        public String toString() {
            return new String(chars, 0, length);
        }
    }

    /** Per thread: the matchers (reset per post) and the text they read. */
    private static final class Scratch {
        final Chars text = new Chars();
        final Matcher[] matchers = new Matcher[FEATURE_CUES.length];

        Scratch() {
            for (int c = 0; c < matchers.length; c++) {
                matchers[c] = FEATURE_CUES[c].matcher(text);
            }
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * Bit {@code i} is set when cue group {@code i} occurs in the normalised text. Equivalent to {@code find()} with
     * the patterns' leading word-start guard, but tries a pattern only at word starts whose first three characters can
     * begin one of its matches: several times faster, as the alternations are long.
     */
    static int match(char[] normalised) {
        return match(normalised, normalised.length);
    }

    static int match(char[] normalised, int length) {
        Scratch scratch = null;
        int bits = 0;
        int all = (1 << FEATURE_CUES.length) - 1;
        for (int i = 0; i < length && bits != all; i++) {
            if (i > 0 && isWordChar(normalised[i - 1])) {
                continue;
            }
            // the text ends as a word would
            int second = i + 1 < length ? symbol(normalised[i + 1]) : SPACE;
            int third = i + 2 < length ? symbol(normalised[i + 2]) : SPACE;
            int candidates = CANDIDATES[(symbol(normalised[i]) * SYMBOLS + second) * SYMBOLS + third] & 0xFF & ~bits;
            if (candidates == 0) {
                continue;
            }
            if (scratch == null) {
                scratch = SCRATCH.get();
                scratch.text.chars = normalised;
                scratch.text.length = length;
                for (Matcher m : scratch.matchers) {
                    m.reset(scratch.text).useAnchoringBounds(false).useTransparentBounds(true);
                }
            }
            for (int c = 0; candidates != 0; c++, candidates >>>= 1) {
                if ((candidates & 1) == 0) {
                    continue;
                }
                Matcher m = scratch.matchers[c];
                m.region(i, length);
                if (m.lookingAt()) {
                    bits |= 1 << c;
                }
            }
        }
        if (scratch != null) {
            scratch.text.chars = EMPTY;
        }
        return bits;
    }

    private static final char[] EMPTY = new char[0];

    /** The plain definition {@link #match} must agree with: {@code find()} anywhere. */
    static int matchByFind(char[] normalised) {
        String text = new String(normalised);
        int bits = 0;
        for (int i = 0; i < FEATURE_CUES.length; i++) {
            if (FEATURE_CUES[i].matcher(text).find()) {
                bits |= 1 << i;
            }
        }
        return bits;
    }

    /** What {@code (?<![\\w'])} excludes before a match: ASCII letters, digits, underscore and apostrophe. */
    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '\'';
    }

    /** The rare intents whose narrow phrases occur in the raw text: weak positive labels for unlabelled posts. */
    public static Set<Intent> weakLabels(String text) {
        String normal = new String(TextFeatures.normalise(text == null ? "" : text));
        Set<Intent> labels = EnumSet.noneOf(Intent.class);
        WEAK.forEach((intent, pattern) -> {
            if (pattern.matcher(normal).find()) {
                labels.add(intent);
            }
        });
        return labels;
    }
}
