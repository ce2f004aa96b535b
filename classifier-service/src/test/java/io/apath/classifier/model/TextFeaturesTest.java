package io.apath.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TextFeaturesTest {

    private final TextFeatures features = new TextFeatures(16, 3, 5);

    @Test
    void normalisationHidesWhoAndWhereButKeepsWhat() {
        String normal = new String(TextFeatures.normalise("@United Sooooo ANGRY!!! see https://t.co/x1 #fail 2hrs"));

        assertThat(normal).isEqualTo("~a soo angry !! see ~u #fail 0hrs");
    }

    @Test
    void differentHandlesAndLinksGiveTheSameFeatures() {
        SparseFeatures a = features.extract("@united lost my bag http://a.b/c");
        SparseFeatures b = features.extract("@delta lost my bag https://x.y/z");

        assertThat(a.indices()).containsExactly(b.indices());
        assertThat(a.scale()).isEqualTo(b.scale());
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
