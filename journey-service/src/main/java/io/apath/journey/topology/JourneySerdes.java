package io.apath.journey.topology;

import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.CustomerJourney;
import io.apath.contracts.JourneyEvent;
import io.apath.contracts.Suppression;
import io.apath.journey.domain.JourneyInput;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The serdes of the journey topology: JSON for every topic (unknown fields are ignored so v1 producers may add fields),
 * and the compact binary {@link JourneyStateSerde} for the {@code journeys} store, which is internal.
 */
public record JourneySerdes(
        JsonMapper mapper,
        JsonSerde<ClassifiedMention> classifiedMention,
        JsonSerde<JourneyEvent> journeyEvent,
        JsonSerde<CustomerJourney> customerJourney,
        JourneyStateSerde journeyState,
        JsonSerde<JourneyInput> journeyInput,
        JsonSerde<Suppression> suppression,
        JsonSerde<ResponseCorrelation> correlation) {

    public static JourneySerdes create() {
        JsonMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        return new JourneySerdes(
                mapper,
                new JsonSerde<>(mapper, ClassifiedMention.class),
                new JsonSerde<>(mapper, JourneyEvent.class),
                new JsonSerde<>(HistoryJsonMemo.on(mapper), CustomerJourney.class),
                new JourneyStateSerde(mapper),
                new JsonSerde<>(mapper, JourneyInput.class),
                new JsonSerde<>(mapper, Suppression.class),
                new JsonSerde<>(mapper, ResponseCorrelation.class));
    }
}
