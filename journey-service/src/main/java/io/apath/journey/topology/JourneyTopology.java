package io.apath.journey.topology;

import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.JourneyEvent;
import io.apath.journey.domain.JourneyPolicy;
import io.apath.journey.domain.JourneyState;
import io.apath.journey.domain.JourneyUpdate;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * classified mentions (keyed by customer) → journey policy against the {@value #STORE} store → latest journey to the
 * state topic, journey events (as CloudEvents) returned for the output binding.
 *
 * <p>Input is already keyed by customer key, so no repartition happens: each customer's mentions are applied in offset
 * order by one task. Every stateful operator is named so store, changelog and topic names stay stable.
 */
public final class JourneyTopology {

    public static final String STORE = "journeys";

    private JourneyTopology() {}

    public static KStream<String, JourneyEvent> build(
            KStream<String, ClassifiedMention> classified,
            JourneyPolicy policy,
            JourneySerdes serdes,
            String stateTopic) {
        KStream<String, JourneyUpdate> updates =
                classified.processValues(new ApplyPolicy(policy, serdes), Named.as("apply-journey-policy"), STORE);
        updates.mapValues(update -> update.state().journey(), Named.as("latest-journey"))
                .to(stateTopic, Produced.with(Serdes.String(), serdes.customerJourney()).withName("journey-state-sink"));
        return updates.flatMapValues(JourneyUpdate::events, Named.as("journey-events"))
                .processValues(AsCloudEvent::new, Named.as("as-cloud-events"));
    }

    /** Loads the customer's state, applies the policy, stores the result; forwards only updates that changed it. */
    private record ApplyPolicy(JourneyPolicy policy, JourneySerdes serdes)
            implements FixedKeyProcessorSupplier<String, ClassifiedMention, JourneyUpdate> {

        @Override
        public FixedKeyProcessor<String, ClassifiedMention, JourneyUpdate> get() {
            return new FixedKeyProcessor<>() {
                private FixedKeyProcessorContext<String, JourneyUpdate> context;
                private KeyValueStore<String, JourneyState> store;

                @Override
                public void init(FixedKeyProcessorContext<String, JourneyUpdate> context) {
                    this.context = context;
                    this.store = context.getStateStore(STORE);
                }

                @Override
                public void process(FixedKeyRecord<String, ClassifiedMention> record) {
                    if (record.key() == null || record.value() == null) {
                        return; // unkeyed or tombstone input carries no mention
                    }
                    JourneyUpdate update = policy.apply(store.get(record.key()), record.value());
                    if (update.changed()) {
                        store.put(record.key(), update.state());
                        context.forward(record.withValue(update));
                    }
                }
            };
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(STORE), Serdes.String(), serdes.journeyState()));
        }
    }

    /** Replaces the inherited headers with the event's own CloudEvents headers. */
    private static final class AsCloudEvent implements FixedKeyProcessor<String, JourneyEvent, JourneyEvent> {
        private FixedKeyProcessorContext<String, JourneyEvent> context;

        @Override
        public void init(FixedKeyProcessorContext<String, JourneyEvent> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, JourneyEvent> record) {
            context.forward(record.withHeaders(CloudEventHeaders.of(record.value())));
        }
    }
}
