package io.apath.classifier.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real ONNX encoder from its Maven Central jar: shape, norm, determinism, and that it encodes meaning. */
class BgeSmallEncoderTest {

    private static BgeSmallEncoder encoder;

    @BeforeAll
    static void start() {
        encoder = new BgeSmallEncoder(1);
    }

    @AfterAll
    static void stop() {
        encoder.close();
    }

    @Test
    void aPostBecomesAUnitVectorOf384Dimensions() {
        float[] v = encoder.embed("@acme my parcel never arrived, where is it?");

        assertThat(v).hasSize(encoder.dimension()).hasSize(384);
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void theSameTextGivesTheSameVectorBitForBit() {
        String text = "Thank you @acme for the quick refund, you made my day!";

        assertThat(encoder.embed(text)).isEqualTo(encoder.embed(text));
    }

    @Test
    void aParaphraseIsCloserThanAnUnrelatedPost() {
        float[] lost = encoder.embed("the airline lost my luggage on the way to Denver");
        float[] paraphrase = encoder.embed("my suitcase went missing on my flight to Denver");
        float[] unrelated = encoder.embed("what a beautiful sunset over the lake tonight");

        assertThat(cosine(lost, paraphrase)).isGreaterThan(cosine(lost, unrelated) + 0.1);
    }

    @Test
    void anEmptyOrMissingTextStillEncodes() {
        assertThat(encoder.embed("")).hasSize(384);
        assertThat(encoder.embed(null)).isEqualTo(encoder.embed(""));
    }

    private static double cosine(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
