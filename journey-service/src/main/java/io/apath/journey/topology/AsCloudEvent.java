package io.apath.journey.topology;

import io.apath.contracts.JourneyEvent;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Replaces the inherited headers with the event's own CloudEvents headers; counts the event for metrics. */
final class AsCloudEvent implements FixedKeyProcessor<String, JourneyEvent, JourneyEvent> {

    private final JourneyObserver observer;
    private FixedKeyProcessorContext<String, JourneyEvent> context;

    AsCloudEvent(JourneyObserver observer) {
        this.observer = observer;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, JourneyEvent> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, JourneyEvent> record) {
        observer.event(record.value());
        context.forward(record.withHeaders(CloudEventHeaders.of(record.value())));
    }
}
