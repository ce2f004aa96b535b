package io.apath.journey.domain;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.CustomerKey;
import io.apath.contracts.MentionId;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything that can change a customer's journey, keyed by customer key: a classified mention, the brand's answer to
 * one of the customer's complaints, or a privacy request from the API.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = JourneyInput.MentionClassified.class, name = "MentionClassified"),
    @JsonSubTypes.Type(value = JourneyInput.ResponseGiven.class, name = "ResponseGiven"),
    @JsonSubTypes.Type(value = JourneyInput.ErasureRequested.class, name = "ErasureRequested"),
    @JsonSubTypes.Type(value = JourneyInput.ConsentRecorded.class, name = "ConsentRecorded")
})
public sealed interface JourneyInput {

    CustomerKey customerKey();

    record MentionClassified(ClassifiedMention classified) implements JourneyInput {
        @Override
        public CustomerKey customerKey() {
            return classified.mention().customerKey();
        }
    }

    /** The brand's account replied ({@code replyMentionId}) to the customer's post {@code complaintNativeId}. */
    record ResponseGiven(
            CustomerKey customerKey, String complaintNativeId, MentionId replyMentionId, Instant answeredAt)
            implements JourneyInput {
        public ResponseGiven {
            Objects.requireNonNull(customerKey, "customerKey");
            Objects.requireNonNull(complaintNativeId, "complaintNativeId");
            Objects.requireNonNull(answeredAt, "answeredAt");
        }
    }

    /** {@code requestId} makes the erasure's event id stable if the request is retried. */
    record ErasureRequested(CustomerKey customerKey, String requestId, String reason, Instant requestedAt)
            implements JourneyInput {
        public ErasureRequested {
            Objects.requireNonNull(customerKey, "customerKey");
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(requestedAt, "requestedAt");
        }
    }

    record ConsentRecorded(CustomerKey customerKey, boolean contactAllowed, Instant recordedAt)
            implements JourneyInput {
        public ConsentRecorded {
            Objects.requireNonNull(customerKey, "customerKey");
            Objects.requireNonNull(recordedAt, "recordedAt");
        }
    }
}
