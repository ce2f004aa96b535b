package io.apath.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextFeaturesTest {

    private final TextFeatures features = new TextFeatures(16, 3, 5);

    @Test
    void normalisationHidesWhoAndWhereButKeepsWhat() {
        String normal = new String(TextFeatures.normalise("@United Sooooo ANGRY!!! see https://t.co/x1 #fail 2hrs"));

        assertThat(normal).isEqualTo("~a soo angry !! see ~u #fail 0hrs");
    }

    @Test
    void differentLinksGiveTheSameFeatures() {
        SparseFeatures a = features.extract("@united lost my bag http://a.b/c");
        SparseFeatures b = features.extract("@united lost my bag https://x.y/z");

        assertThat(a.indices()).containsExactly(b.indices());
        assertThat(a.scale()).isEqualTo(b.scale());
    }

    @Test
    void whoIsAddressedIsAFeatureApartFromTheText() {
        SparseFeatures united = features.extract("@united lost my bag");
        SparseFeatures unitedInCapitals = features.extract("@United lost my bag");
        SparseFeatures delta = features.extract("@delta lost my bag");
        // the handle, then char 3..5-grams over " united " (8 chars) and " delta " (7 chars)
        int unitedFeatures = 1 + (8 - 2) + (8 - 3) + (8 - 4);
        int deltaFeatures = 1 + (7 - 2) + (7 - 3) + (7 - 4);
        int text = united.indices().length - unitedFeatures;

        assertThat(unitedInCapitals.indices()).containsExactly(united.indices());
        assertThat(delta.indices()).hasSize(text + deltaFeatures);
        assertThat(Arrays.copyOf(delta.indices(), text)).containsExactly(Arrays.copyOf(united.indices(), text));
        assertThat(Arrays.copyOfRange(delta.indices(), text, text + deltaFeatures))
                .doesNotContain(Arrays.copyOfRange(united.indices(), text, text + 1));
    }

    @Test
    void aBrandAccountReadsAsABrandAndEveryOtherHandleAsSomeone() {
        BrandAccounts brands = BrandAccounts.of(List.of("united", "acme"));
        char[] out = new char[128];
        String text = "@United @bob lost my bag";

        assertThat(new String(out, 0, TextFeatures.normalise(text, out, brands)))
                .isEqualTo("~b ~a lost my bag");
        assertThat(new String(TextFeatures.normalise(text))).isEqualTo("~a ~a lost my bag");
    }

    @Test
    void aTenantsAccountGivesItsPostsTheTextFeaturesOfAPostToAKnownBrand() {
        TextFeatures learnt = new TextFeatures(16, 3, 5, BrandAccounts.of(List.of("united")));
        TextFeatures withTenant = learnt.withBrands(BrandAccounts.of(List.of("@AcmeHelp")));
        SparseFeatures toUnited = withTenant.extract("@united lost my bag");
        SparseFeatures toAcme = withTenant.extract("@acmehelp lost my bag");
        SparseFeatures toAcmeUnknown = learnt.extract("@acmehelp lost my bag");
        int acmeHandle = 1 + (11 - 2) + (11 - 3) + (11 - 4); // the handle and char 3..5-grams over " acmehelp "
        int text = toAcme.indices().length - acmeHandle;

        assertThat(withTenant.brands().handles()).containsExactly("acmehelp", "united");
        assertThat(Arrays.copyOf(toAcme.indices(), text)).containsExactly(Arrays.copyOf(toUnited.indices(), text));
        assertThat(Arrays.copyOf(toAcmeUnknown.indices(), text)).isNotEqualTo(Arrays.copyOf(toAcme.indices(), text));
    }

    @Test
    void anEmailAddressNamesNobody() {
        assertThat(features.extract("write to bob@united.com").indices())
                .containsExactly(features.extract("write to bob@delta.com").indices());
    }

    @Test
    void featuresAreWordsBigramsCharacterGramsAndCuesWithinTheHashSpace() {
        SparseFeatures x = features.extract("thanks for the upgrade");

        // 4 words + 3 bigrams + char 3..5-grams over " thanks for the upgrade " (24 chars) + the praise cue
        int charGrams = (24 - 2) + (24 - 3) + (24 - 4);
        assertThat(x.indices()).hasSize(4 + 3 + charGrams + 1);
        assertThat(Arrays.stream(x.indices()).allMatch(i -> i >= 0 && i < features.dimension()))
                .isTrue();
        assertThat(x.scale()).isEqualTo((float) (1 / Math.sqrt(x.indices().length)));
        assertThat(x.cues()).isNotZero();
    }

    @Test
    void cueMatchingAtWordStartsAgreesWithFindAnywhere() throws Exception {
        var lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(
                getClass().getResource("/data/sentiment-train.tsv").toURI()));
        lines.add("#fail @united never again!! switching to delta. any promo code? 50% off");
        lines.add("~a thanks 0 off tickets, i'm done with you");

        for (String line : lines) {
            char[] normal = TextFeatures.normalise(line);
            assertThat(Cues.match(normal)).as(line).isEqualTo(Cues.matchByFind(normal));
        }
    }

    @Test
    void emojiAndEmoticonsBecomeTokensOfTheirOwn() {
        assertThat(new String(TextFeatures.normalise("love it\uD83D\uDE0D\uD83C\uDFFD so much :) but :( meh :-/")))
                .isEqualTo("love it \uD83D\uDE0D so much ~p but ~n meh ~n");
        assertThat(new String(TextFeatures.normalise("see https://x.co/a :D <3 \u2764\uFE0F")))
                .isEqualTo("see ~u ~p ~p \u2764");
    }

    @Test
    void wordsAfterANegationAlsoCountAsNegatedWords() {
        SparseFeatures plain = features.extract("the service was good");
        SparseFeatures negated = features.extract("the service was not good");
        SparseFeatures stopped = features.extract("the service was not ! good");

        // "not good": 5 words, 4 bigrams and "good" once more as a negated word; after "!" the scope has ended
        assertThat(negated.indices()).hasSize(5 + 4 + 1 + charGrams("the service was not good") + cues(negated));
        assertThat(stopped.indices()).hasSize(6 + 5 + charGrams("the service was not ! good") + cues(stopped));
        assertThat(plain.indices()).hasSize(4 + 3 + charGrams("the service was good") + cues(plain));
        assertThat(TextFeatures.isNegation("don't".toCharArray(), 0, 5)).isTrue();
        assertThat(TextFeatures.isNegation("never".toCharArray(), 0, 5)).isTrue();
        assertThat(TextFeatures.isNegation("note".toCharArray(), 0, 4)).isFalse();
    }

    /** Char 3..5-grams over " text ". */
    private static int charGrams(String normalised) {
        int padded = normalised.length() + 2;
        return (padded - 2) + (padded - 3) + (padded - 4);
    }

    private static int cues(SparseFeatures x) {
        return Integer.bitCount(x.cues());
    }

    @Test
    void extractionIsTheSameWhateverRanBeforeOnTheThread() {
        SparseFeatures first = features.extract("short one");
        features.extract("a much longer post ".repeat(200));
        SparseFeatures again = features.extract("short one");

        assertThat(again.indices()).containsExactly(first.indices());
        assertThat(again.scale()).isEqualTo(first.scale());
    }

    @Test
    void emptyTextHasNoFeatures() {
        SparseFeatures x = features.extract(null);

        assertThat(x.indices()).isEmpty();
        assertThat(x.scale()).isZero();
    }

    @Test
    void weakLabelsComeOnlyFromNarrowPhrases() {
        assertThat(Cues.weakLabels("I'm switching to Android, done with this phone"))
                .contains(io.apath.contracts.Intent.CHURN_RISK);
        assertThat(Cues.weakLabels("any promo code for tonight?")).contains(io.apath.contracts.Intent.DEAL_SEEKING);
        assertThat(Cues.weakLabels("the weather is nice today")).isEmpty();
    }
}
