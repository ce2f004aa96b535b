package io.apath.ingest.domain;

import io.apath.contracts.MentionId;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The idempotency window: ids of the mentions published in the last {@code window}, and of those being published
 * right now. Filled from two sides: this replica's own acknowledgements, and every record on {@code mentions.v1}
 * (so it survives a restart and sees what other replicas published).
 */
public class RecentMentions {

    /** What {@link #reserve} found. */
    public sealed interface Reservation {}

    /** Not seen: the caller now owns the id and must {@link #confirm} or {@link #release} it. */
    public record Fresh() implements Reservation {}

    /** Published within the window. */
    public record Seen() implements Reservation {}

    /** Being published by another request; its outcome is that request's future. */
    public record InFlight(CompletableFuture<Void> published) implements Reservation {}

    private sealed interface Entry {}

    private record Published(long atMillis) implements Entry {}

    private record Pending(CompletableFuture<Void> published) implements Entry {}

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration window;

    public RecentMentions(Duration window) {
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    public Reservation reserve(MentionId id, Instant now, CompletableFuture<Void> published) {
        Reservation[] found = new Reservation[1];
        long cutoff = now.minus(window).toEpochMilli();
        entries.compute(id.value(), (key, existing) -> {
            if (existing instanceof Published p && p.atMillis() >= cutoff) {
                found[0] = new Seen();
                return existing;
            }
            if (existing instanceof Pending p) {
                found[0] = new InFlight(p.published());
                return existing;
            }
            found[0] = new Fresh();
            return new Pending(published);
        });
        return found[0];
    }

    public void confirm(MentionId id, Instant at) {
        entries.put(id.value(), new Published(at.toEpochMilli()));
    }

    /** The publication failed: the id is free again, a retry must publish it. */
    public void release(MentionId id) {
        entries.computeIfPresent(id.value(), (key, existing) -> existing instanceof Pending ? null : existing);
    }

    /** A record read back from the topic: whoever published it, the id is taken. */
    public void observed(String id, Instant at) {
        long millis = at.toEpochMilli();
        entries.merge(id, new Published(millis), (old, fresh) -> {
            if (old instanceof Published p) {
                return p.atMillis() <= millis ? old : fresh;
            }
            return fresh; // pending here but on the log already (another replica won the race): it is published
        });
    }

    /** Forgets ids published before the window; returns how many were dropped. */
    public int evict(Instant now) {
        long cutoff = now.minus(window).toEpochMilli();
        int before = entries.size();
        entries.values().removeIf(e -> e instanceof Published p && p.atMillis() < cutoff);
        return before - entries.size();
    }

    public int size() {
        return entries.size();
    }
}
