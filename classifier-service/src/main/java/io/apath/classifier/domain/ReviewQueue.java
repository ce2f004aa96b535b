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
 * withdrawn consent, most uncertain first, one post per text (a retweet or a copied complaint is labelled once).
 * Labels of posts the model is unsure of teach it most per label (uncertainty sampling), and the rare intents the
 * model confuses are among them.
 *
 * <p>Uncertain means: some intent's probability is close to even odds (0.5). The intents are separate yes/no
 * decisions, so two intents at 0.99 are a confident two-label post, not a close call, although the service's
 * {@code needsReview} (top two close) flags it; and a post whose most probable intent is at 0.9 may still be a coin
 * toss on a second one, which {@code needsReview} does not flag. So the queue ranks every post, flagged or not.
 *
 * <p>Keeps at most {@code limit} candidates however many mentions are offered, so a month of a busy topic can stream
 * through it.
 */
public final class ReviewQueue {

    /**
     * One post to label, with what the model made of it.
     *
     * @param closestCall the intent whose probability is nearest 0.5
     * @param distance how far that probability is from 0.5 (0: a coin toss; smaller is more uncertain)
     */
    public record Candidate(ClassifiedMention classified, Intent closestCall, double distance) {

        /** The mention's id: the id its correction carries, so a corrected post leaves the queue. */
        public String id() {
            return classified.mention().mentionId().value();
        }
    }

    private static final Comparator<Candidate> MOST_UNCERTAIN_FIRST = Comparator.comparingDouble(Candidate::distance)
            .thenComparingDouble(c -> c.classified().confidence())
            .thenComparing(Candidate::id);
    private static final double EVEN_ODDS = 0.5;

    private final String tenant;
    private final int limit;
    private final Predicate<String> corrected;
    private final Predicate<String> suppressedCustomer;
    private final Set<String> brandAccounts;
    private final ReviewPolicy languages;
    /** The kept candidates, least uncertain at the head, so it is the one a more uncertain post replaces. */
    private final PriorityQueue<Candidate> kept = new PriorityQueue<>(MOST_UNCERTAIN_FIRST.reversed());
    /** Normalised text → its kept candidate: one post per text. */
    private final Map<String, Candidate> byText = new HashMap<>();

    /**
     * @param corrected whether a mention id already has a correction of this tenant
     * @param suppressedCustomer whether a customer key is suppressed (erased, or consent withdrawn)
     * @param brandAccounts the brand's own accounts ({@code brand-handles}): their replies are not customers' posts
     * @param languages whose {@link ReviewPolicy#isForeign} says which languages the model does not read
     */
    public ReviewQueue(
            String tenant,
            int limit,
            Predicate<String> corrected,
            Predicate<String> suppressedCustomer,
            Collection<String> brandAccounts,
            ReviewPolicy languages) {
        if (limit < 1) {
            throw new IllegalArgumentException("the queue's limit must be at least 1, was " + limit);
        }
        this.tenant = tenant;
        this.limit = limit;
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
        Candidate candidate = closestCall(classified);
        if (candidate == null) {
            return false; // no probabilities: a follow, which has no text to label anyway
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

    /** The candidate for the intent whose probability is nearest even odds, or null without probabilities. */
    static Candidate closestCall(ClassifiedMention classified) {
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
        return closest == null ? null : new Candidate(classified, closest, distance);
    }
}
