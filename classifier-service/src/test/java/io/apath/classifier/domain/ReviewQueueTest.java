package io.apath.classifier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.apath.classifier.Mentions;
import io.apath.classifier.domain.ReviewQueue.Candidate;
import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.Intent;
import io.apath.contracts.Mention;
import io.apath.contracts.Sentiment;
import io.apath.contracts.SentimentLabel;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReviewQueueTest {

    private static final Set<String> NONE = Set.of();

    @Test
    void holdsTheFlaggedPostsMostUncertainFirst() {
        ReviewQueue queue = queue(10, NONE, NONE);
        queue.offer(flagged("p1", "my parcel never came", 0.50, 0.20));
        queue.offer(flagged("p2", "thinking about switching", 0.41, 0.39));
        queue.offer(flagged("p3", "is the sale still on", 0.45, 0.30));
        queue.offer(sure("p4"));

        assertThat(queue.candidates()).extracting(Candidate::id).containsExactly(id("p2"), id("p3"), id("p1"));
        assertThat(queue.candidates().get(0).margin()).isCloseTo(0.02, offset(1e-9));
    }

    @Test
    void leavesOutWhatAReviewerNeedNotOrMustNotSee() {
        Set<String> corrected = Set.of(id("corrected"));
        Set<String> suppressed = Set.of(
                Mentions.post("acme", "erased-author", "x", "x").customerKey().value());
        ReviewQueue queue = queue(10, corrected, suppressed);

        assertThat(queue.offer(flagged("kept", "where is my refund", 0.4, 0.3))).isTrue();
        assertThat(queue.offer(flagged("corrected", "already labelled", 0.4, 0.3)))
                .as("a reviewer corrected it")
                .isFalse();
        assertThat(queue.offer(classified(post("acme", "erased-author", "e", "erase me"), true, 0.4, 0.3, "en")))
                .as("its author was erased or withdrew consent")
                .isFalse();
        assertThat(queue.offer(classified(post("globex", "kim", "g", "another brand's post"), true, 0.4, 0.3, "en")))
                .as("another tenant's")
                .isFalse();
        assertThat(queue.offer(classified(post("acme", "kim", "de", "wo ist mein Paket"), true, 0.4, 0.3, "de")))
                .as("a language the model does not read: a label would not teach it")
                .isFalse();
        assertThat(queue.offer(classified(post("acme", "kim", "und", "ok"), true, 0.4, 0.3, "und")))
                .as("undetermined, as most short posts are, stays")
                .isTrue();
        assertThat(queue.offer(sure("sure"))).as("the model was sure").isFalse();
        assertThat(queue.offer(classified(post("acme", "kim", "blank", " "), true, 0.4, 0.3, "en")))
                .as("no text to label")
                .isFalse();

        assertThat(queue.candidates()).extracting(Candidate::id).containsExactlyInAnyOrder(id("kept"), id("und"));
    }

    @Test
    void aTextIsQueuedOnceWithItsMostUncertainCopy() {
        ReviewQueue queue = queue(10, NONE, NONE);
        queue.offer(flagged("rt-1", "RT @acme: 50% off today only https://t.co/a", 0.45, 0.30));
        queue.offer(flagged("rt-2", "rt @acme: 50% off today only https://t.co/b", 0.42, 0.40));
        queue.offer(flagged("rt-3", "RT @acme: 50% off TODAY only https://t.co/c", 0.48, 0.20));
        queue.offer(flagged("other", "RT @acme: 50% off tomorrow https://t.co/d", 0.48, 0.20));

        assertThat(queue.candidates()).extracting(Candidate::id).containsExactly(id("rt-2"), id("other"));
    }

    @Test
    void keepsTheMostUncertainWithinItsLimitHoweverManyAreOffered() {
        ReviewQueue queue = queue(3, NONE, NONE);
        for (int i = 0; i < 100; i++) {
            // margins 0.31, 0.30, ... 0.02, cycling: the smallest, 0.02, is i = 29, 59 and 89's
            double second = 0.1 + (i % 30) / 100.0;
            // texts differ in letters: the normaliser folds digits, so "post 1" and "post 2" would be one text
            queue.offer(flagged("p" + i, "post " + (char) ('a' + i % 26) + (char) ('a' + i / 26), 0.41, second));
        }
        assertThat(queue.candidates())
                .extracting(Candidate::id)
                .containsExactlyInAnyOrder(id("p29"), id("p59"), id("p89"));
        assertThat(queue.candidates()).allSatisfy(c -> assertThat(c.margin()).isCloseTo(0.02, offset(1e-9)));
    }

    @Test
    void refusesAnEmptyQueue() {
        assertThatThrownBy(() -> queue(0, NONE, NONE)).hasMessageContaining("at least 1");
    }

    @Test
    void theMarginIsTheGapBetweenTheTwoMostProbableIntents() {
        assertThat(ReviewQueue.margin(Map.of(Intent.COMPLAINT, 0.6, Intent.PRAISE, 0.1, Intent.CHURN_RISK, 0.5)))
                .isCloseTo(0.1, offset(1e-9));
        assertThat(ReviewQueue.margin(Map.of(Intent.INFORMATIONAL, 0.3))).isEqualTo(0.3);
    }

    private static ReviewQueue queue(int limit, Set<String> corrected, Set<String> suppressed) {
        return new ReviewQueue("acme", limit, corrected::contains, suppressed::contains, ReviewPolicy.defaults());
    }

    private static String id(String nativeId) {
        return post("acme", "kim", nativeId, "-").mentionId().value();
    }

    private static Mention post(String tenant, String author, String nativeId, String text) {
        return Mentions.post(tenant, author, nativeId, text);
    }

    private static ClassifiedMention flagged(String nativeId, String text, double top, double second) {
        return classified(post("acme", "kim", nativeId, text), true, top, second, "en");
    }

    private static ClassifiedMention sure(String nativeId) {
        return classified(post("acme", "kim", nativeId, "thanks, all sorted"), false, 0.95, 0.02, "en");
    }

    private static ClassifiedMention classified(
            Mention mention, boolean needsReview, double top, double second, String language) {
        return new ClassifiedMention(
                mention,
                Map.of(Intent.COMPLAINT, top, Intent.SUPPORT_REQUEST, second, Intent.PRAISE, 0.01),
                Intent.COMPLAINT,
                new Sentiment(SentimentLabel.NEGATIVE, 0.7),
                language,
                "test-model",
                needsReview);
    }
}
