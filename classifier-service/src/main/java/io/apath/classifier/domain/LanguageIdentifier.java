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
     * Fast path: text with no letter outside ASCII (curly quotes, dashes and emoji are not letters) and English
     * function words (two or more, and at least a sixth of the words) is English. The n-gram detector costs about three times the whole intent model, and most posts pass this test;
     * everything else (any non-ASCII letter, few function words) still goes to the detector. Links, handles and
     * hashtags are skipped (they are not language). Allocates nothing.
     */
    static boolean clearlyEnglish(String text) {
        int words = 0;
        int english = 0;
        int start = -1;
        int length = text.length();
        for (int i = 0; i <= length; i++) {
            char c = i < length ? text.charAt(i) : ' ';
            if (c > 127 && Character.isLetter(c)) {
                return false; // é, ß, ñ, any non-Latin script: let the detector decide
            }
            if (start < 0 && skipsAt(text, i)) {
                i = endOfToken(text, i) - 1;
                continue;
            }
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'';
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                words++;
                if (isFunctionWord(text, start, i)) {
                    english++;
                }
                start = -1;
            }
        }
        return english >= 2 && english * 6 >= words;
    }

    private static final String[] FUNCTION_WORDS = {
        "the", "and", "to", "is", "you", "my", "for", "of", "it", "on", "with", "this", "that", "was", "are", "have",
        "not", "but", "at", "be", "me", "so", "just", "your", "what", "can", "will", "i", "i'm", "it's", "we", "they",
        "our", "from", "been", "has", "had", "would", "should", "could", "about", "there", "their", "don't", "can't",
        "an", "or", "if", "when", "why", "how", "any", "still", "again", "get", "got"
    };

    /** {@link #FUNCTION_WORDS} by length, for a case-insensitive look-up without building a string. */
    private static final String[][] FUNCTION_WORDS_BY_LENGTH = byLength(FUNCTION_WORDS);

    private static String[][] byLength(String[] words) {
        int max = 0;
        for (String w : words) {
            max = Math.max(max, w.length());
        }
        List<List<String>> buckets = new java.util.ArrayList<>();
        for (int l = 0; l <= max; l++) {
            buckets.add(new java.util.ArrayList<>());
        }
        for (String w : words) {
            buckets.get(w.length()).add(w);
        }
        return buckets.stream().map(b -> b.toArray(String[]::new)).toArray(String[][]::new);
    }

    private static boolean isFunctionWord(String text, int start, int end) {
        int length = end - start;
        if (length >= FUNCTION_WORDS_BY_LENGTH.length) {
            return false;
        }
        for (String w : FUNCTION_WORDS_BY_LENGTH[length]) {
            if (text.regionMatches(true, start, w, 0, length)) {
                return true;
            }
        }
        return false;
    }

    /** A link, handle, hashtag or {@code {link}} placeholder starts at {@code i} (at a token start). */
    private static boolean skipsAt(String text, int i) {
        if (i >= text.length() || (i > 0 && !Character.isWhitespace(text.charAt(i - 1)) && text.charAt(i - 1) != '(')) {
            return false;
        }
        char c = text.charAt(i);
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
