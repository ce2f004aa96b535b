package io.apath.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The golden v1 fixtures, each with the type it reads into and the schema it must satisfy. */
enum Fixture {
    MENTION("mention.json", Mention.class, "mention.schema.json"),
    CLASSIFIED_MENTION("classified-mention.json", ClassifiedMention.class, "classified-mention.schema.json"),
    CUSTOMER_NOTICED("journey-event-customer-noticed.json", JourneyEvent.class, "journey-event.schema.json"),
    STAGE_ADVANCED("journey-event-stage-advanced.json", JourneyEvent.class, "journey-event.schema.json"),
    STAGE_REGRESSED("journey-event-stage-regressed.json", JourneyEvent.class, "journey-event.schema.json"),
    ADVOCATE_IDENTIFIED("journey-event-advocate-identified.json", JourneyEvent.class, "journey-event.schema.json"),
    RESPONSE_DUE("journey-event-response-due.json", JourneyEvent.class, "journey-event.schema.json"),
    RESPONSE_OVERDUE("journey-event-response-overdue.json", JourneyEvent.class, "journey-event.schema.json"),
    CUSTOMER_ERASED("journey-event-customer-erased.json", JourneyEvent.class, "journey-event.schema.json"),
    CUSTOMER_JOURNEY("customer-journey.json", CustomerJourney.class, "customer-journey.schema.json"),
    SUPPRESSION("suppression.json", Suppression.class, "suppression.schema.json");

    /**
     * Plain Jackson 3 defaults, deliberately: they already write instants as ISO-8601 strings
     * ({@code DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS} is off), ignore unknown properties (so v1 readers survive
     * additive change), write nulls, and fail on a missing primitive. Every service's mapper must behave the same.
     */
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    static final String DIRECTORY = "fixtures/v1/";

    final String fileName;
    final Class<?> type;
    final String schema;

    Fixture(String fileName, Class<?> type, String schema) {
        this.fileName = fileName;
        this.type = type;
        this.schema = schema;
    }

    String json() {
        try (InputStream in = Fixture.class.getClassLoader().getResourceAsStream(DIRECTORY + fileName)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + DIRECTORY + fileName);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode tree() {
        return MAPPER.readTree(json());
    }

    Object read() {
        return MAPPER.readValue(json(), type);
    }

    <T> T read(Class<T> as) {
        return as.cast(read());
    }
}
