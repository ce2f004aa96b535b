package io.apath.journey.topology;

import io.apath.contracts.CustomerKey;
import io.apath.contracts.Suppression;
import io.apath.journey.topology.ResponseCorrelation.Side;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Erasure, in the {@code response-correlation} store: deletes every complaint of the erased customer that is still
 * waiting there for the brand's answer. That store is keyed by the complained-about post, so a customer's complaints
 * can sit in any partition: each erasure is therefore sent to every partition ({@link #EVERY_PARTITION}), and each
 * task scans its own part of the store. Erasures are rare and the store holds only unanswered complaints of the last
 * {@link CorrelateAnswers#KEEP_UNPAIRED}, so the scan is cheap; without it the customer's key stayed there up to 30
 * days after the erasure. The erased key is also remembered in {@link CorrelateAnswers#ERASED}, so a complaint that was
 * still in flight and arrives after the erasure is not kept either.
 */
final class ForgetErasedComplaints implements Processor<String, Suppression, Void, Void> {

    /** Sends each erasure to all partitions of the topic. */
    static final StreamPartitioner<String, Suppression> EVERY_PARTITION = (topic, key, value, partitions) ->
            Optional.of(IntStream.range(0, partitions).boxed().collect(Collectors.toUnmodifiableSet()));

    private KeyValueStore<String, ResponseCorrelation> store;
    private KeyValueStore<String, Long> erased;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(CorrelateAnswers.STORE);
        this.erased = context.getStateStore(CorrelateAnswers.ERASED);
    }

    @Override
    public void process(Record<String, Suppression> record) {
        if (record.value() == null) {
            return;
        }
        CustomerKey customer = record.value().customerKey();
        erased.put(customer.value(), record.value().since().toEpochMilli());
        CorrelateAnswers.deleteWhere(
                store, side -> side.side() == Side.COMPLAINT && customer.equals(side.complainant()));
    }
}
