package io.apath.journey.topology;

import io.apath.contracts.DeadLetterHeaders;
import io.apath.journey.domain.JourneyInput;
import io.apath.journey.domain.JourneyInput.ConsentRecorded;
import io.apath.journey.domain.JourneyInput.ErasureRequested;
import io.apath.journey.domain.JourneyInput.MentionClassified;
import io.apath.journey.domain.JourneyInput.ResponseGiven;
import io.apath.journey.domain.JourneyPolicy;
import io.apath.journey.domain.JourneyState;
import io.apath.journey.domain.JourneyUpdate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the customer's state, applies the policy, stores the result; forwards only inputs that changed something.
 * A wall-clock punctuator fires the timers (response deadlines, inactivity decay) kept in the {@value #TIMERS} store,
 * keyed {@code <epoch millis, 13 digits>|<customer key>} so that due timers are one range scan.
 *
 * <p>Timers are lazy: the store holds, for every customer with a next timer, an entry <em>at or before</em> it. A
 * mention usually pushes the inactivity timer later, and moving the entry each time would cost two store writes and
 * two changelog records per mention; instead an entry is only added when the next timer moves earlier (a response
 * window opens), and an entry that fires early finds nothing due and re-arms for what is next. Stale entries (of an
 * erased customer, say) fire once and change nothing.
 *
 * <p>Input that cannot be applied (wrong key, a rule failing at run time) goes to the dead-letter topic with its error,
 * in the form and with the headers a replay needs.
 */
final class ApplyJourneys implements Processor<String, JourneyInput, String, ApplyJourneys.Outcome> {

    static final String STORE = "journeys";
    static final String TIMERS = "journey-timers";
    static final String ERASED = "erased-customers";
    private static final int TIMERS_PER_PUNCTUATION = 10_000;
    private static final Logger log = LoggerFactory.getLogger(ApplyJourneys.class);

    /** Either an applied update or the rejected input's bytes. */
    record Outcome(JourneyUpdate update, byte[] rejected) {}

    /**
     * @param replayCommandsTo where a dead-lettered answer or privacy command is replayed to: the commands topic, which
     *     the topology reads as journey input like the answers it derives itself
     */
    record Supplier(
            JourneyPolicy policy,
            JourneySerdes serdes,
            Duration punctuateEvery,
            JourneyObserver observer,
            String replayCommandsTo)
            implements ProcessorSupplier<String, JourneyInput, String, Outcome> {

        @Override
        public Processor<String, JourneyInput, String, Outcome> get() {
            return new ApplyJourneys(this);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(
                    Stores.keyValueStoreBuilder(
                            Stores.persistentKeyValueStore(STORE), Serdes.String(), serdes.journeyState()),
                    Stores.keyValueStoreBuilder(
                            Stores.persistentKeyValueStore(TIMERS), Serdes.String(), Serdes.String()),
                    Stores.keyValueStoreBuilder(
                            Stores.persistentKeyValueStore(ERASED), Serdes.String(), Serdes.Long()));
        }
    }

    private final Supplier config;
    private ProcessorContext<String, Outcome> context;
    private KeyValueStore<String, JourneyState> store;
    private KeyValueStore<String, String> timers;
    private KeyValueStore<String, Long> erased;

    private ApplyJourneys(Supplier config) {
        this.config = config;
    }

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        this.timers = context.getStateStore(TIMERS);
        this.erased = context.getStateStore(ERASED);
        context.schedule(config.punctuateEvery(), PunctuationType.WALL_CLOCK_TIME, this::fireTimers);
    }

    @Override
    public void process(Record<String, JourneyInput> record) {
        JourneyInput input = record.value();
        if (input == null) {
            return; // a tombstone on an input topic carries nothing to apply
        }
        String type = input.getClass().getSimpleName();
        try {
            if (record.key() == null || !record.key().equals(input.customerKey().value())) {
                throw new IllegalArgumentException("record key '" + record.key() + "' is not the customer key '"
                        + input.customerKey() + "': it would be on the wrong partition");
            }
            if (input instanceof MentionClassified && erased.get(record.key()) != null) {
                // Mentions already in flight when the customer was erased (ingest suppresses the rest) must not
                // bring the journey back; only the key and the time are kept, as on suppressions.v1.
                config.observer().input(type, "suppressed");
                return;
            }
            JourneyState current = store.get(record.key());
            JourneyUpdate update = apply(current, input);
            if (!update.changed()) {
                config.observer().input(type, "unchanged");
                return;
            }
            save(record.key(), current, update);
            config.observer().input(type, "applied");
            context.forward(record.withValue(new Outcome(update, null)));
        } catch (RuntimeException e) {
            // Nothing was written for this input yet, so skipping it leaves the customer's state consistent.
            log.warn("Dead-lettering {} for {}: {}", type, record.key(), e.toString());
            config.observer().input(type, "rejected");
            context.forward(deadLetter(record, e));
        }
    }

    /**
     * The input as it can be replayed (tools: dead-letters): a classified mention as it was on its topic, anything else
     * as journey input for the commands topic, with {@link DeadLetterHeaders} naming that topic and the error.
     */
    private Record<String, Outcome> deadLetter(Record<String, JourneyInput> record, RuntimeException error) {
        RecordMetadata source = context.recordMetadata().orElse(null);
        String readFrom = source == null ? null : source.topic();
        String replayTo;
        byte[] bytes;
        if (record.value() instanceof MentionClassified m && readFrom != null) {
            replayTo = readFrom;
            bytes = config.serdes().classifiedMention().serializer().serialize(readFrom, m.classified());
        } else {
            replayTo = config.replayCommandsTo();
            bytes = config.serdes().journeyInput().serializer().serialize(replayTo, record.value());
        }
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(DeadLetterHeaders.ORIGINAL_TOPIC, utf8(replayTo));
        if (replayTo.equals(readFrom)) {
            headers.add(DeadLetterHeaders.ORIGINAL_PARTITION, utf8(Integer.toString(source.partition())));
            headers.add(DeadLetterHeaders.ORIGINAL_OFFSET, utf8(Long.toString(source.offset())));
        }
        headers.add(DeadLetterHeaders.EXCEPTION_CLASS, utf8(error.getClass().getName()));
        headers.add(DeadLetterHeaders.EXCEPTION_MESSAGE, utf8(DeadLetterHeaders.message(error)));
        return new Record<>(record.key(), new Outcome(null, bytes), record.timestamp(), headers);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private JourneyUpdate apply(JourneyState current, JourneyInput input) {
        JourneyPolicy policy = config.policy();
        if (input instanceof MentionClassified m) {
            return policy.apply(current, m.classified());
        } else if (input instanceof ResponseGiven r) {
            return policy.respond(current, r);
        } else if (input instanceof ErasureRequested e) {
            return policy.erase(current, e);
        } else if (input instanceof ConsentRecorded c) {
            return policy.consent(current, c);
        }
        throw new IllegalArgumentException(
                "unknown journey input " + input.getClass().getName());
    }

    private void save(String key, JourneyState before, JourneyUpdate update) {
        JourneyState after = update.erased() ? null : update.state();
        Optional<Instant> newTimer = config.policy().nextTimer(after);
        if (newTimer.isPresent()) {
            // An entry at or before the previous next timer exists already; only an earlier one needs a new entry.
            Optional<Instant> oldTimer = config.policy().nextTimer(before);
            if (oldTimer.isEmpty() || newTimer.get().isBefore(oldTimer.get())) {
                timers.put(timerKey(newTimer.get(), key), key);
            }
        }
        store(key, after, update);
    }

    private void store(String key, JourneyState after, JourneyUpdate update) {
        if (update.erased()) {
            erased.put(key, update.suppression().since().toEpochMilli());
        }
        if (after == null) {
            store.delete(key);
        } else {
            store.put(key, after);
        }
    }

    private void fireTimers(long wallClock) {
        Instant now = Instant.ofEpochMilli(wallClock);
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> range = timers.range(timerKey(Instant.EPOCH, ""), timerKey(now, "~"))) {
            while (range.hasNext() && due.size() < TIMERS_PER_PUNCTUATION) {
                due.add(range.next());
            }
        }
        for (KeyValue<String, String> timer : due) {
            timers.delete(timer.key);
            String customer = timer.value;
            JourneyState current = store.get(customer);
            JourneyUpdate update = config.policy().onTimer(current, now);
            JourneyState next = current;
            if (update.changed()) {
                next = update.erased() ? null : update.state();
                store(customer, next, update);
                context.forward(new Record<>(customer, new Outcome(update, null), wallClock));
            }
            // The entry just fired may have been the customer's only one: re-arm for whatever is next (if the entry
            // fired early, nothing was due and this is the real time).
            config.policy().nextTimer(next).ifPresent(at -> timers.put(timerKey(at, customer), customer));
        }
        if (!due.isEmpty()) {
            config.observer().timersFired(due.size());
        }
    }

    static String timerKey(Instant at, String customerKey) {
        String millis = Long.toString(Math.max(0, at.toEpochMilli()));
        StringBuilder key = new StringBuilder(14 + customerKey.length());
        for (int i = millis.length(); i < 13; i++) {
            key.append('0');
        }
        return key.append(millis).append('|').append(customerKey).toString();
    }
}
