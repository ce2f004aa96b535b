package io.apath.ingest.domain;

import io.apath.contracts.Mention;
import io.apath.contracts.MentionId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Checks each submitted item, drops suppressed authors and recent duplicates, publishes the rest and reports per item.
 * Returns only when every published record was acknowledged by the broker; if that does not happen within
 * {@code ackTimeout}, throws {@link IntakeUnavailableException} so no item is ever reported accepted without it.
 */
public class MentionIntake {

    private final MentionRules rules;
    private final MentionPublisher publisher;
    private final RecentMentions recent;
    private final SuppressionList suppressions;
    private final BooleanSupplier stateLoaded;
    private final IntakeMetrics metrics;
    private final Clock clock;
    private final Duration ackTimeout;

    public MentionIntake(
            MentionRules rules,
            MentionPublisher publisher,
            RecentMentions recent,
            SuppressionList suppressions,
            BooleanSupplier stateLoaded,
            IntakeMetrics metrics,
            Clock clock,
            Duration ackTimeout) {
        this.rules = rules;
        this.publisher = publisher;
        this.recent = recent;
        this.suppressions = suppressions;
        this.stateLoaded = stateLoaded;
        this.metrics = metrics;
        this.clock = clock;
        this.ackTimeout = ackTimeout;
    }

    public MentionRules rules() {
        return rules;
    }

    /**
     * @param tenant the tenant of the caller's credentials; every accepted mention belongs to it
     * @param source where the items came from (api, webhook-mastodon, rss, ...), for metrics
     */
    public List<ItemOutcome> submit(String tenant, String source, List<Submitted> items) {
        if (!stateLoaded.getAsBoolean()) {
            // Until the window and the suppressions are read back from Kafka, a duplicate or an erased author
            // could slip through: better to be unavailable for a few seconds.
            throw new IntakeUnavailableException("the idempotency window and suppressions are still loading");
        }
        Instant now = clock.instant();
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        List<ItemOutcome> outcomes = new ArrayList<>(items.size());
        List<Waiting> waiting = new ArrayList<>();
        List<Owned> owned = new ArrayList<>();
        try {
            for (Submitted item : items) {
                outcomes.add(admit(tenant, item, now, waiting, owned));
                stopIfTheBrokerIsNotTaking(waiting, deadline);
            }
            awaitAll(waiting, deadline);
        } catch (RuntimeException e) {
            // A record may still be acknowledged after we gave up on it: keep its id reserved until the producer
            // knows, so a retry meanwhile waits for it instead of publishing it a second time.
            for (Owned o : owned) {
                o.published().whenComplete((ok, error) -> {
                    if (error == null) {
                        recent.confirm(o.id(), clock.instant());
                    } else {
                        recent.release(o.id());
                    }
                });
            }
            throw e;
        }
        Instant acknowledged = clock.instant();
        owned.forEach(o -> recent.confirm(o.id(), acknowledged));
        for (ItemOutcome outcome : outcomes) {
            metrics.counted(source, tenant, outcome.status());
        }
        return outcomes;
    }

    private ItemOutcome admit(String tenant, Submitted item, Instant now, List<Waiting> waiting, List<Owned> owned) {
        List<Violation> violations = new ArrayList<>(item.readProblems());
        if (item.submission() != null) {
            List<String> unreadable = violations.stream().map(Violation::field).toList();
            for (Violation v : rules.check(item.submission(), tenant, now)) {
                if (unreadable.stream().noneMatch(u -> related(u, v.field()))) {
                    violations.add(v);
                }
            }
        }
        if (!violations.isEmpty()) {
            return new ItemOutcome.Rejected(violations);
        }
        Mention mention = toMention(tenant, item.submission(), now);
        if (suppressions.isSuppressed(mention.customerKey())) {
            return new ItemOutcome.Suppressed(mention.mentionId());
        }
        CompletableFuture<Void> published = new CompletableFuture<>();
        RecentMentions.Reservation reservation = recent.reserve(mention.mentionId(), now, published);
        if (reservation instanceof RecentMentions.InFlight inFlight) {
            // Another request (or an earlier item of this one) is publishing it: a duplicate once that is acknowledged.
            waiting.add(new Waiting(inFlight.published(), 0));
            return new ItemOutcome.Duplicate(mention.mentionId());
        }
        if (reservation instanceof RecentMentions.Seen) {
            return new ItemOutcome.Duplicate(mention.mentionId());
        }
        owned.add(new Owned(mention.mentionId(), published));
        long started = System.nanoTime();
        publisher.publish(mention).whenComplete((ok, error) -> {
            if (error == null) {
                published.complete(null);
            } else {
                published.completeExceptionally(error);
            }
        });
        waiting.add(new Waiting(published, started));
        return new ItemOutcome.Accepted(mention.mentionId());
    }

    /**
     * Between items: a send that failed at once (the producer could not even queue it: no metadata within
     * {@code max.block.ms}, which is the ack timeout), or a deadline already passed while sending, fails the request
     * now. Otherwise each remaining item of a batch could block that long again, and a 100-item request during a
     * broker outage would hold its thread for minutes instead of answering 503 after the ack timeout.
     */
    private void stopIfTheBrokerIsNotTaking(List<Waiting> waiting, long deadline) {
        if (!waiting.isEmpty() && waiting.get(waiting.size() - 1).published().isCompletedExceptionally()) {
            awaitAll(waiting.subList(waiting.size() - 1, waiting.size()), deadline); // throws, as for a later failure
        }
        if (System.nanoTime() - deadline > 0) {
            throw new IntakeUnavailableException(
                    "the broker did not acknowledge within " + ackTimeout, new TimeoutException("while sending"));
        }
    }

    private void awaitAll(List<Waiting> waiting, long deadline) {
        for (Waiting w : waiting) {
            long left = deadline - System.nanoTime();
            try {
                w.published().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
                if (w.startedNanos() != 0) {
                    metrics.acknowledged(Duration.ofNanos(System.nanoTime() - w.startedNanos()));
                }
            } catch (TimeoutException e) {
                throw new IntakeUnavailableException("the broker did not acknowledge within " + ackTimeout, e);
            } catch (ExecutionException e) {
                throw new IntakeUnavailableException("the broker did not take the mentions", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IntakeUnavailableException("interrupted while waiting for the broker", e);
            }
        }
    }

    private static Mention toMention(String tenant, MentionSubmission s, Instant now) {
        return new Mention(
                MentionId.of(tenant, s.platform(), s.nativeId()),
                tenant,
                s.platform(),
                s.nativeId(),
                s.kind(),
                s.author(),
                s.text(),
                s.lang(),
                s.url(),
                s.inReplyTo(),
                s.createdAt(),
                now);
    }

    /** A field already reported as unreadable is not reported again as missing, nor is its parent or child. */
    private static boolean related(String a, String b) {
        return a.equals(b) || a.startsWith(b + ".") || b.startsWith(a + ".");
    }

    private record Owned(MentionId id, CompletableFuture<Void> published) {}

    private record Waiting(CompletableFuture<Void> published, long startedNanos) {}
}
