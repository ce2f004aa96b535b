package io.apath.localstack;

import io.apath.contracts.CustomerJourney;
import io.apath.contracts.Topics;
import io.apath.localkafka.TopicToEnd;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads the compacted {@code journey-state.v1} as a downstream consumer would: read_committed, latest per key. */
public final class JourneyStateReader {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private JourneyStateReader() {}

    /** Every customer's latest journey, keyed by customer key; erased customers (tombstones) are absent. */
    public static Map<String, CustomerJourney> readAll(String bootstrapServers) {
        Map<String, CustomerJourney> latest = new HashMap<>();
        TopicToEnd.read(bootstrapServers, Topics.JOURNEY_STATE.name(), record -> {
            if (record.value() == null) {
                latest.remove(record.key());
            } else {
                latest.put(record.key(), JSON.readValue(record.value(), CustomerJourney.class));
            }
        });
        return latest;
    }
}
