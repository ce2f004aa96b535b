package io.apath.journey.topology;

import io.apath.contracts.StageChange;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The encoded stage history of recently stored customers, for {@link JourneyStateSerde}.
 *
 * <p>Why: the {@code journeys} store value is decoded and re-encoded for every mention, but a customer's history
 * changes only with its stage. For a customer with a long history (up to 50 changes, each with a mention id) the
 * history was most of that work. With this memo, a read whose history bytes equal the remembered ones returns the
 * remembered list itself; the policy passes that same list on when the stage does not change; and the write
 * recognises it by identity and copies the remembered bytes. Lists are immutable, so identity means same content.
 *
 * <p>Entries are keyed by customer key in a {@link SlotCache}: a bounded number of histories (at most {@link #SLOTS}),
 * shared by the stream threads and the query threads.
 */
final class HistoryMemo {

    /** Shorter histories are cheap to encode; leaving them out keeps the slots for the customers that cost. */
    static final int MIN_CHANGES = 4;

    /** About 12 KB per full history (the list and its bytes), so at most ≈ 12 MB. */
    static final int SLOTS = 1024;

    private record Entry(String customerKey, List<StageChange> history, byte[] encoded) {}

    private final SlotCache<Entry> cache = new SlotCache<>(SLOTS);

    /** The bytes of {@code history}, from the memo if this very list was read or written before. */
    byte[] encoded(String customerKey, List<StageChange> history, Function<List<StageChange>, byte[]> encoder) {
        if (history.size() < MIN_CHANGES) {
            return encoder.apply(history);
        }
        int hash = customerKey.hashCode();
        Entry entry = cache.get(hash);
        if (entry != null && entry.history() == history) {
            return entry.encoded();
        }
        byte[] encoded = encoder.apply(history);
        cache.put(hash, new Entry(customerKey, history, encoded));
        return encoded;
    }

    /**
     * The history encoded in {@code value[from, to)}: the remembered list if the customer's remembered bytes are the
     * same, else what {@code decoder} reads (which must return an immutable list).
     */
    List<StageChange> decoded(String customerKey, byte[] value, int from, int to, Supplier<List<StageChange>> decoder) {
        int hash = customerKey.hashCode();
        Entry entry = cache.get(hash);
        if (entry != null
                && entry.customerKey().equals(customerKey)
                && Arrays.equals(entry.encoded(), 0, entry.encoded().length, value, from, to)) {
            return entry.history();
        }
        List<StageChange> history = decoder.get();
        if (history.size() >= MIN_CHANGES) {
            cache.put(hash, new Entry(customerKey, history, Arrays.copyOfRange(value, from, to)));
        }
        return history;
    }
}
