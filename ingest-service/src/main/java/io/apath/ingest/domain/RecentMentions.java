package io.apath.ingest.domain;

import io.apath.contracts.MentionId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The idempotency window: ids of the mentions published in the last {@code window}, and of those being published
 * right now. Filled from two sides: this replica's own acknowledgements, and every record on {@code mentions.v1}
 * (so it survives a restart and sees what other replicas published).
 *
 * <p>Published ids are kept as their 128 bits plus a timestamp in primitive arrays (open addressing, linear probing),
 * in {@value #SEGMENTS} independently locked segments: 48–96 bytes per id and no object per id, so a window of
 * millions of ids costs the garbage collector nothing to scan or copy. A mention id is 128 bits of SHA-256 in hex
 * (DESIGN §2) and is stored exactly; an id in any other form (a record some other writer put on the topic) is reduced
 * to 128 bits of its own SHA-256. Ids being published are few and keep their future in a small map.
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

    private static final int SEGMENTS = 64;
    private static final Fresh FRESH = new Fresh();
    private static final Seen SEEN = new Seen();

    private final Segment[] segments = new Segment[SEGMENTS];
    private final Duration window;

    public RecentMentions(Duration window) {
        this.window = window;
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment();
        }
    }

    public Duration window() {
        return window;
    }

    public Reservation reserve(MentionId id, Instant now, CompletableFuture<Void> published) {
        Key key = Key.of(id.value());
        long cutoff = now.minus(window).toEpochMilli();
        Segment segment = segment(key);
        synchronized (segment) {
            long at = segment.publishedAt(key);
            if (at != 0 && at >= cutoff) {
                return SEEN;
            }
            CompletableFuture<Void> inFlight = segment.reservePending(key, published);
            return inFlight == null ? FRESH : new InFlight(inFlight);
        }
    }

    public void confirm(MentionId id, Instant at) {
        Key key = Key.of(id.value());
        Segment segment = segment(key);
        synchronized (segment) {
            segment.removePending(key);
            segment.put(key, at.toEpochMilli(), false);
        }
    }

    /** The publication failed: the id is free again, a retry must publish it. */
    public void release(MentionId id) {
        Key key = Key.of(id.value());
        Segment segment = segment(key);
        synchronized (segment) {
            segment.removePending(key);
        }
    }

    /** A record read back from the topic: whoever published it, the id is taken. */
    public void observed(String id, Instant at) {
        Key key = Key.of(id);
        Segment segment = segment(key);
        synchronized (segment) {
            // Pending here but on the log already (another replica won the race): it is published.
            segment.removePending(key);
            segment.put(key, at.toEpochMilli(), true);
        }
    }

    /** Forgets ids published before the window; returns how many were dropped. */
    public int evict(Instant now) {
        long cutoff = now.minus(window).toEpochMilli();
        int dropped = 0;
        for (Segment segment : segments) {
            synchronized (segment) {
                dropped += segment.evict(cutoff);
            }
        }
        return dropped;
    }

    public int size() {
        int size = 0;
        for (Segment segment : segments) {
            size += segment.size + segment.pendingSize;
        }
        return size;
    }

    private Segment segment(Key key) {
        return segments[(int) (key.lo >>> 58)]; // the top 6 bits of an already uniform hash
    }

    /** 128 bits of a mention id. */
    private record Key(long hi, long lo) {

        // Written out: a record's generated equals/hashCode go through method handles, measurably slower here.
        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.hi == hi && k.lo == lo;
        }

        @Override
        public int hashCode() {
            return (int) (hi ^ (hi >>> 32));
        }

        static Key of(String id) {
            return isHex128(id) ? new Key(hex(id, 0), hex(id, 16)) : hashed(id);
        }

        private static boolean isHex128(String id) {
            if (id.length() != 32) {
                return false;
            }
            for (int i = 0; i < 32; i++) {
                char c = id.charAt(i);
                if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                    return false;
                }
            }
            return true;
        }

        /** 16 lower-case hex digits from {@code from} as 64 bits. */
        private static long hex(String id, int from) {
            long value = 0;
            for (int i = from; i < from + 16; i++) {
                char c = id.charAt(i);
                value = value << 4 | (c <= '9' ? c - '0' : c - 'a' + 10);
            }
            return value;
        }

        private static Key hashed(String id) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
                long hi = 0;
                long lo = 0;
                for (int i = 0; i < 8; i++) {
                    hi = hi << 8 | (digest[i] & 0xff);
                    lo = lo << 8 | (digest[8 + i] & 0xff);
                }
                return new Key(hi, lo);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }
    }

    /**
     * One lock's share: an open-addressing table of (hi, lo) → published-at millis, three longs per slot side by side
     * (one cache line per probe), at most half full; 0 millis marks a free slot.
     */
    private static final class Segment {
        private static final int INITIAL_CAPACITY = 256;
        private static final int WIDTH = 3;

        private long[] slots = new long[INITIAL_CAPACITY * WIDTH];
        private int capacity = INITIAL_CAPACITY;
        private volatile int size;
        private final Map<Key, CompletableFuture<Void>> pending = new HashMap<>();
        private volatile int pendingSize;

        /** The future of the request publishing the id, or null after making {@code published} that future. */
        CompletableFuture<Void> reservePending(Key key, CompletableFuture<Void> published) {
            CompletableFuture<Void> inFlight = pending.putIfAbsent(key, published);
            pendingSize = pending.size();
            return inFlight;
        }

        void removePending(Key key) {
            if (!pending.isEmpty() && pending.remove(key) != null) {
                pendingSize = pending.size();
            }
        }

        /** When the id was published, 0 if it is not in the table. */
        long publishedAt(Key key) {
            int mask = capacity - 1;
            for (int i = slot(key.hi, mask); ; i = (i + 1) & mask) {
                int at = i * WIDTH;
                long time = slots[at + 2];
                if (time == 0) {
                    return 0;
                }
                if (slots[at] == key.hi && slots[at + 1] == key.lo) {
                    return time;
                }
            }
        }

        /** Records the id as published at {@code atMillis}; {@code keepEarliest} keeps an earlier time already known. */
        void put(Key key, long atMillis, boolean keepEarliest) {
            long time = Math.max(atMillis, 1);
            int mask = capacity - 1;
            for (int i = slot(key.hi, mask); ; i = (i + 1) & mask) {
                int at = i * WIDTH;
                if (slots[at + 2] == 0) {
                    slots[at] = key.hi;
                    slots[at + 1] = key.lo;
                    slots[at + 2] = time;
                    size++;
                    if (size > capacity / 2) {
                        resize(capacity * 2, Long.MIN_VALUE);
                    }
                    return;
                }
                if (slots[at] == key.hi && slots[at + 1] == key.lo) {
                    slots[at + 2] = keepEarliest ? Math.min(slots[at + 2], time) : time;
                    return;
                }
            }
        }

        int evict(long cutoff) {
            int before = size;
            int live = 0;
            for (int at = 2; at < slots.length; at += WIDTH) {
                if (slots[at] != 0 && slots[at] >= cutoff) {
                    live++;
                }
            }
            int target = capacity;
            while (target > INITIAL_CAPACITY && live < target / 8) {
                target /= 2;
            }
            resize(target, cutoff);
            return before - size;
        }

        /** Rebuilds the table with {@code newCapacity} slots, keeping the ids published at or after {@code cutoff}. */
        private void resize(int newCapacity, long cutoff) {
            long[] old = slots;
            slots = new long[newCapacity * WIDTH];
            capacity = newCapacity;
            int mask = newCapacity - 1;
            int kept = 0;
            for (int from = 0; from < old.length; from += WIDTH) {
                long time = old[from + 2];
                if (time == 0 || time < cutoff) {
                    continue;
                }
                int i = slot(old[from], mask);
                while (slots[i * WIDTH + 2] != 0) {
                    i = (i + 1) & mask;
                }
                System.arraycopy(old, from, slots, i * WIDTH, WIDTH);
                kept++;
            }
            size = kept;
        }

        private static int slot(long hi, int mask) {
            return (int) (hi ^ (hi >>> 32)) & mask;
        }
    }
}
