package io.apath.journey.topology;

import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.CustomerJourney;
import io.apath.contracts.JourneyEvent;
import io.apath.contracts.Suppression;
import io.apath.journey.domain.JourneyInput;
import io.apath.journey.domain.JourneyState;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The serdes of the journey topology, all JSON; unknown fields are ignored so v1 producers may add fields. */
public record JourneySerdes(
        JsonMapper mapper,
        JsonSerde<ClassifiedMention> classifiedMention,
        JsonSerde<JourneyEvent> journeyEvent,
        JsonSerde<CustomerJourney> customerJourney,
        JsonSerde<JourneyState> journeyState,
        JsonSerde<JourneyInput> journeyInput,
        JsonSerde<Suppression> suppression,
        JsonSerde<ResponseCorrelation> correlation) {

    public static JourneySerdes json() {
        JsonMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        return new JourneySerdes(
                mapper,
                new JsonSerde<>(mapper, ClassifiedMention.class),
                new JsonSerde<>(mapper, JourneyEvent.class),
                new JsonSerde<>(mapper, CustomerJourney.class),
                new JsonSerde<>(mapper, JourneyState.class),
                new JsonSerde<>(mapper, JourneyInput.class),
                new JsonSerde<>(mapper, Suppression.class),
                new JsonSerde<>(mapper, ResponseCorrelation.class));
    }
}
