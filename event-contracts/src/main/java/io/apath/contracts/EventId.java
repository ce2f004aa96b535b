package io.apath.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Id of a journey event. Derived from what caused the event, so that reprocessing the same input yields the same
 * id and consumers can deduplicate.
 */
public record EventId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public EventId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("event id must not be blank");
        }
    }

    /** A name-based (v3) UUID over the event type, the customer and the cause (usually a mention id). */
    public static EventId derived(String eventType, CustomerKey customer, String cause) {
        String name = eventType + '\0' + customer.value() + '\0' + cause;
        return new EventId(
                UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
