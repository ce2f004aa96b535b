package io.apath.journey.topology;

import io.apath.contracts.JourneyEvent;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The CloudEvents 1.0 Kafka protocol binding, binary mode: the event's attributes as {@code ce_*} headers, the JSON
 * event as the value. {@code ce_partitionkey} is the customer key, the same as the record key.
 */
final class CloudEventHeaders {

    static final String SOURCE = "/a-path/journey-service";

    private CloudEventHeaders() {}

    static Headers of(JourneyEvent event) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, "ce_specversion", "1.0");
        add(headers, "ce_id", event.eventId().value());
        add(headers, "ce_source", SOURCE);
        add(headers, "ce_type", event.cloudEventType());
        add(headers, "ce_time", event.occurredAt().toString());
        add(headers, "ce_subject", event.customerKey().value());
        add(headers, "ce_partitionkey", event.customerKey().value());
        add(headers, "content-type", "application/json");
        return headers;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
