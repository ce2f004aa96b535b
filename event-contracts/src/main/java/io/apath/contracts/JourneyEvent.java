package io.apath.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code journey-events.v1} carries. The JSON {@code type} field names the record; as a CloudEvent the
 * same name, prefixed {@code io.apath.journey.}, is the {@code ce_type}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = JourneyEvent.CustomerNoticed.class, name = "CustomerNoticed"),
    @JsonSubTypes.Type(value = JourneyEvent.StageAdvanced.class, name = "StageAdvanced"),
    @JsonSubTypes.Type(value = JourneyEvent.StageRegressed.class, name = "StageRegressed"),
    @JsonSubTypes.Type(value = JourneyEvent.AdvocateIdentified.class, name = "AdvocateIdentified"),
    @JsonSubTypes.Type(value = JourneyEvent.ResponseDue.class, name = "ResponseDue"),
    @JsonSubTypes.Type(value = JourneyEvent.ResponseOverdue.class, name = "ResponseOverdue"),
    @JsonSubTypes.Type(value = JourneyEvent.CustomerErased.class, name = "CustomerErased")
})
public sealed interface JourneyEvent {

    String CLOUD_EVENT_TYPE_PREFIX = "io.apath.journey.";

    EventId eventId();

    Instant occurredAt();

    CustomerKey customerKey();

    String tenant();

    default String cloudEventType() {
        return CLOUD_EVENT_TYPE_PREFIX + getClass().getSimpleName();
    }

    /** A customer mentioned the brand for the first time and entered the journey at {@code stage}. */
    record CustomerNoticed(
            EventId eventId,
            Instant occurredAt,
            CustomerKey customerKey,
            String tenant,
            Stage stage,
            String rule,
            List<Evidence> evidence)
            implements JourneyEvent {

        public CustomerNoticed {
            requireEnvelope(eventId, occurredAt, customerKey, tenant);
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(rule, "rule");
            evidence = copyOf(evidence);
        }
    }

    record StageAdvanced(
            EventId eventId,
            Instant occurredAt,
            CustomerKey customerKey,
            String tenant,
            Stage from,
            Stage to,
            String rule,
            List<Evidence> evidence)
            implements JourneyEvent {

        public StageAdvanced {
            requireEnvelope(eventId, occurredAt, customerKey, tenant);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(rule, "rule");
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("an advance must go to a later stage, was " + from + " → " + to);
            }
            evidence = copyOf(evidence);
        }
    }

    /** {@code reason} says why in words (complaint, churn risk, inactivity). */
    record StageRegressed(
            EventId eventId,
            Instant occurredAt,
            CustomerKey customerKey,
            String tenant,
            Stage from,
            Stage to,
            String rule,
            String reason,
            List<Evidence> evidence)
            implements JourneyEvent {

        public StageRegressed {
            requireEnvelope(eventId, occurredAt, customerKey, tenant);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(rule, "rule");
            if (!from.isAfter(to)) {
                throw new IllegalArgumentException(
                        "a regression must go to an earlier stage, was " + from + " → " + to);
            }
            evidence = copyOf(evidence);
        }
    }

    record AdvocateIdentified(
            EventId eventId,
            Instant occurredAt,
            CustomerKey customerKey,
            String tenant,
            String rule,
            List<Evidence> evidence)
            implements JourneyEvent {

        public AdvocateIdentified {
            requireEnvelope(eventId, occurredAt, customerKey, tenant);
            Objects.requireNonNull(rule, "rule");
            evidence = copyOf(evidence);
        }
    }

    /** The brand should answer {@code mentionId} by {@code dueBy}. */
    record ResponseDue(
            EventId eventId,
            Instant occurredAt,
            CustomerKey customerKey,
            String tenant,
            MentionId mentionId,
            Instant dueBy)
            implements JourneyEvent {

        public ResponseDue {
            requireEnvelope(eventId, occurredAt, customerKey, tenant);
            Objects.requireNonNull(mentionId, "mentionId");
            Objects.requireNonNull(dueBy, "dueBy");
        }
    }

    record ResponseOverdue(
            EventId eventId,
            Instant occurredAt,
            CustomerKey customerKey,
            String tenant,
            MentionId mentionId,
            Instant dueBy)
            implements JourneyEvent {

        public ResponseOverdue {
            requireEnvelope(eventId, occurredAt, customerKey, tenant);
            Objects.requireNonNull(mentionId, "mentionId");
            Objects.requireNonNull(dueBy, "dueBy");
        }
    }

    /** The customer's state was erased on request; nothing about them is kept beyond this event. */
    record CustomerErased(EventId eventId, Instant occurredAt, CustomerKey customerKey, String tenant, String reason)
            implements JourneyEvent {

        public CustomerErased {
            requireEnvelope(eventId, occurredAt, customerKey, tenant);
        }
    }

    // Every event is also a CloudEvent: these become ce_id, ce_time and ce_partitionkey, so none may be missing.
    private static void requireEnvelope(EventId eventId, Instant occurredAt, CustomerKey customerKey, String tenant) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(customerKey, "customerKey");
        Objects.requireNonNull(tenant, "tenant");
    }

    private static List<Evidence> copyOf(List<Evidence> evidence) {
        return evidence == null ? List.of() : List.copyOf(evidence);
    }
}
