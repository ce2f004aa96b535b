package io.apath.journey.topology;

import io.apath.contracts.CustomerKey;
import io.apath.journey.domain.JourneyInput;
import io.apath.journey.domain.JourneyInput.ResponseGiven;
import io.apath.journey.topology.ResponseCorrelation.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Pairs a complaint with the brand's answer to it, whichever arrives first, and emits {@link ResponseGiven} keyed by
 * the complaining customer. Unpaired sides are forgotten after {@link #KEEP_UNPAIRED} (wall clock), which bounds the
 * store: most complaints are never answered.
 *
 * <p>A complaint of a customer erased in this partition's {@link #ERASED} store (see {@link ForgetErasedComplaints})
 * is not kept: it was in flight when the erasure came, and its answer could only find an erased journey.
 */
final class CorrelateAnswers implements Processor<String, ResponseCorrelation, String, JourneyInput> {

    static final String STORE = "response-correlation";
    /** Customers erased, by customer key, with the erasure time (epoch millis); kept as long as unpaired sides. */
    static final String ERASED = "erased-complainants";

    static final Duration KEEP_UNPAIRED = Duration.ofDays(30);

    private final Duration cleanupEvery;
    private ProcessorContext<String, JourneyInput> context;
    private KeyValueStore<String, ResponseCorrelation> store;
    private KeyValueStore<String, Long> erased;

    CorrelateAnswers(Duration punctuateEvery) {
        // Cleaning is a full scan, so it runs far less often than the SLA timers.
        this.cleanupEvery = punctuateEvery.multipliedBy(360);
    }

    record Supplier(JourneySerdes serdes, Duration punctuateEvery)
            implements ProcessorSupplier<String, ResponseCorrelation, String, JourneyInput> {

        @Override
        public Processor<String, ResponseCorrelation, String, JourneyInput> get() {
            return new CorrelateAnswers(punctuateEvery);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(
                    Stores.keyValueStoreBuilder(
                            Stores.persistentKeyValueStore(STORE), Serdes.String(), serdes.correlation()),
                    Stores.keyValueStoreBuilder(
                            Stores.persistentKeyValueStore(ERASED), Serdes.String(), Serdes.Long()));
        }
    }

    @Override
    public void init(ProcessorContext<String, JourneyInput> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        this.erased = context.getStateStore(ERASED);
        context.schedule(cleanupEvery, PunctuationType.WALL_CLOCK_TIME, this::forgetUnpaired);
    }

    @Override
    public void process(Record<String, ResponseCorrelation> record) {
        ResponseCorrelation incoming = record.value();
        if (record.key() == null || incoming == null) {
            return;
        }
        if (incoming.side() == Side.COMPLAINT
                && erased.get(incoming.complainant().value()) != null) {
            return;
        }
        ResponseCorrelation waiting = store.get(record.key());
        if (waiting == null || waiting.side() == incoming.side()) {
            if (waiting == null) {
                store.put(record.key(), incoming); // a second answer to the same post changes nothing
            }
            return;
        }
        store.delete(record.key());
        ResponseCorrelation complaint = incoming.side() == Side.COMPLAINT ? incoming : waiting;
        ResponseCorrelation answer = incoming.side() == Side.ANSWER ? incoming : waiting;
        CustomerKey customer = complaint.complainant();
        String nativeId = nativeId(record.key());
        context.forward(new Record<>(
                customer.value(),
                new ResponseGiven(customer, nativeId, answer.answerId(), answer.at()),
                record.timestamp()));
    }

    private void forgetUnpaired(long now) {
        Instant before = Instant.ofEpochMilli(now).minus(KEEP_UNPAIRED);
        deleteWhere(store, side -> side.at().isBefore(before));
        // A complaint still in flight after that long is not a race any more: ingest suppresses the erased author.
        long erasedBefore = before.toEpochMilli();
        deleteWhere(erased, erasedAt -> erasedAt < erasedBefore);
    }

    /** Deletes every entry of the store that matches: a full scan, collected first so no delete runs under the iterator. */
    static <V> void deleteWhere(KeyValueStore<String, V> store, Predicate<V> matches) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, V> entry = all.next();
                if (matches.test(entry.value)) {
                    keys.add(entry.key);
                }
            }
        }
        keys.forEach(store::delete);
    }

    /** The key is {@code tenant:platform:nativeId}; tenant and platform never contain ':', the native id may. */
    private static String nativeId(String key) {
        int first = key.indexOf(':');
        return key.substring(key.indexOf(':', first + 1) + 1);
    }
}
