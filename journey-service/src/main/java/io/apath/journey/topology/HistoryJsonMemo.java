package io.apath.journey.topology;

import io.apath.contracts.CustomerJourney;
import io.apath.contracts.StageChange;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The JSON of a {@link CustomerJourney}'s history, remembered per history list, for {@code journey-state.v1}.
 *
 * <p>Why: every applied mention publishes the customer's whole journey, and a customer with a long history (up to 50
 * stage changes with their evidence, ≈ 12 KB of JSON) had it written out again each time although it changes only
 * with the stage. {@link HistoryMemo} hands the store's unchanged history on as the same immutable list, so the list's
 * identity is enough to find its JSON here; the bytes written are exactly those Jackson writes for the list.
 *
 * <p>Applied to the state topic's writer only, with {@link #on(JsonMapper)}.
 */
final class HistoryJsonMemo {

    /** About 24 KB per full history (its JSON as text and as bytes), so at most ≈ 24 MB. */
    static final int SLOTS = 1024;

    private static final ObjectWriter PLAIN =
            JsonMapper.builder().build().writerFor(new TypeReference<List<StageChange>>() {});
    private static final SlotCache<Entry> MEMO = new SlotCache<>(SLOTS);

    private HistoryJsonMemo() {}

    /** {@code mapper} with the history of every {@link CustomerJourney} written through the memo. */
    static JsonMapper on(JsonMapper mapper) {
        return mapper.rebuild().addMixIn(CustomerJourney.class, Mixin.class).build();
    }

    private record Entry(List<StageChange> history, SerializableString json) {}

    private abstract static class Mixin {
        @JsonSerialize(using = Writer.class)
        abstract List<StageChange> history();
    }

    static final class Writer extends StdSerializer<List<StageChange>> {

        Writer() {
            super(List.class);
        }

        @Override
        public void serialize(List<StageChange> history, JsonGenerator gen, SerializationContext context) {
            if (history.size() < HistoryMemo.MIN_CHANGES) {
                context.writeValue(gen, history);
                return;
            }
            int hash = System.identityHashCode(history);
            Entry entry = MEMO.get(hash);
            if (entry == null || entry.history() != history) {
                entry = new Entry(history, new SerializedString(PLAIN.writeValueAsString(history)));
                MEMO.put(hash, entry);
            }
            gen.writeRawValue(entry.json());
        }
    }
}
