package io.apath.classifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.apath.classifier.model.Prediction;
import io.apath.contracts.Intent;
import io.apath.contracts.SentimentLabel;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static Example gold(List<Intent> labels) {
        return Example.unlabelled("x", Example.Source.INTENTS, "t").withGold(labels, 1f);
    }

    private static Prediction predicted(List<Intent> labels, SentimentLabel sentiment) {
        double[] p = new double[Intent.values().length];
        p[labels.get(0).ordinal()] = 0.9;
        return new Prediction(p, labels, new double[] {0.2, 0.3, 0.5}, sentiment);
    }

    @Test
    void perLabelF1CountsEveryLabelOfAMultiLabelItem() {
        Evaluation e = new Evaluation();
        e.add(
                gold(List.of(Intent.COMPLAINT, Intent.SUPPORT_REQUEST)),
                predicted(List.of(Intent.COMPLAINT), null),
                0.5f);
        e.add(gold(List.of(Intent.PRAISE)), predicted(List.of(Intent.COMPLAINT), null), 0.5f);

        // COMPLAINT: tp 1, fp 1 → F1 2/3; SUPPORT_REQUEST: fn 1 → 0; PRAISE: fn 1 → 0
        assertThat(e.f1(Intent.COMPLAINT)).isCloseTo(2.0 / 3, offset(1e-9));
        assertThat(e.f1(Intent.SUPPORT_REQUEST)).isZero();
        assertThat(e.intentMacroF1()).isCloseTo((2.0 / 3) / 9, offset(1e-9));
        assertThat(e.primaryAccuracy()).isEqualTo(0.5);
    }

    @Test
    void extraLabelsAreScoredApartFromTheHandLabels() {
        Evaluation e = new Evaluation();
        e.add(gold(List.of(Intent.PRAISE)), predicted(List.of(Intent.PRAISE), null), 0.5f);
        Example extra = Example.unlabelled("y", Example.Source.EXTRA_LABELS, "t")
                .withGold(List.of(Intent.COMPLAINT), 1f)
                .withSentiment(SentimentLabel.NEGATIVE, 0.5f);
        e.add(extra, predicted(List.of(Intent.PRAISE), SentimentLabel.POSITIVE), 0.5f);

        assertThat(e.intentItems()).isEqualTo(1);
        assertThat(e.f1(Intent.PRAISE)).isEqualTo(1.0);
        assertThat(e.sentimentItems(Example.Source.EXTRA_LABELS)).isZero();
        Evaluation apart = e.extraLabels();
        assertThat(apart.intentItems()).isEqualTo(1);
        assertThat(apart.f1(Intent.PRAISE)).isZero();
        assertThat(apart.recall(Intent.COMPLAINT)).isZero();
        assertThat(apart.sentimentItems(Example.Source.EXTRA_LABELS)).isEqualTo(1);
        assertThat(e.report()).contains("extra labels (another labeller's posts, scored apart");
    }

    @Test
    void sentimentMacroRecallAveragesTheRecallOfEachClass() {
        Evaluation e = new Evaluation();
        Example negative =
                Example.unlabelled("a", Example.Source.SEMEVAL, "t").withSentiment(SentimentLabel.NEGATIVE, 1f);
        Example positive =
                Example.unlabelled("b", Example.Source.SEMEVAL, "t").withSentiment(SentimentLabel.POSITIVE, 1f);
        Prediction saysPositive = new Prediction(
                new double[9], List.of(Intent.INFORMATIONAL), new double[] {0, 0, 1}, SentimentLabel.POSITIVE);
        e.add(negative, saysPositive, 0.5f);
        e.add(positive, saysPositive, 0.5f);

        // negative recall 0, neutral (no items) 0, positive 1
        assertThat(e.sentimentMacroRecall(Example.Source.SEMEVAL)).isCloseTo(1.0 / 3, offset(1e-9));
    }
}
