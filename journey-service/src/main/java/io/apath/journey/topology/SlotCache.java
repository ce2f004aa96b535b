package io.apath.journey.topology;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A fixed number of slots, each holding the latest entry whose hash fell on it: a cache with no bookkeeping for the
 * per-record path, where a miss only costs the work the cache would have saved and a hot entry that gets displaced
 * comes back with its next use. Entries must be immutable; then the cache may be shared between threads, since a
 * reader sees either the old or the new entry, each whole.
 */
final class SlotCache<E> {

    private final AtomicReferenceArray<E> slots;
    private final int mask;

    SlotCache(int slots) {
        if (slots <= 0 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, not " + slots);
        }
        this.slots = new AtomicReferenceArray<>(slots);
        this.mask = slots - 1;
    }

    E get(int hash) {
        return slots.get(slot(hash));
    }

    void put(int hash, E entry) {
        slots.set(slot(hash), entry);
    }

    private int slot(int hash) {
        return (hash ^ (hash >>> 16)) & mask; // spread the high bits, as HashMap does
    }
}
