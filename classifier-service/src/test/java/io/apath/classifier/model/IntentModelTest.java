package io.apath.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apath.classifier.model.IntentModel.Calibration;
import io.apath.contracts.Intent;
import io.apath.contracts.SentimentLabel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntentModelTest {

    private static float[] raw(float... intentThenSentiment) {
        float[] raw = new float[IntentModel.HEADS];
        System.arraycopy(intentThenSentiment, 0, raw, 0, intentThenSentiment.length);
        return raw;
    }

    private static float[] scores(Intent a, float sa, Intent b, float sb) {
        float[] raw = raw();
        java.util.Arrays.fill(raw, 0, IntentModel.INTENTS, -4f);
        raw[a.ordinal()] = sa;
        raw[b.ordinal()] = sb;
        return raw;
    }

    @Test
    void primaryIsTheMostProbableIntentAndASecondLabelNeedsItsThreshold() {
        Prediction p =
                IntentModel.decide(scores(Intent.COMPLAINT, 3f, Intent.SUPPORT_REQUEST, 1f), 0, Calibration.identity());

        assertThat(p.primaryIntent()).isEqualTo(Intent.COMPLAINT);
        assertThat(p.labels()).containsExactly(Intent.COMPLAINT, Intent.SUPPORT_REQUEST);
        assertThat(p.probability(Intent.COMPLAINT))
                .isCloseTo(1 / (1 + Math.exp(-3)), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void secondLabelBelowItsThresholdIsLeftOut() {
        Prediction p = IntentModel.decide(
                scores(Intent.COMPLAINT, 3f, Intent.SUPPORT_REQUEST, -1f), 0, Calibration.identity());

        assertThat(p.labels()).containsExactly(Intent.COMPLAINT);
    }

    @Test
    void informationalIsNeverCombinedWithAnotherLabel() {
        Prediction p =
                IntentModel.decide(scores(Intent.INFORMATIONAL, 3f, Intent.PRAISE, 2f), 0, Calibration.identity());

        assertThat(p.labels()).containsExactly(Intent.INFORMATIONAL);
    }

    @Test
    void sentimentIsTheSoftmaxOfItsHeadPlusOffsets() {
        float[] raw = raw();
        raw[IntentModel.INTENTS + SentimentLabel.POSITIVE.ordinal()] = 2f;
        Prediction plain = IntentModel.decide(raw, 0, Calibration.identity());
        Calibration shifted = new Calibration(
                Calibration.identity().stack(), Calibration.identity().thresholds(), new float[] {3f, 0f, 0f});
        Prediction withOffset = IntentModel.decide(raw, 0, shifted);

        assertThat(plain.sentiment()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(plain.sentimentProbabilities()).satisfies(s -> assertThat(s[0] + s[1] + s[2])
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9)));
        assertThat(withOffset.sentiment()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    /** Heads with Gaussian weights: enough to tell whether a model file reads back as written. */
    private static LinearHeads randomHeads(TextFeatures features, long seed) {
        LinearHeads heads = new LinearHeads(features.dimension(), IntentModel.HEADS);
        Random random = new Random(seed);
        for (int i = 0; i < heads.weights().length; i++) {
            heads.weights()[i] = (float) random.nextGaussian();
        }
        return heads;
    }

    @Test
    void writtenModelReadsBackWithTheSamePredictionsAndAContentVersion() throws IOException {
        TextFeatures features = new TextFeatures(12, 3, 4);
        LinearHeads heads = randomHeads(features, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IntentModel written = IntentModel.write("test", features, heads, Calibration.identity(), out);
        IntentModel read = IntentModel.read(new ByteArrayInputStream(out.toByteArray()));

        assertThat(read.version())
                .isEqualTo(written.version())
                .startsWith("test-")
                .hasSize("test-".length() + 12);
        String text = "my flight got delayed again, any voucher?";
        assertThat(read.predict(text).intentProbabilities())
                .containsExactly(written.predict(text).intentProbabilities());
        // int16 quantisation: each weight within half a step of the original
        float max = 0;
        for (float w : heads.weights()) {
            max = Math.max(max, Math.abs(w));
        }
        float[] back = read.heads().weights();
        for (int i = 0; i < back.length; i++) {
            assertThat(Math.abs(back[i] - heads.weights()[i])).isLessThanOrEqualTo(max / Short.MAX_VALUE);
        }
    }

    @Test
    void theBrandAccountsTravelInTheFileAndATenantsAreAddedWithoutAnotherVersion() throws IOException {
        TextFeatures features = new TextFeatures(12, 3, 4, BrandAccounts.of(List.of("united", "delta")));
        LinearHeads heads = randomHeads(features, 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IntentModel written = IntentModel.write("test", features, heads, Calibration.identity(), out);
        IntentModel read = IntentModel.read(new ByteArrayInputStream(out.toByteArray()));
        IntentModel forAcme = read.withBrandAccounts(BrandAccounts.of(List.of("acme")));

        assertThat(read.features().brands().handles()).containsExactly("delta", "united");
        assertThat(forAcme.features().brands().handles()).containsExactly("acme", "delta", "united");
        assertThat(forAcme.version()).isEqualTo(written.version());
        assertThat(read.withBrandAccounts(BrandAccounts.NONE)).isSameAs(read);
        String text = "@acme my flight got delayed again";
        assertThat(forAcme.predict(text).intentProbabilities())
                .isNotEqualTo(read.predict(text).intentProbabilities());
    }

    @Test
    void aFileThatIsNotAModelIsRejected() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var zip = new java.util.zip.GZIPOutputStream(out)) {
            new java.io.DataOutputStream(zip).writeUTF("something else");
        }

        assertThatThrownBy(() -> IntentModel.read(new ByteArrayInputStream(out.toByteArray())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not an A-Path intent model");
    }
}
