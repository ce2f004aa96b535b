package io.apath.journey.topology;

import io.apath.contracts.JourneyEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.time.ZoneOffset;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The CloudEvents 1.0 Kafka protocol binding, binary mode, written by the CloudEvents Java SDK: the event's attributes
 * as {@code ce_*} headers (plus {@code content-type}), the JSON event as the record value, which our serde writes.
 * {@code ce_partitionkey} is the customer key, the same as the record key; {@code ce_subject} too.
 */
final class CloudEventHeaders {

    static final URI SOURCE = URI.create("/a-path/journey-service");
    static final String PARTITION_KEY = "partitionkey";

    private CloudEventHeaders() {}

    static Headers of(JourneyEvent event) {
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(event.eventId().value())
                .withSource(SOURCE)
                .withType(event.cloudEventType())
                .withTime(event.occurredAt().atOffset(ZoneOffset.UTC))
                .withSubject(event.customerKey().value())
                .withDataContentType("application/json")
                .withExtension(PARTITION_KEY, event.customerKey().value())
                .build();
        // The SDK writes the attributes into a producer record's headers (the topic name there is irrelevant); the
        // value is written separately by the topology's serde, so the event's JSON is serialised once.
        Headers written = KafkaMessageFactory.createWriter(
                        "journey-events", event.customerKey().value())
                .writeBinary(cloudEvent)
                .headers();
        return new RecordHeaders(written.toArray());
    }
}
