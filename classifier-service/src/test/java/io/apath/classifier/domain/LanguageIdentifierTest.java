package io.apath.classifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LanguageIdentifierTest {

    /** As the service is configured ({@code apath.classifier.languages} in classifier-service.yml). */
    private static final LanguageIdentifier LANGUAGES =
            new LanguageIdentifier(List.of("en", "es", "fr", "de", "it", "pt", "nl"), 0.8);

    @Test
    void englishFunctionWordsDecideWithoutTheDetectorAndIgnoreLinksAndHandles() {
        assertThat(LanguageIdentifier.clearlyEnglish("@united where is my bag? it was on the 9am flight"))
                .isTrue();
        assertThat(LanguageIdentifier.clearlyEnglish("The flight https://t.co/THE_AND_TO was late and so was I"))
                .isTrue();
        assertThat(LanguageIdentifier.clearlyEnglish("@the @and @to #the #and bonjour à tous"))
                .isFalse();
        assertThat(LanguageIdentifier.clearlyEnglish("El vuelo de hoy llegó tarde otra vez"))
                .isFalse();
        assertThat(LanguageIdentifier.clearlyEnglish("I’m done with the “support” you give \uD83D\uDE21"))
                .isTrue();
        assertThat(LanguageIdentifier.clearlyEnglish("the and to déjà vu")).isFalse();
    }

    @Test
    void typographicApostrophesQuotesAndDashesAreNotLetters() {
        assertThat(LanguageIdentifier.clearlyEnglish("Don’t buy it — they’ll “fix” it never… \uD83D\uDE44"))
                .isTrue();
        assertThat(LanguageIdentifier.clearlyEnglish("@acme can’t log in since yesterday, what’s going on?"))
                .isTrue();
    }

    @Test
    void aFewAccentedWordsOrForeignNamesInAnEnglishPostKeepTheFastPath() {
        assertThat(LanguageIdentifier.clearlyEnglish("The café next to the station was lovely, we will come back"))
                .isTrue();
        assertThat(LanguageIdentifier.clearlyEnglish("Flying to Los Angeles with my family for the holidays"))
                .isTrue();
    }

    @Test
    void wordsEnglishSharesWithOtherLanguagesAreNotEnoughAlone() {
        // "me", "no", "was", "an", "so", "is", "of", "we" are also function words of es/pt/fr/it/de/nl
        assertThat(LanguageIdentifier.clearlyEnglish(
                        "Si no me arreglan la factura este mes me cambio de compañía, estoy harto"))
                .isFalse();
        assertThat(LanguageIdentifier.clearlyEnglish("@torbenleuschner die haben was an der Waffel #microsoft"))
                .isFalse();
        assertThat(LanguageIdentifier.clearlyEnglish("Is het zo dat we op de trein van acht uur moeten wachten"))
                .isFalse();
        assertThat(LanguageIdentifier.clearlyEnglish("Με συγχισες #google σιχτιρια! the and you"))
                .isFalse();
    }

    @Test
    void shortOrLinkOnlyPostsAreUndetermined() {
        assertThat(LANGUAGES.identify("@acme https://t.co/abcdefghijklmnop #soooooooooo"))
                .isEqualTo("und");
        assertThat(LANGUAGES.identify("ok thanks")).isEqualTo("und");
        assertThat(LANGUAGES.identify(null)).isEqualTo("und");
    }

    @Test
    void otherLanguagesGoToTheDetector() {
        assertThat(LANGUAGES.identify(
                        "@acme mi pedido llegó roto y nadie responde a mis correos desde hace una semana"))
                .isEqualTo("es");
        assertThat(LANGUAGES.identify("Thanks @acme, the new app is great and the support team was quick to help me"))
                .isEqualTo("en");
    }

    /** Real-looking posts in seven languages, with emoji, links, handles and curly quotes. */
    static Stream<String[]> posts() throws IOException {
        try (InputStream in = LanguageIdentifierTest.class.getResourceAsStream("/language/posts.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .lines()
                            .filter(l -> !l.isBlank() && !l.startsWith("#"))
                            .map(l -> l.split("\t", 2))
                            .toList()
                            .stream();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("posts")
    void eachPostIsIdentifiedAsItsLanguage(String language, String post) {
        assertThat(LANGUAGES.identify(post)).as(post).isEqualTo(language);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("posts")
    void theFastPathNeverClaimsAPostInAnotherLanguage(String language, String post) {
        if (!language.equals("en")) {
            assertThat(LanguageIdentifier.clearlyEnglish(post)).as(post).isFalse();
        }
    }
}
