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

    /**
     * Fast path: ASCII-only text with English function words
     * is English (two or more, and at least a sixth of the words). The n-gram detector costs about three times the whole intent model, and most posts pass this test;
     * everything else (any non-ASCII letter, few function words) still goes to the detector.
     */
    static boolean clearlyEnglish(String text) {
        int words = 0;
        int english = 0;
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (c > 127) {
                return false;
            }
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'';
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                words++;
                if (FUNCTION_WORDS.contains(text.substring(start, i).toLowerCase(java.util.Locale.ROOT))) {
                    english++;
                }
                start = -1;
            }
        }
        return english >= 2 && english * 6 >= words;
    }

    private static final java.util.Set<String> FUNCTION_WORDS = java.util.Set.of(
            "the", "and", "to", "is", "you", "my", "for", "of", "it", "on", "with", "this", "that", "was", "are",
            "have", "not", "but", "at", "be", "me", "so", "just", "your", "what", "can", "will", "i", "i'm", "it's",
            "we", "they", "our", "from", "been", "has", "had", "would", "should", "could", "about", "there", "their",
            "don't", "can't", "an", "or", "if", "when", "why", "how", "any", "still", "again", "get", "got");

    public String identify(String text) {
        if (text == null) {
            return UNDETERMINED;
        }
        String clean = text.replaceAll("(https?://|www\\.)\\S+|[@#]\\w+|\\{link\\}", " ");
        int letters = 0;
        for (int i = 0; i < clean.length() && letters < 12; i++) {
            if (Character.isLetter(clean.charAt(i))) {
                letters++;
            }
        }
        if (letters < 12) {
            return UNDETERMINED;
        }
        if (clearlyEnglish(clean)) {
            return "en";
        }
        List<DetectedLanguage> guesses = detector.getProbabilities(texts.forText(clean));
        if (guesses.isEmpty() || guesses.get(0).getProbability() < minProbability) {
            return UNDETERMINED;
        }
        return guesses.get(0).getLocale().getLanguage();
    }
}
