package io.apath.classifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {

    private static final LanguageIdentifier LANGUAGES = new LanguageIdentifier(List.of("en", "es", "fr", "de"), 0.8);

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
}
