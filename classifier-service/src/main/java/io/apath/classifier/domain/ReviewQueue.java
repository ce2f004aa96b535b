package io.apath.classifier.domain;

import io.apath.classifier.model.TextFeatures;
import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.Intent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * Which of a tenant's classified mentions its reviewers should label next: those the service flagged
 * {@code needsReview}, in a language the model reads, that nobody has corrected yet and whose author has not been
 * erased or withdrawn consent, most uncertain first (the smallest gap between the two most probable intents), one
 * post per text (a retweet or a copied complaint is labelled once). Labels of posts the model is unsure of teach it
 * most per label (uncertainty sampling), and the rare intents the model confuses are among them.
 *
 * <p>Keeps at most {@code limit} candidates however many mentions are offered, so a month of a busy topic can stream
 * through it.
 */
public final class ReviewQueue {

    /** One post to label, with what the model made of it. */
    public record Candidate(ClassifiedMention classified, double margin) {

        /** The mention's id: the id its correction carries, so a corrected post leaves the queue. */
        public String id() {
            return classified.mention().mentionId().value();
        }
    }

    private static final Comparator<Candidate> MOST_UNCERTAIN_FIRST = Comparator.comparingDouble(Candidate::margin)
            .thenComparingDouble(c -> c.classified().confidence())
            .thenComparing(Candidate::id);

    private final String tenant;
    private final int limit;
    private final Predicate<String> corrected;
    private final Predicate<String> suppressedCustomer;
    private final ReviewPolicy languages;
    /** The kept candidates, least uncertain at the head, so it is the one a more uncertain post replaces. */
    private final PriorityQueue<Candidate> kept = new PriorityQueue<>(MOST_UNCERTAIN_FIRST.reversed());
    /** Normalised text → its kept candidate: one post per text. */
    private final Map<String, Candidate> byText = new HashMap<>();

    /**
     * @param corrected whether a mention id already has a correction of this tenant
     * @param suppressedCustomer whether a customer key is suppressed (erased, or consent withdrawn)
     * @param languages whose {@link ReviewPolicy#isForeign} says which languages the model does not read
     */
    public ReviewQueue(
            String tenant,
            int limit,
            Predicate<String> corrected,
            Predicate<String> suppressedCustomer,
            ReviewPolicy languages) {
        if (limit < 1) {
            throw new IllegalArgumentException("the queue's limit must be at least 1, was " + limit);
        }
        this.tenant = tenant;
        this.limit = limit;
        this.corrected = corrected;
        this.suppressedCustomer = suppressedCustomer;
        this.languages = languages;
    }

    /** Considers one classified mention; returns whether it is (for now) in the queue. */
    public boolean offer(ClassifiedMention classified) {
        if (!classified.needsReview()
                || !tenant.equals(classified.mention().tenant())
                || classified.mention().text() == null
                || classified.mention().text().isBlank()
                || languages.isForeign(classified.language())
                || suppressedCustomer.test(classified.mention().customerKey().value())) {
            return false;
        }
        Candidate candidate = new Candidate(classified, margin(classified.intents()));
        if (corrected.test(candidate.id())) {
            return false;
        }
        String text = textOf(candidate);
        Candidate twin = byText.get(text);
        if (twin != null) {
            if (MOST_UNCERTAIN_FIRST.compare(candidate, twin) >= 0) {
                return false;
            }
            kept.remove(twin);
            byText.remove(text);
        }
        if (kept.size() == limit) {
            if (MOST_UNCERTAIN_FIRST.compare(candidate, kept.peek()) >= 0) {
                return false;
            }
            byText.remove(textOf(kept.poll()));
        }
        kept.add(candidate);
        byText.put(text, candidate);
        return true;
    }

    /** The queue, most uncertain first. */
    public List<Candidate> candidates() {
        List<Candidate> list = new ArrayList<>(kept);
        list.sort(MOST_UNCERTAIN_FIRST);
        return list;
    }

    private static String textOf(Candidate candidate) {
        return new String(
                TextFeatures.normalise(candidate.classified().mention().text()));
    }

    /** The gap between the two most probable intents (the top one's probability when there is only one). */
    static double margin(Map<Intent, Double> intents) {
        double top = 0;
        double second = 0;
        for (double p : intents.values()) {
            if (p > top) {
                second = top;
                top = p;
            } else if (p > second) {
                second = p;
            }
        }
        return top - second;
    }
}
