package io.apath.classifier.domain;

import io.apath.classifier.model.TextFeatures;
import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.Handles;
import io.apath.contracts.Intent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which of a tenant's classified mentions its reviewers should label next: posts in a language the model reads, that
 * nobody has corrected yet, not written by the brand's own accounts, and whose author has not been erased or
 * withdrawn consent, one post per text (a retweet or a copied complaint is labelled once), in one of two orders:
 * <ul>
 *   <li>{@link Order#RANDOM}, the default: a uniform sample, the posts whose hash of the mention id (and a seed) is
 *       smallest. The same posts are picked whatever order they arrive in, and a later run over more posts keeps the
 *       earlier picks that are still eligible.
 *   <li>{@link Order#CLOSEST_CALL}: the posts the model was least sure of first, those with an intent nearest even odds
 *       (0.5). The intents are separate yes/no decisions, so two intents at 0.99 are a confident two-label post, and a
 *       second intent at 0.5 is a coin toss that {@code needsReview} (top two close) does not flag.
 * </ul>
 * Random is the default because it taught the model more: labelling 150 posts per fold this way, in 5-fold
 * cross-validation of the whole recipe, added +0.013 intent macro-F1 (three draws), closest-call picks +0.005 (three
 * training seeds) ({@code experiments/review-queue}). Closest call stays for looking at where the model is unsure.
 *
 * <p>Keeps at most {@code limit} candidates however many mentions are offered, so a month of a busy topic can stream
 * through it.
 */
public final class ReviewQueue {

    /** The order posts are picked in. */
    public enum Order {
        /** A uniform sample, by a seeded hash of the mention id. */
        RANDOM,
        /** The intent nearest even odds first. */
        CLOSEST_CALL
    }

    /**
     * One post to label, with what the model made of it.
     *
     * @param closestCall the intent whose probability is nearest 0.5
     * @param distance how far that probability is from 0.5 (0: a coin toss; smaller is more uncertain)
     * @param rank the post's place in the queue's order, smaller first
     */
    public record Candidate(ClassifiedMention classified, Intent closestCall, double distance, double rank) {

        /** The mention's id: the id its correction carries, so a corrected post leaves the queue. */
        public String id() {
            return classified.mention().mentionId().value();
        }
    }

    private static final Comparator<Candidate> FIRST = Comparator.comparingDouble(Candidate::rank)
            .thenComparingDouble(Candidate::distance)
            .thenComparing(Candidate::id);
    private static final double EVEN_ODDS = 0.5;

    private final String tenant;
    private final int limit;
    private final Order order;
    private final long seed;
    private final Predicate<String> corrected;
    private final Predicate<String> suppressedCustomer;
    private final Set<String> brandAccounts;
    private final ReviewPolicy languages;
    /** The kept candidates, the last in order at the head, so it is the one an earlier post replaces. */
    private final PriorityQueue<Candidate> kept = new PriorityQueue<>(FIRST.reversed());
    /** Normalised text → its kept candidate: one post per text. */
    private final Map<String, Candidate> byText = new HashMap<>();

    /**
     * @param order the order posts are picked in
     * @param seed {@link Order#RANDOM}'s: another seed draws another sample
     * @param corrected whether a mention id already has a correction of this tenant
     * @param suppressedCustomer whether a customer key is suppressed (erased, or consent withdrawn)
     * @param brandAccounts the brand's own accounts ({@code brand-handles}): their replies are not customers' posts
     * @param languages whose {@link ReviewPolicy#isForeign} says which languages the model does not read
     */
    public ReviewQueue(
            String tenant,
            int limit,
            Order order,
            long seed,
            Predicate<String> corrected,
            Predicate<String> suppressedCustomer,
            Collection<String> brandAccounts,
            ReviewPolicy languages) {
        if (limit < 1) {
            throw new IllegalArgumentException("the queue's limit must be at least 1, was " + limit);
        }
        this.tenant = tenant;
        this.limit = limit;
        this.order = order;
        this.seed = seed;
        this.corrected = corrected;
        this.suppressedCustomer = suppressedCustomer;
        this.brandAccounts = brandAccounts.stream().map(Handles::configured).collect(Collectors.toSet());
        this.languages = languages;
    }

    /** Considers one classified mention; returns whether it is (for now) in the queue. */
    public boolean offer(ClassifiedMention classified) {
        if (!tenant.equals(classified.mention().tenant())
                || classified.mention().text() == null
                || classified.mention().text().isBlank()
                || languages.isForeign(classified.language())
                || brandAccounts.contains(
                        Handles.normalise(classified.mention().author().handle()))
                || suppressedCustomer.test(classified.mention().customerKey().value())
                || corrected.test(classified.mention().mentionId().value())) {
            return false;
        }
        Candidate candidate = candidate(classified);
        if (candidate == null) {
            return false; // no probabilities: a follow, which has no text to label anyway
        }
        String text = textOf(candidate);
        Candidate twin = byText.get(text);
        if (twin != null) {
            if (FIRST.compare(candidate, twin) >= 0) {
                return false;
            }
            kept.remove(twin);
            byText.remove(text);
        }
        if (kept.size() == limit) {
            if (FIRST.compare(candidate, kept.peek()) >= 0) {
                return false;
            }
            byText.remove(textOf(kept.poll()));
        }
        kept.add(candidate);
        byText.put(text, candidate);
        return true;
    }

    /** The queue, in its order. */
    public List<Candidate> candidates() {
        List<Candidate> list = new ArrayList<>(kept);
        list.sort(FIRST);
        return list;
    }

    private static String textOf(Candidate candidate) {
        return new String(
                TextFeatures.normalise(candidate.classified().mention().text()));
    }

    /** The candidate, with the intent whose probability is nearest even odds; null without probabilities. */
    Candidate candidate(ClassifiedMention classified) {
        Intent closest = null;
        double distance = Double.MAX_VALUE;
        for (Map.Entry<Intent, Double> intent : classified.intents().entrySet()) {
            double d = Math.abs(intent.getValue() - EVEN_ODDS);
            // ties go to the earlier intent, so the choice does not depend on the map's order
            if (d < distance || (d == distance && intent.getKey().ordinal() < closest.ordinal())) {
                closest = intent.getKey();
                distance = d;
            }
        }
        if (closest == null) {
            return null;
        }
        double rank = order == Order.CLOSEST_CALL
                ? distance
                : uniform(classified.mention().mentionId().value(), seed);
        return new Candidate(classified, closest, distance, rank);
    }

    /** A value in [0, 1) that looks random but is the same for the same id and seed (SplitMix64's finaliser). */
    static double uniform(String id, long seed) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0xBF58476D1CE4E5B9L;
        }
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        h ^= h >>> 31;
        return (h >>> 11) * 0x1.0p-53;
    }
}
