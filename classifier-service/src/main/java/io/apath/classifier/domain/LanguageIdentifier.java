package io.apath.classifier.domain;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Names the language of a post (ISO 639-1) with the optimaize language-detector, whose n-gram profiles ship inside
 * its Maven Central jar. Only the listed languages are loaded, which keeps start-up and heap small; a post in another
 * language then comes out as one of them with low probability, or {@link #UNDETERMINED}. Links and handles are
 * stripped first (they are not language), and texts too short to tell are {@link #UNDETERMINED}.
 */
public final class LanguageIdentifier {

    public static final String UNDETERMINED = "und";

    private final LanguageDetector detector;
    private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingShortCleanText();
    private final double minProbability;

    public LanguageIdentifier(List<String> languages, double minProbability) {
        try {
            List<LanguageProfile> profiles = new LanguageProfileReader()
                    .readBuiltIn(languages.stream().map(LdLocale::fromString).toList());
            this.detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
                    // every text the detector sees is at most DETECTOR_PREFIX long: score all its n-grams once
                    // (deterministic, ~25 µs) instead of 7 random-sampling trials (~50-120 µs)
                    .shortTextAlgorithm(DETECTOR_PREFIX)
                    .withProfiles(profiles)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load language profiles " + languages, e);
        }
        this.minProbability = minProbability;
    }

    /** At most this many characters go to the n-gram detector: a post's language shows in its first sentences. */
    static final int DETECTOR_PREFIX = 240;

    /**
     * Fast path, so that most posts never reach the n-gram detector (about 25 µs a post, twice the whole intent
     * model): English function words, at least one per {@link #RATIO} words, with at least one of them only English
     * ({@link #FUNCTION_WORDS}: "the", "you", "with"…) and together worth {@link #ENOUGH} (an English-only word counts
     * 2, one that is also a function word of another detected language — {@link #SHARED_WORDS}: "me", "was", "is",
     * "on", "a"… — counts 1); no more than one function word of the other detected languages per
     * {@link #FOREIGN_PER_ENGLISH} English-only ones ({@link #FOREIGN_WORDS}; "Los Angeles" or "Le Mans" occur in
     * English); accented Latin letters (café, Beyoncé, Pokémon) in at most one word per {@link #ACCENTED_PER_WORDS};
     * and no letter outside Latin script. Curly apostrophes count as apostrophes (I’m, don’t). Links, handles and
     * hashtags are skipped (they are not language). Everything else goes to the detector. Allocates nothing.
     */
    static boolean clearlyEnglish(String text) {
        int words = 0;
        int english = 0;
        int shared = 0;
        int foreign = 0;
        int accentedWords = 0;
        boolean accented = false;
        int start = -1;
        int hash = 0; // of the current word, as slot() computes it
        int length = text.length();
        for (int i = 0; i <= length; i++) {
            char c = i < length ? text.charAt(i) : ' ';
            boolean letter = isAsciiLetter(c);
            boolean accent = !letter && c > 127 && Character.isLetter(c);
            if (accent && !isLatinAccented(c)) {
                return false; // Greek, Cyrillic, Arabic, CJK…: let the detector decide
            }
            if (start < 0 && skipsAt(text, i)) {
                i = endOfToken(text, i) - 1;
                continue;
            }
            if (accent) {
                letter = true;
                accented = true;
            }
            if (!letter && start >= 0 && isApostrophe(c) && i + 1 < length && isAsciiLetter(text.charAt(i + 1))) {
                hash = 31 * hash + '\''; // inside a word: don't, I’m
                continue;
            }
            if (letter) {
                if (start < 0) {
                    start = i;
                    hash = 0;
                }
                hash = 31 * hash + (c | 0x20); // as fold(c); the hash of an accented word is not used
            } else if (start >= 0) {
                words++;
                if (accented) {
                    accentedWords++;
                    accented = false;
                } else {
                    switch (kindOf(text, start, i, hash)) {
                        case ENGLISH -> english++;
                        case SHARED -> shared++;
                        case FOREIGN -> foreign++;
                        default -> {}
                    }
                }
                start = -1;
            }
        }
        return english >= 1
                && english * 2 + shared >= ENOUGH
                && (english + shared) * RATIO >= words
                && foreign * FOREIGN_PER_ENGLISH <= english
                && accentedWords * ACCENTED_PER_WORDS <= words;
    }

    /** What the English function words must be worth together (2 per English-only word, 1 per shared one). */
    static final int ENOUGH = 4;

    /** At least one English function word in this many words. */
    static final int RATIO = 8;

    /** At most one function word of another language per this many English-only ones. */
    static final int FOREIGN_PER_ENGLISH = 4;

    /** At most one word with an accented letter per this many words. */
    static final int ACCENTED_PER_WORDS = 8;

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u02BC';
    }

    /** Latin-1 Supplement and Latin Extended-A/B letters: é, ñ, ß, ø, ł, ő… */
    private static boolean isLatinAccented(char c) {
        return c >= '\u00C0' && c <= '\u024F' && c != '\u00D7' && c != '\u00F7';
    }

    /** English function words that are no function words of es, pt, fr, de, it or nl. */
    private static final String[] FUNCTION_WORDS = {
        "the", "and", "to", "you", "my", "for", "it", "with", "this", "that", "are", "have", "not", "but", "at", "be",
        "just", "your", "what", "can", "i'm", "it's", "they", "our", "from", "been", "has", "would", "should", "could",
        "about", "there", "their", "don't", "can't", "if", "when", "why", "how", "any", "still", "again", "get", "got",
        "she", "his", "him", "them", "who", "which", "than", "then", "now", "were", "did", "does", "its", "some",
        "very", "into", "too", "by", "up", "out", "all", "after", "only", "really", "here", "going", "gonna", "may",
        "more", "i'll", "i've", "you're", "isn't", "didn't", "doesn't", "won't", "that's", "let's", "we're", "they're"
    };

    /** Frequent English words that are no words of es, pt, fr, de, it or nl: they count as {@link #FUNCTION_WORDS}. */
    private static final String[] FREQUENT_WORDS = {
        "go", "new", "like", "one", "day", "time", "good", "great", "love", "thanks", "thank", "please", "know", "need",
        "back", "well", "way", "first", "make", "think", "people", "today", "tonight", "night", "never", "always",
        "every", "much", "many", "other", "us", "let", "off", "because", "where"
    };

    /** Like {@link #FREQUENT_WORDS}; apart only because the formatter puts lists with long words one word a line. */
    private static final String[] LONG_FREQUENT_WORDS = {"tomorrow"};

    /** English function words that are also function words of es, pt, fr, de, it or nl (so weaker evidence). */
    private static final String[] SHARED_WORDS = {
        "a", "i", "in", "is", "of", "on", "me", "so", "we", "an", "or", "he", "do", "no", "was", "will", "had", "her",
        "also", "over", "want", "see"
    };

    /**
     * Function words of the other detected languages (es, pt, fr, de, it, nl) that are not English words; accented
     * ones (está, não, für, è…) need no entry, as accented words are counted apart.
     */
    private static final String[] FOREIGN_WORDS = {
        "el", "los", "las", "que", "del", "por", "pero", "muy", "una", "con", "como", "es", "y", "esta", "uma", "com",
        "os", "meu", "minha", "mais", "pra", "em", "ao", "da", "les", "est", "et", "je", "pas", "une", "des", "du",
        "dans", "pour", "avec", "mais", "vous", "nous", "qui", "ce", "sur", "le", "der", "das", "und", "ist", "nicht",
        "ich", "mit", "auf", "ein", "eine", "den", "dem", "sie", "wir", "auch", "noch", "sehr", "bei", "zu", "il",
        "che", "di", "non", "sono", "della", "gli", "ho", "het", "een", "niet", "ik", "en", "zijn", "voor", "dat",
        "ook", "maar", "nog", "wel", "mijn", "naar", "bij", "de", "la", "si", "este", "mi", "lo", "se", "al", "su",
        "te", "tu", "ya", "hay", "io", "ne", "na", "ou", "um", "seu", "sua"
    };

    private static final int ENGLISH = 1;
    private static final int SHARED = 2;
    private static final int FOREIGN = 3;

    /**
     * All listed words in one open-addressing hash table (slot → word, kind), so a word of the post is looked up with
     * one hash over its characters (case and apostrophe style folded) instead of compared with every listed word of
     * its length: that comparison was most of the fast path's cost.
     */
    private static final int TABLE_BITS = 10;

    private static final String[] TABLE_WORDS = new String[1 << TABLE_BITS];
    private static final byte[] TABLE_KINDS = new byte[1 << TABLE_BITS];
    private static final int LONGEST_LISTED;

    static {
        int longest = 0;
        for (String[] list : new String[][] {FUNCTION_WORDS, FREQUENT_WORDS, LONG_FREQUENT_WORDS}) {
            longest = Math.max(longest, add(list, ENGLISH));
        }
        longest = Math.max(longest, add(SHARED_WORDS, SHARED));
        longest = Math.max(longest, add(FOREIGN_WORDS, FOREIGN));
        LONGEST_LISTED = longest;
    }

    private static int add(String[] words, int kind) {
        int longest = 0;
        for (String w : words) {
            longest = Math.max(longest, w.length());
            int slot = slot(w, 0, w.length());
            while (TABLE_WORDS[slot] != null && !TABLE_WORDS[slot].equals(w)) {
                slot = (slot + 1) & (TABLE_WORDS.length - 1);
            }
            if (TABLE_WORDS[slot] != null && TABLE_KINDS[slot] != kind) {
                throw new IllegalStateException("'" + w + "' is listed as two kinds of word");
            }
            TABLE_WORDS[slot] = w;
            TABLE_KINDS[slot] = (byte) kind;
        }
        return longest;
    }

    /** The first table slot for {@code text[start, end)}: a hash of its characters, case and apostrophes folded. */
    private static int slot(String text, int start, int end) {
        int h = 0;
        for (int k = start; k < end; k++) {
            h = 31 * h + fold(text.charAt(k));
        }
        return slot(h);
    }

    private static int slot(int hash) {
        return (hash * 0x9E3779B9) >>> (32 - TABLE_BITS);
    }

    /** Lower-case for an ASCII letter, {@code '} for any apostrophe (the only characters a word here has). */
    private static char fold(char c) {
        return isApostrophe(c) ? '\'' : (char) (c | 0x20);
    }

    /**
     * {@link #ENGLISH}, {@link #SHARED}, {@link #FOREIGN}, or 0 for a word that is not listed; {@code hash} is the
     * word's hash as {@link #slot(String, int, int)} computes it, built while the word was read.
     */
    private static int kindOf(String text, int start, int end, int hash) {
        int length = end - start;
        if (length > LONGEST_LISTED) {
            return 0;
        }
        for (int slot = slot(hash); ; slot = (slot + 1) & (TABLE_WORDS.length - 1)) {
            String w = TABLE_WORDS[slot];
            if (w == null) {
                return 0;
            }
            if (w.length() == length && matches(text, start, w)) {
                return TABLE_KINDS[slot];
            }
        }
    }

    private static boolean matches(String text, int start, String word) {
        for (int k = 0; k < word.length(); k++) {
            char c = text.charAt(start + k);
            char w = word.charAt(k);
            if (w == '\'') {
                if (!isApostrophe(c)) {
                    return false;
                }
            } else if ((c | 0x20) != w) { // word is lower-case ASCII; c | 0x20 lower-cases an ASCII letter
                return false;
            }
        }
        return true;
    }

    /** A link, handle, hashtag or {@code {link}} placeholder starts at {@code i} (at a token start). */
    private static boolean skipsAt(String text, int i) {
        if (i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        if (c != '@' && c != '#' && c != 'h' && c != 'w' && c != '{') {
            return false; // the cheap test first: this runs for most characters
        }
        if (i > 0 && !Character.isWhitespace(text.charAt(i - 1)) && text.charAt(i - 1) != '(') {
            return false;
        }
        if ((c == '@' || c == '#') && i + 1 < text.length() && isWordChar(text.charAt(i + 1))) {
            return true;
        }
        return text.startsWith("http://", i)
                || text.startsWith("https://", i)
                || text.startsWith("www.", i)
                || text.startsWith("{link}", i);
    }

    private static int endOfToken(String text, int i) {
        int j = i;
        while (j < text.length() && !Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        return j;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Letters outside links, handles and hashtags, counting up to {@code enough}. */
    private static int letters(String text, int enough) {
        int letters = 0;
        int length = text.length();
        for (int i = 0; i < length && letters < enough; i++) {
            if (skipsAt(text, i)) {
                i = endOfToken(text, i);
                continue;
            }
            if (Character.isLetter(text.charAt(i))) {
                letters++;
            }
        }
        return letters;
    }

    /** Without links, handles and hashtags, and at most {@link #DETECTOR_PREFIX} characters long. */
    private static String forDetector(String text) {
        StringBuilder clean = new StringBuilder(Math.min(text.length(), DETECTOR_PREFIX) + 1);
        int length = text.length();
        for (int i = 0; i < length && clean.length() < DETECTOR_PREFIX; i++) {
            if (skipsAt(text, i)) {
                i = endOfToken(text, i) - 1;
                clean.append(' ');
                continue;
            }
            clean.append(text.charAt(i));
        }
        return clean.toString();
    }

    public String identify(String text) {
        if (text == null || letters(text, 12) < 12) {
            return UNDETERMINED;
        }
        if (clearlyEnglish(text)) {
            return "en";
        }
        List<DetectedLanguage> guesses = detector.getProbabilities(texts.forText(forDetector(text)));
        if (guesses.isEmpty() || guesses.get(0).getProbability() < minProbability) {
            return UNDETERMINED;
        }
        return guesses.get(0).getLocale().getLanguage();
    }
}
