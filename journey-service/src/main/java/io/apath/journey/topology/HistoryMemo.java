package io.apath.journey.topology;

import io.apath.contracts.StageChange;
import java.util.Arrays;
import java.util.List;

/**
 * The encoded stage history of recently stored customers, for {@link JourneyStateSerde}.
 *
 * <p>Why: the {@code journeys} store value is decoded and re-encoded for every mention, but a customer's history
 * changes only with its stage. For a customer with a long history (up to 50 changes, each with a mention id) the
 * history was a large part of that work. With this memo, a read that finds the remembered bytes at the history's place
 * in the value returns the remembered list itself; the policy passes that same list on when the stage does not change;
 * and the write recognises it by identity and copies the remembered bytes. Lists are immutable, so identity means same
 * content.
 *
 * <p>The stored format does not change for this (so any build reads what this one writes, and the other way round):
 * the history's bytes depend only on the history and on the value's tenant, the one string the value's vocabulary
 * holds when the history starts, so an entry is keyed by customer and checked against the tenant. The encoding is
 * self-delimiting, so the remembered bytes found at the history's place in a value are that history, whatever
 * follows. The strings the history added to the value's vocabulary are kept too, so a hit leaves reader and writer
 * in the state decoding or encoding it would have.
 *
 * <p>Entries sit in a {@link SlotCache} by customer key: at most {@link #SLOTS} histories. Writes (the stream threads)
 * fill it; reads (also the query threads' scans) only look.
 */
final class HistoryMemo {

    /** Shorter histories are cheap to encode; leaving them out keeps the slots for the customers that cost. */
    static final int MIN_CHANGES = 4;

    /** About 12 KB per full history (the list and its bytes), so at most ≈ 12 MB. */
    static final int SLOTS = 1024;

    /**
     * One customer's history as encoded after the tenant.
     *
     * @param strings the strings the history added to the value's vocabulary, in order
     */
    record Entry(String customerKey, String tenant, List<StageChange> history, byte[] encoded, List<String> strings) {}

    private final SlotCache<Entry> cache = new SlotCache<>(SLOTS);

    /** The entry for exactly this history list, or null. */
    Entry forWrite(String customerKey, List<StageChange> history) {
        Entry entry = cache.get(customerKey.hashCode());
        return entry != null && entry.history() == history ? entry : null;
    }

    /** The entry whose bytes stand at {@code value[from…]} for this customer and tenant, or null. */
    Entry forRead(String customerKey, String tenant, byte[] value, int from) {
        Entry entry = cache.get(customerKey.hashCode());
        if (entry == null
                || !entry.customerKey().equals(customerKey)
                || !entry.tenant().equals(tenant)
                || from + entry.encoded().length > value.length) {
            return null;
        }
        byte[] encoded = entry.encoded();
        return Arrays.equals(encoded, 0, encoded.length, value, from, from + encoded.length) ? entry : null;
    }

    /** Remembers a history just encoded, if it is long enough to be worth it. */
    void remember(Entry entry) {
        if (entry.history().size() >= MIN_CHANGES) {
            cache.put(entry.customerKey().hashCode(), entry);
        }
    }
}
