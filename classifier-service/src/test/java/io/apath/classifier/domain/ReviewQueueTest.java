package io.apath.classifier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.apath.classifier.Mentions;
import io.apath.classifier.domain.ReviewQueue.Candidate;
import io.apath.classifier.domain.ReviewQueue.Order;
import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.Intent;
import io.apath.contracts.Mention;
import io.apath.contracts.Sentiment;
import io.apath.contracts.SentimentLabel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReviewQueueTest {

    private static final Set<String> NONE = Set.of();

    @Test
    void ranksPostsByTheirClosestCallMostUncertainFirstFlaggedOrNot() {
        ReviewQueue queue = queue(10, NONE, NONE);
        queue.offer(churn("p1", "my parcel never came", 0.20));
        queue.offer(churn("p2", "thinking about switching", 0.48));
        queue.offer(classified(post("p3", "is the sale still on"), false, Map.of(Intent.DEAL_SEEKING, 0.6)));
        // two intents at 0.99 are a confident two-label post, although the service flags "top two close"
        queue.offer(classified(
                post("both", "where is my refund, worst service ever"),
                true,
                Map.of(Intent.COMPLAINT, 0.99, Intent.SUPPORT_REQUEST, 0.99, Intent.PRAISE, 0.01)));

        assertThat(queue.candidates())
                .extracting(Candidate::id)
                .containsExactly(id("p2"), id("p3"), id("p1"), id("both"));
        Candidate first = queue.candidates().get(0);
        assertThat(first.closestCall()).isEqualTo(Intent.CHURN_RISK);
        assertThat(first.distance()).isCloseTo(0.02, offset(1e-9));
    }

    @Test
    void leavesOutWhatAReviewerNeedNotOrMustNotSee() {
        Set<String> corrected = Set.of(id("corrected"));
        Set<String> suppressed = Set.of(
                Mentions.post("acme", "erased-author", "x", "x").customerKey().value());
        ReviewQueue queue = queue(10, corrected, suppressed);

        assertThat(queue.offer(churn("kept", "where is my refund", 0.5))).isTrue();
        assertThat(queue.offer(churn("corrected", "already labelled", 0.5)))
                .as("a reviewer corrected it")
                .isFalse();
        assertThat(queue.offer(withChurn(Mentions.post("acme", "erased-author", "e", "erase me"), "en")))
                .as("its author was erased or withdrew consent")
                .isFalse();
        assertThat(queue.offer(withChurn(Mentions.post("globex", "kim", "g", "another brand's post"), "en")))
                .as("another tenant's")
                .isFalse();
        assertThat(queue.offer(withChurn(post("de", "wo ist mein Paket"), "de")))
                .as("a language the model does not read: a label would not teach it")
                .isFalse();
        assertThat(queue.offer(withChurn(post("und", "ok"), "und")))
                .as("undetermined, as most short posts are, stays")
                .isTrue();
        assertThat(queue.offer(withChurn(post("blank", " "), "en")))
                .as("no text to label")
                .isFalse();
        assertThat(queue.offer(classified(post("none", "no probabilities"), false, Map.of())))
                .isFalse();
        assertThat(queue.offer(withChurn(Mentions.post("acme", "acmehelp", "reply", "sorry, DM us"), "en")))
                .as("the brand's own reply (its handle differing only in case and @)")
                .isFalse();

        assertThat(queue.candidates()).extracting(Candidate::id).containsExactlyInAnyOrder(id("kept"), id("und"));
    }

    @Test
    void aTextIsQueuedOnceWithItsMostUncertainCopy() {
        ReviewQueue queue = queue(10, NONE, NONE);
        queue.offer(churn("rt-1", "RT @acme: 50% off today only https://t.co/a", 0.30));
        queue.offer(churn("rt-2", "rt @acme: 50% off today only https://t.co/b", 0.45));
        queue.offer(churn("rt-3", "RT @acme: 50% off TODAY only https://t.co/c", 0.20));
        queue.offer(churn("other", "RT @acme: 50% off tomorrow https://t.co/d", 0.20));

        assertThat(queue.candidates()).extracting(Candidate::id).containsExactly(id("rt-2"), id("other"));
    }

    @Test
    void keepsTheMostUncertainWithinItsLimitHoweverManyAreOffered() {
        ReviewQueue queue = queue(3, NONE, NONE);
        for (int i = 0; i < 100; i++) {
            // CHURN_RISK at 0.20, 0.21, ... 0.49, cycling: the closest call, 0.49, is i = 29, 59 and 89's
            double churn = 0.2 + (i % 30) / 100.0;
            // texts differ in letters: the normaliser folds digits, so "post 1" and "post 2" would be one text
            queue.offer(churn("p" + i, "post " + (char) ('a' + i % 26) + (char) ('a' + i / 26), churn));
        }
        assertThat(queue.candidates())
                .extracting(Candidate::id)
                .containsExactlyInAnyOrder(id("p29"), id("p59"), id("p89"));
        assertThat(queue.candidates()).allSatisfy(c -> assertThat(c.distance()).isCloseTo(0.01, offset(1e-9)));
    }

    @Test
    void theRandomOrderPicksTheSameSampleWhateverTheOrderPostsArriveInAndIgnoresTheProbabilities() {
        List<ClassifiedMention> posts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            posts.add(churn("p" + i, "post " + (char) ('a' + i % 26) + (char) ('a' + i / 26), 0.2 + (i % 30) / 100.0));
        }
        ReviewQueue forward = queue(20, Order.RANDOM, 0, NONE, NONE);
        posts.forEach(forward::offer);
        ReviewQueue backward = queue(20, Order.RANDOM, 0, NONE, NONE);
        for (int i = posts.size() - 1; i >= 0; i--) {
            backward.offer(posts.get(i));
        }
        ReviewQueue otherSeed = queue(20, Order.RANDOM, 7, NONE, NONE);
        posts.forEach(otherSeed::offer);
        ReviewQueue closestCalls = queue(20, NONE, NONE);
        posts.forEach(closestCalls::offer);

        List<String> sample = forward.candidates().stream().map(Candidate::id).toList();
        assertThat(sample).hasSize(20);
        assertThat(backward.candidates()).extracting(Candidate::id).containsExactlyElementsOf(sample);
        assertThat(otherSeed.candidates()).extracting(Candidate::id).isNotEqualTo(sample);
        assertThat(closestCalls.candidates())
                .extracting(Candidate::id)
                .as("the closest-call order picks another set")
                .isNotEqualTo(sample);
        assertThat(forward.candidates())
                .as("sure posts too, which the closest-call order would leave for later")
                .anySatisfy(c -> assertThat(c.distance()).isGreaterThan(0.1));
    }

    @Test
    void theRandomRankIsSpreadEvenlyOverZeroToOne() {
        int[] tenths = new int[10];
        for (int i = 0; i < 10_000; i++) {
            tenths[(int) (ReviewQueue.uniform(post("n" + i, "-").mentionId().value(), 0) * 10)]++;
        }
        // 1,000 expected in each tenth; a fair sample stays within about 3 standard deviations (±90)
        for (int n : tenths) {
            assertThat(n).as(Arrays.toString(tenths)).isBetween(900, 1100);
        }
    }

    @Test
    void refusesAnEmptyQueue() {
        assertThatThrownBy(() -> queue(0, NONE, NONE)).hasMessageContaining("at least 1");
    }

    @Test
    void theClosestCallIsTheIntentNearestEvenOdds() {
        Candidate candidate = queue(10, NONE, NONE)
                .candidate(classified(
                        post("c", "text"),
                        false,
                        Map.of(
                                Intent.COMPLAINT,
                                0.9,
                                Intent.PRAISE,
                                0.1,
                                Intent.CHURN_RISK,
                                0.35,
                                Intent.IRRELEVANT,
                                0.0)));
        assertThat(candidate.closestCall()).isEqualTo(Intent.CHURN_RISK);
        assertThat(candidate.distance()).isCloseTo(0.15, offset(1e-9));
        Candidate tie = queue(10, NONE, NONE)
                .candidate(classified(post("t", "text"), false, Map.of(Intent.PRAISE, 0.4, Intent.COMPLAINT, 0.6)));
        assertThat(tie.closestCall()).as("a tie goes to the earlier intent").isEqualTo(Intent.COMPLAINT);
    }

    private static ReviewQueue queue(int limit, Set<String> corrected, Set<String> suppressed) {
        return queue(limit, Order.CLOSEST_CALL, 0, corrected, suppressed);
    }

    private static ReviewQueue queue(int limit, Order order, long seed, Set<String> corrected, Set<String> suppressed) {
        return new ReviewQueue(
                "acme",
                limit,
                order,
                seed,
                corrected::contains,
                suppressed::contains,
                Set.of("@AcmeHelp"),
                ReviewPolicy.defaults());
    }

    private static String id(String nativeId) {
        return post(nativeId, "-").mentionId().value();
    }

    private static Mention post(String nativeId, String text) {
        return Mentions.post("acme", "kim", nativeId, text);
    }

    /** A complaint the model is sure of, with CHURN_RISK at {@code churn}. */
    private static ClassifiedMention churn(String nativeId, String text, double churn) {
        return classified(
                post(nativeId, text),
                true,
                Map.of(Intent.COMPLAINT, 0.97, Intent.CHURN_RISK, churn, Intent.PRAISE, 0.01));
    }

    private static ClassifiedMention withChurn(Mention mention, String language) {
        return new ClassifiedMention(
                mention,
                Map.of(Intent.COMPLAINT, 0.97, Intent.CHURN_RISK, 0.5),
                Intent.COMPLAINT,
                new Sentiment(SentimentLabel.NEGATIVE, 0.7),
                language,
                "test-model",
                true);
    }

    private static ClassifiedMention classified(Mention mention, boolean needsReview, Map<Intent, Double> intents) {
        return new ClassifiedMention(
                mention,
                intents,
                intents.isEmpty() ? Intent.INFORMATIONAL : Intent.COMPLAINT,
                new Sentiment(SentimentLabel.NEGATIVE, 0.7),
                "en",
                "test-model",
                needsReview);
    }
}
