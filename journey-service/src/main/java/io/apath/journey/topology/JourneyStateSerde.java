package io.apath.journey.topology;

import io.apath.contracts.CustomerJourney;
import io.apath.contracts.CustomerKey;
import io.apath.contracts.Evidence;
import io.apath.contracts.Intent;
import io.apath.contracts.MentionId;
import io.apath.contracts.RelationshipStyle;
import io.apath.contracts.Stage;
import io.apath.contracts.StageChange;
import io.apath.journey.domain.JourneyState;
import io.apath.journey.domain.JourneyState.Consent;
import io.apath.journey.domain.JourneyState.Regression;
import io.apath.journey.domain.JourneyState.ResponseStats;
import io.apath.journey.domain.JourneyState.ResponseWindow;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The value format of the {@code journeys} store and its changelog: a compact, versioned binary encoding of
 * {@link JourneyState}. The store is read and rewritten for every mention, so its format is on the hot path; JSON
 * (with field names, ISO instants and hex ids) cost about half of journey's CPU. This is internal state only: the
 * public topics stay JSON.
 *
 * <p>Layout: one version byte ({@value #VERSION}), then the fields in declaration order. Integers are unsigned
 * varints (signed ones zig-zag), an {@link Instant} is a tag (null, whole seconds, millis or nanos) and its parts,
 * enums are codes from the fixed tables below (never ordinals, so reordering an enum cannot corrupt stored state; a
 * new constant must be appended to its table), the few strings that repeat within a value (tenant, rule names, model
 * versions) are written once and referred to by index afterwards, and a 32-digit lower-case hex mention id takes 16
 * bytes.
 *
 * <p>Versions: a value starting with <code>{</code> is the JSON the store held before this format and is still read,
 * so an existing changelog restores and is rewritten in binary as customers are updated. Any other unknown version
 * byte fails with a {@link SerializationException} naming it. A change to the layout gets a new version byte, and the
 * reader keeps reading every older one; as an older build cannot read it, such a change cannot be rolled back without
 * rebuilding the state (see the README's replay).
 *
 * <p>Two shortcuts keep busy customers cheap without touching the layout: an unchanged stage history is copied from
 * {@link HistoryMemo} instead of decoded and encoded again, and the mention ids the last read on a thread decoded are
 * copied as their 16 bytes instead of parsed from hex again ({@link DecodedIds}).
 */
public final class JourneyStateSerde implements Serde<JourneyState> {

    static final byte VERSION = 1;
    private static final byte JSON_START = '{';

    static final Stage[] STAGES = {Stage.ATTENTION, Stage.ATTRACTION, Stage.AFFINITY, Stage.AUDIENCE, Stage.ADVOCATE};
    static final RelationshipStyle[] STYLES = {RelationshipStyle.RELATIONAL, RelationshipStyle.TRANSACTIONAL};
    static final Intent[] INTENTS = {
        Intent.COMPLAINT,
        Intent.SUPPORT_REQUEST,
        Intent.PRAISE,
        Intent.PURCHASE_INTENT,
        Intent.DEAL_SEEKING,
        Intent.RECOMMENDATION,
        Intent.CHURN_RISK,
        Intent.INFORMATIONAL,
        Intent.IRRELEVANT
    };

    private static final int[] STAGE_CODES = codes(STAGES, Stage.values().length);
    private static final int[] STYLE_CODES = codes(STYLES, RelationshipStyle.values().length);
    private static final int[] INTENT_CODES = codes(INTENTS, Intent.values().length);

    private final ObjectReader legacyJson;
    private final HistoryMemo historyMemo = new HistoryMemo();
    private final Serializer<JourneyState> serializer = (topic, state) -> state == null ? null : write(state);
    private final Deserializer<JourneyState> deserializer = (topic, bytes) -> bytes == null ? null : read(bytes);

    /** @param legacyJson reads values the store held as JSON before this format */
    public JourneyStateSerde(JsonMapper legacyJson) {
        this.legacyJson = legacyJson.readerFor(JourneyState.class);
    }

    @Override
    public Serializer<JourneyState> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<JourneyState> deserializer() {
        return deserializer;
    }

    byte[] write(JourneyState state) {
        Output out = new Output();
        out.carried = DecodedIds.LAST_READ.get();
        out.bytes.writeByte(VERSION);
        CustomerJourney j = state.journey();
        out.plain(j.customerKey().value());
        out.string(j.tenant());
        out.code(j.stage(), STAGE_CODES);
        out.code(j.style(), STYLE_CODES);
        out.instant(j.firstSeenAt());
        out.instant(j.lastInteractionAt());
        out.bytes.writeVarLong(j.mentionCount());
        out.bytes.writeVarInt(j.intentCounts().size());
        for (Map.Entry<Intent, Long> count : sortedByCode(j.intentCounts())) {
            out.bytes.writeVarInt(INTENT_CODES[count.getKey().ordinal()]);
            out.bytes.writeVarLong(count.getValue());
        }
        writeHistory(out, j.customerKey().value(), j.tenant(), j.history());
        out.instant(j.updatedAt());

        out.bytes.writeVarInt(state.recentMentionIds().size());
        for (MentionId id : state.recentMentionIds()) {
            out.mentionId(id);
        }
        out.code(state.highestStage(), STAGE_CODES);
        out.instant(state.stageSince());
        out.bytes.writeVarInt(state.positiveAt().size());
        for (Instant at : state.positiveAt()) {
            out.instant(at);
        }
        out.bytes.writeVarInt(state.engagedWeeks().size());
        for (String week : state.engagedWeeks()) {
            out.plain(week);
        }
        out.bytes.writeVarLong(state.relevantMentions());
        out.bytes.writeVarLong(state.follows());
        Regression regression = state.lastRegression();
        out.bytes.writeBoolean(regression != null);
        if (regression != null) {
            out.code(regression.from(), STAGE_CODES);
            out.code(regression.to(), STAGE_CODES);
            out.instant(regression.at());
        }
        out.instant(state.lastDecayAt());
        out.bytes.writeVarInt(state.openResponses().size());
        for (ResponseWindow w : state.openResponses()) {
            out.mentionId(w.mentionId());
            out.plain(w.nativeId());
            out.instant(w.openedAt());
            out.instant(w.dueBy());
            out.bytes.writeBoolean(w.overdue());
        }
        ResponseStats r = state.responses();
        out.bytes.writeVarLong(r.opened());
        out.bytes.writeVarLong(r.answeredInTime());
        out.bytes.writeVarLong(r.answeredLate());
        out.bytes.writeVarLong(r.overdue());
        Consent consent = state.consent();
        out.bytes.writeBoolean(consent != null);
        if (consent != null) {
            out.bytes.writeBoolean(consent.contactAllowed());
            out.instant(consent.recordedAt());
        }
        return out.bytes.toByteArray();
    }

    /** The history, from the memo if this very list was read or written before (see {@link HistoryMemo}). */
    private void writeHistory(Output out, String customerKey, String tenant, List<StageChange> history) {
        // The memo's bytes were encoded after the tenant alone; anything else in the vocabulary, and they would differ.
        if (history.size() < HistoryMemo.MIN_CHANGES || out.words != 1 || !out.vocabulary[0].equals(tenant)) {
            encodeHistory(out, history);
            return;
        }
        HistoryMemo.Entry entry = historyMemo.forWrite(customerKey, history);
        if (entry == null || !entry.tenant().equals(tenant)) {
            Output alone = new Output(Output.HISTORY_BUFFER.get().reset());
            alone.carried = out.carried;
            alone.remember(tenant);
            encodeHistory(alone, history);
            entry = new HistoryMemo.Entry(
                    customerKey,
                    tenant,
                    history,
                    alone.bytes.toByteArray(),
                    List.of(Arrays.copyOfRange(alone.vocabulary, 1, alone.words)));
            historyMemo.remember(entry);
        }
        out.bytes.write(entry.encoded());
        entry.strings().forEach(out::remember);
    }

    private static void encodeHistory(Output out, List<StageChange> history) {
        out.bytes.writeVarInt(history.size());
        for (StageChange change : history) {
            out.code(change.from(), STAGE_CODES);
            out.code(change.to(), STAGE_CODES);
            out.string(change.rule());
            out.instant(change.at());
            out.bytes.writeVarInt(change.evidence().size());
            for (Evidence e : change.evidence()) {
                out.mentionId(e.mentionId());
                out.bytes.writeVarInt(INTENT_CODES[e.intent().ordinal()]);
                out.bytes.writeDouble(e.confidence());
                out.string(e.modelVersion());
            }
        }
    }

    JourneyState read(byte[] bytes) {
        if (bytes.length == 0) {
            throw new SerializationException("empty journey state value");
        }
        if (bytes[0] == JSON_START) {
            try {
                return legacyJson.readValue(bytes);
            } catch (JacksonException e) {
                throw new SerializationException("cannot read journey state stored as JSON", e);
            }
        }
        if (bytes[0] != VERSION) {
            throw new SerializationException("unknown journey state format version " + bytes[0] + " (this build reads"
                    + " version " + VERSION + " and JSON): written by a newer journey-service?");
        }
        try {
            Input in = new Input(bytes, 1);
            in.decodedIds = DecodedIds.LAST_READ.get().reset(bytes);
            return read(in);
        } catch (RuntimeException e) {
            throw new SerializationException("corrupt journey state (format version " + bytes[0] + ")", e);
        }
    }

    private JourneyState read(Input in) {
        CustomerKey key = new CustomerKey(in.string());
        String tenant = in.string();
        Stage stage = in.code(STAGES);
        RelationshipStyle style = in.code(STYLES);
        Instant firstSeenAt = in.instant();
        Instant lastInteractionAt = in.instant();
        long mentionCount = in.varLong();
        int intentCountSize = in.varInt();
        Map<Intent, Long> intentCounts = new EnumMap<>(Intent.class);
        for (int i = 0; i < intentCountSize; i++) {
            intentCounts.put(INTENTS[in.varInt()], in.varLong());
        }
        List<StageChange> history = readHistory(in, key.value(), tenant);
        Instant updatedAt = in.instant();
        CustomerJourney journey = new CustomerJourney(
                key,
                tenant,
                stage,
                style,
                firstSeenAt,
                lastInteractionAt,
                mentionCount,
                intentCounts,
                history,
                updatedAt);

        int recentSize = in.varInt();
        List<MentionId> recent = new ArrayList<>(recentSize);
        for (int i = 0; i < recentSize; i++) {
            recent.add(in.mentionId());
        }
        Stage highestStage = in.code(STAGES);
        Instant stageSince = in.instant();
        int positiveSize = in.varInt();
        List<Instant> positiveAt = new ArrayList<>(positiveSize);
        for (int i = 0; i < positiveSize; i++) {
            positiveAt.add(in.instant());
        }
        int weekSize = in.varInt();
        List<String> weeks = new ArrayList<>(weekSize);
        for (int i = 0; i < weekSize; i++) {
            weeks.add(in.string());
        }
        long relevantMentions = in.varLong();
        long follows = in.varLong();
        Regression regression =
                in.readBoolean() ? new Regression(in.code(STAGES), in.code(STAGES), in.instant()) : null;
        Instant lastDecayAt = in.instant();
        int openSize = in.varInt();
        List<ResponseWindow> open = new ArrayList<>(openSize);
        for (int i = 0; i < openSize; i++) {
            open.add(new ResponseWindow(in.mentionId(), in.string(), in.instant(), in.instant(), in.readBoolean()));
        }
        ResponseStats responses = new ResponseStats(in.varLong(), in.varLong(), in.varLong(), in.varLong());
        Consent consent = in.readBoolean() ? new Consent(in.readBoolean(), in.instant()) : null;
        if (in.position != in.bytes.length) {
            throw new IllegalStateException((in.bytes.length - in.position) + " bytes left over");
        }
        return new JourneyState(
                journey,
                recent,
                highestStage,
                stageSince,
                positiveAt,
                weeks,
                relevantMentions,
                follows,
                regression,
                lastDecayAt,
                open,
                responses,
                consent);
    }

    /** The history, from the memo if its remembered bytes stand here (see {@link HistoryMemo}). */
    private List<StageChange> readHistory(Input in, String customerKey, String tenant) {
        if (in.seen.size() != 1 || !in.seen.get(0).equals(tenant)) {
            return decodeHistory(in); // not the vocabulary the memo's bytes were read or written with
        }
        int from = in.position;
        HistoryMemo.Entry hit = historyMemo.forRead(customerKey, tenant, in.bytes, from);
        if (hit != null) {
            in.position = from + hit.encoded().length;
            in.seen.addAll(hit.strings());
            return hit.history();
        }
        // Not remembered here: only writes fill the memo, so a query scanning a tenant's journeys neither pays for
        // copies nor pushes the customers the stream threads are busy with out of it. A customer's first write
        // after a miss encodes the history once and remembers it.
        return decodeHistory(in);
    }

    /** An immutable list, so that {@link HistoryMemo} can hand the same instance out again. */
    private static List<StageChange> decodeHistory(Input in) {
        int size = in.varInt();
        List<StageChange> history = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Stage from = in.code(STAGES);
            Stage to = in.code(STAGES);
            String rule = in.string();
            Instant at = in.instant();
            int evidenceSize = in.varInt();
            List<Evidence> evidence = new ArrayList<>(evidenceSize);
            for (int e = 0; e < evidenceSize; e++) {
                evidence.add(new Evidence(in.mentionId(), INTENTS[in.varInt()], in.readDouble(), in.string()));
            }
            history.add(new StageChange(from, to, rule, at, evidence));
        }
        return List.copyOf(history);
    }

    private static List<Map.Entry<Intent, Long>> sortedByCode(Map<Intent, Long> counts) {
        List<Map.Entry<Intent, Long>> entries = new ArrayList<>(counts.entrySet());
        // Map.copyOf has no stable order; a fixed order keeps equal states byte-for-byte equal.
        entries.sort((a, b) -> Integer.compare(
                INTENT_CODES[a.getKey().ordinal()], INTENT_CODES[b.getKey().ordinal()]));
        return entries;
    }

    private static <E extends Enum<E>> int[] codes(E[] table, int constants) {
        int[] codes = new int[constants];
        Arrays.fill(codes, -1);
        for (int i = 0; i < table.length; i++) {
            codes[table[i].ordinal()] = i;
        }
        return codes;
    }

    // Instant tags: 0 null, 1 whole seconds, 2 seconds + millis, 3 seconds + nanos.
    private static final int NULL_INSTANT = 0;
    private static final int SECONDS = 1;
    private static final int MILLIS = 2;
    private static final int NANOS = 3;

    // Strings: -1 null, 0 a new vocabulary string (remembered), 1 a plain string, n ≥ 2 the (n-2)th remembered one.
    private static final int NULL_STRING = -1;
    private static final int NEW_STRING = 0;
    private static final int PLAIN_STRING = 1;
    // At most this many remembered strings per value: a lookup is a scan, cheaper than hashing for so few.
    private static final int VOCABULARY = 16;
    // Mention ids: 0 a 32-digit lower-case hex id as 16 bytes, 1 any other id as a plain string.
    private static final int HEX_ID = 0;
    private static final int OTHER_ID = 1;

    /** Writes one value; remembers its repeating strings so repeats become back-references. */
    private static final class Output {
        // One growing buffer per thread (the stream thread): a value is then one copy, not a series of regrowths.
        private static final ThreadLocal<Bytes> BUFFER = ThreadLocal.withInitial(Bytes::new);
        // A history is encoded alone, for the memo, while its value is, so it needs a buffer of its own.
        static final ThreadLocal<Bytes> HISTORY_BUFFER = ThreadLocal.withInitial(Bytes::new);
        final Bytes bytes;
        final String[] vocabulary = new String[VOCABULARY];
        int words;
        /** The ids the last read on this thread decoded, whose bytes can be copied instead of parsed; or null. */
        DecodedIds carried;

        int carriedFrom;

        Output() {
            this(BUFFER.get().reset());
        }

        Output(Bytes bytes) {
            this.bytes = bytes;
        }

        /** Adds {@code s} to the vocabulary as {@link #string} does for a new string. */
        void remember(String s) {
            if (words < VOCABULARY) {
                vocabulary[words++] = s;
            }
        }

        /** A string that may repeat within the value (tenant, rule, model version). */
        void string(String s) {
            if (s == null) {
                bytes.writeZigZag(NULL_STRING);
                return;
            }
            for (int i = 0; i < words; i++) {
                if (vocabulary[i].equals(s)) {
                    bytes.writeZigZag(i + 2);
                    return;
                }
            }
            if (words == VOCABULARY) {
                plain(s);
                return;
            }
            vocabulary[words++] = s;
            bytes.writeZigZag(NEW_STRING);
            utf8(s);
        }

        /** A string unlikely to repeat (a key, a native id, a week). */
        void plain(String s) {
            if (s == null) {
                bytes.writeZigZag(NULL_STRING);
                return;
            }
            bytes.writeZigZag(PLAIN_STRING);
            utf8(s);
        }

        void mentionId(MentionId id) {
            if (carried != null) {
                int found = carried.indexOf(id, carriedFrom);
                if (found >= 0) {
                    bytes.ensure(17);
                    bytes.buffer[bytes.size] = HEX_ID;
                    System.arraycopy(carried.source, carried.offsets[found], bytes.buffer, bytes.size + 1, 16);
                    bytes.size += 17;
                    carriedFrom = found + 1;
                    return;
                }
            }
            String s = id.value();
            if (s.length() == 32) {
                // Parse straight into the buffer; a non-hex digit falls back to the plain form below.
                bytes.ensure(17);
                byte[] b = bytes.buffer;
                int at = bytes.size;
                b[at] = HEX_ID;
                int i = 0;
                for (; i < 16; i++) {
                    int high = nibble(s.charAt(2 * i));
                    int low = nibble(s.charAt(2 * i + 1));
                    if (high < 0 || low < 0) {
                        break;
                    }
                    b[at + 1 + i] = (byte) (high << 4 | low);
                }
                if (i == 16) {
                    bytes.size = at + 17;
                    return;
                }
            }
            bytes.writeByte((byte) OTHER_ID);
            plain(s);
        }

        private void utf8(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            bytes.writeVarInt(utf8.length);
            bytes.write(utf8);
        }

        /** The value of a lower-case hex digit, or -1. */
        private static int nibble(char c) {
            if (c >= '0' && c <= '9') {
                return c - '0';
            }
            return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        }

        <E extends Enum<E>> void code(E value, int[] codes) {
            if (value == null) {
                bytes.writeVarInt(0);
                return;
            }
            int code = codes[value.ordinal()];
            if (code < 0) {
                throw new SerializationException(value.getDeclaringClass().getSimpleName() + "." + value
                        + " has no code in the journey state" + " format; append it to the table in JourneyStateSerde");
            }
            bytes.writeVarInt(code + 1);
        }

        void instant(Instant at) {
            if (at == null) {
                bytes.writeVarInt(NULL_INSTANT);
                return;
            }
            int nanos = at.getNano();
            if (nanos == 0) {
                bytes.writeVarInt(SECONDS);
                bytes.writeZigZag(at.getEpochSecond());
            } else if (nanos % 1_000_000 == 0) {
                bytes.writeVarInt(MILLIS);
                bytes.writeZigZag(at.getEpochSecond());
                bytes.writeVarInt(nanos / 1_000_000);
            } else {
                bytes.writeVarInt(NANOS);
                bytes.writeZigZag(at.getEpochSecond());
                bytes.writeVarInt(nanos);
            }
        }
    }

    /**
     * The hex mention ids one read decoded, in order, with where their 16 bytes are in the value read. A state is
     * read, changed and written on the same thread, and keeps most of its ids (the latest mention ids, open
     * complaints) as the very objects the read made; the write finds them here by identity and copies their bytes,
     * where parsing 32 hex digits each (64 latest ids and up to 32 complaints) was the largest part of encoding a busy
     * customer's state. Identity makes it exact: an id object that this thread's last read did not make is not found,
     * and is parsed.
     */
    private static final class DecodedIds {
        static final ThreadLocal<DecodedIds> LAST_READ = ThreadLocal.withInitial(DecodedIds::new);

        MentionId[] ids = new MentionId[128];
        int[] offsets = new int[128];
        int count;
        byte[] source;

        DecodedIds reset(byte[] source) {
            Arrays.fill(ids, 0, count, null); // the previous value's ids may go
            this.source = source;
            count = 0;
            return this;
        }

        void add(MentionId id, int offset) {
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, count * 2);
                offsets = Arrays.copyOf(offsets, count * 2);
            }
            ids[count] = id;
            offsets[count++] = offset;
        }

        /** Ids are written in the order they were read, so the search starts after the last one found. */
        int indexOf(MentionId id, int from) {
            for (int i = from; i < count; i++) {
                if (ids[i] == id) {
                    return i;
                }
            }
            for (int i = 0; i < from && i < count; i++) {
                if (ids[i] == id) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** Reads one value written by {@link Output}. */
    private static final class Input {
        private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);
        final byte[] bytes;
        int position;
        final List<String> seen = new ArrayList<>();
        /** Where to note the hex ids read, for the next write on this thread; or null. */
        DecodedIds decodedIds;

        Input(byte[] bytes, int position) {
            this.bytes = bytes;
            this.position = position;
        }

        String string() {
            long tag = zigZag();
            if (tag == NULL_STRING) {
                return null;
            }
            if (tag == NEW_STRING || tag == PLAIN_STRING) {
                int length = varInt();
                String s = new String(bytes, position, length, StandardCharsets.UTF_8);
                position += length;
                if (tag == NEW_STRING) {
                    seen.add(s);
                }
                return s;
            }
            return seen.get((int) tag - 2);
        }

        MentionId mentionId() {
            int kind = bytes[position++];
            if (kind == OTHER_ID) {
                return new MentionId(string());
            }
            if (kind != HEX_ID) {
                throw new IllegalStateException("bad mention id tag " + kind);
            }
            int start = position;
            MentionId id = new MentionId(hex(start));
            position = start + 16;
            if (decodedIds != null) {
                decodedIds.add(id, start);
            }
            return id;
        }

        private String hex(int start) {
            byte[] hex = new byte[32];
            for (int i = 0; i < 16; i++) {
                int b = bytes[start + i] & 0xff;
                hex[2 * i] = HEX[b >>> 4];
                hex[2 * i + 1] = HEX[b & 0xf];
            }
            return new String(hex, StandardCharsets.ISO_8859_1);
        }

        <E extends Enum<E>> E code(E[] table) {
            int code = varInt();
            return code == 0 ? null : table[code - 1];
        }

        Instant instant() {
            int tag = varInt();
            return switch (tag) {
                case NULL_INSTANT -> null;
                case SECONDS -> Instant.ofEpochSecond(zigZag());
                case MILLIS -> Instant.ofEpochSecond(zigZag(), varInt() * 1_000_000L);
                case NANOS -> Instant.ofEpochSecond(zigZag(), varInt());
                default -> throw new IllegalStateException("bad instant tag " + tag);
            };
        }

        boolean readBoolean() {
            return bytes[position++] != 0;
        }

        double readDouble() {
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = bits << 8 | (bytes[position++] & 0xff);
            }
            return Double.longBitsToDouble(bits);
        }

        int varInt() {
            return Math.toIntExact(varLong());
        }

        long varLong() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = bytes[position++];
                value |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalStateException("varint longer than 10 bytes");
        }

        long zigZag() {
            long v = varLong();
            return (v >>> 1) ^ -(v & 1);
        }
    }

    /** A growable byte buffer with the primitive writes the format needs. */
    private static final class Bytes {
        private byte[] buffer = new byte[1024];
        private int size;

        Bytes reset() {
            size = 0;
            return this;
        }

        void writeByte(byte b) {
            ensure(1);
            buffer[size++] = b;
        }

        void write(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buffer, size, b.length);
            size += b.length;
        }

        void writeBoolean(boolean b) {
            writeByte((byte) (b ? 1 : 0));
        }

        void writeDouble(double d) {
            long bits = Double.doubleToRawLongBits(d);
            ensure(8);
            for (int i = 56; i >= 0; i -= 8) {
                buffer[size++] = (byte) (bits >>> i);
            }
        }

        void writeVarInt(int v) {
            if (v < 0) {
                throw new IllegalArgumentException("negative count " + v);
            }
            writeVarLong(v);
        }

        void writeVarLong(long v) {
            ensure(10);
            while ((v & ~0x7fL) != 0) {
                buffer[size++] = (byte) ((v & 0x7f) | 0x80);
                v >>>= 7;
            }
            buffer[size++] = (byte) v;
        }

        void writeZigZag(long v) {
            writeVarLong((v << 1) ^ (v >> 63));
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, size);
        }

        private void ensure(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }
    }
}
