package io.apath.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apath.contracts.Intent;
import io.apath.contracts.SentimentLabel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackedHeadsTest {

    private static final int INTENTS = IntentModel.INTENTS;

    private static float[] thresholds(float value) {
        float[] t = new float[INTENTS];
        Arrays.fill(t, value);
        return t;
    }

    private static double[] probabilities(Intent... high) {
        double[] p = new double[INTENTS];
        Arrays.fill(p, 0.05);
        for (int i = 0; i < high.length; i++) {
            p[high[i].ordinal()] = 0.9 - 0.1 * i;
        }
        return p;
    }

    @Test
    void thePrimaryIsTheIntentFurthestAboveItsOwnThreshold() {
        double[] p = probabilities(Intent.COMPLAINT, Intent.RECOMMENDATION);
        p[Intent.RECOMMENDATION.ordinal()] = 0.6;
        float[] t = thresholds(0.5f);
        t[Intent.RECOMMENDATION.ordinal()] = 0.1f; // 0.6 over 0.1 is further than 0.9 over 0.5

        assertThat(StackedHeads.labels(p, t)).containsExactly(Intent.RECOMMENDATION, Intent.COMPLAINT);
    }

    @Test
    void aSecondLabelJoinsOnlyOverItsThreshold() {
        double[] p = probabilities(Intent.COMPLAINT, Intent.CHURN_RISK);

        assertThat(StackedHeads.labels(p, thresholds(0.5f))).containsExactly(Intent.COMPLAINT, Intent.CHURN_RISK);
        assertThat(StackedHeads.labels(p, thresholds(0.85f))).containsExactly(Intent.COMPLAINT);
    }

    @Test
    void informationalAndIrrelevantStandAlone() {
        assertThat(StackedHeads.labels(probabilities(Intent.INFORMATIONAL, Intent.PRAISE), thresholds(0.5f)))
                .containsExactly(Intent.INFORMATIONAL);
        assertThat(StackedHeads.labels(probabilities(Intent.PRAISE, Intent.IRRELEVANT), thresholds(0.5f)))
                .containsExactly(Intent.PRAISE);
    }

    @Test
    void writtenHeadsReadBackTheSameAndKeepTheNgramSentiment() throws Exception {
        int width = 4 + INTENTS;
        float[] mean = new float[width];
        float[] spread = new float[width];
        Arrays.fill(spread, 1f);
        float[] weights = new float[INTENTS * width];
        float[] bias = new float[INTENTS];
        weights[Intent.PRAISE.ordinal() * width] = 3f; // PRAISE follows the first embedding dimension
        bias[Intent.PRAISE.ordinal()] = -1f;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StackedHeads written = StackedHeads.write("enc", "base-1", mean, spread, weights, bias, thresholds(0.5f), out);
        StackedHeads read = StackedHeads.read(new ByteArrayInputStream(out.toByteArray()));

        assertThat(read.version()).isEqualTo(written.version()).startsWith(StackedHeads.VERSION_PREFIX + "-");
        assertThat(read.encoder()).isEqualTo("enc");
        assertThat(read.baseModelVersion()).isEqualTo("base-1");
        Prediction ngram = new Prediction(
                probabilities(Intent.COMPLAINT),
                List.of(Intent.COMPLAINT),
                new double[] {0.7, 0.2, 0.1},
                SentimentLabel.NEGATIVE);
        Prediction decided = read.decide(new float[] {1f, 0f, 0f, 0f}, ngram);
        assertThat(decided.primaryIntent()).isEqualTo(Intent.PRAISE);
        assertThat(decided.probability(Intent.PRAISE)).isCloseTo(1 / (1 + Math.exp(-2)), within());
        assertThat(decided.sentiment()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void anInputOfTheWrongWidthIsRefused() throws Exception {
        int width = 2 + INTENTS;
        float[] spread = new float[width];
        Arrays.fill(spread, 1f);
        StackedHeads heads = StackedHeads.write(
                "enc",
                "b",
                new float[width],
                spread,
                new float[INTENTS * width],
                new float[INTENTS],
                thresholds(0.5f),
                new ByteArrayOutputStream());

        assertThatThrownBy(() -> heads.probabilities(new double[width + 1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("width");
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-6);
    }
}
