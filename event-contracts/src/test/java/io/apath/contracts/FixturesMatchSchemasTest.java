package io.apath.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class FixturesMatchSchemasTest {

    @ParameterizedTest
    @EnumSource(Fixture.class)
    void everyGoldenFixtureSatisfiesItsSchema(Fixture fixture) {
        assertThat(Schemas.validate(fixture.schema, fixture.json())).isEmpty();
    }

    @Test
    void everyFixtureFileIsRegistered() throws IOException, URISyntaxException {
        Path directory = Path.of(
                getClass().getClassLoader().getResource(Fixture.DIRECTORY).toURI());
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(
                            Arrays.stream(Fixture.values()).map(f -> f.fileName).toList());
        }
    }

    /** Each top-level field of each fixture, and whether the schema says it is required. */
    static Stream<Arguments> topLevelFields() {
        List<Arguments> fields = new ArrayList<>();
        for (Fixture fixture : Fixture.values()) {
            List<String> required = requiredFields(fixture);
            fixture.tree()
                    .propertyNames()
                    .forEach(name -> fields.add(Arguments.of(fixture, name, required.contains(name))));
        }
        return fields.stream();
    }

    /**
     * Schema and record must agree on what is required: without a required field both reject the JSON, without an
     * optional one both accept it.
     */
    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("topLevelFields")
    void schemaAndRecordAgreeOnWhatIsRequired(Fixture fixture, String field, boolean required) {
        ObjectNode without = (ObjectNode) fixture.tree();
        without.remove(field);
        String json = Fixture.MAPPER.writeValueAsString(without);

        if (required) {
            assertThat(Schemas.validate(fixture.schema, json))
                    .as("schema errors without %s", field)
                    .isNotEmpty();
        } else {
            assertThat(Schemas.validate(fixture.schema, json))
                    .as("schema errors without %s", field)
                    .isEmpty();
        }
        Throwable readFailure = catchThrowable(() -> Fixture.MAPPER.readValue(json, fixture.type));
        if (required) {
            assertThat(readFailure).as("reading without %s", field).isInstanceOf(JacksonException.class);
        } else {
            assertThat(readFailure).as("reading without %s", field).isNull();
        }
    }

    @Test
    void aMentionWithoutItsAuthorIdFailsValidation() {
        assertRejected(Fixture.MENTION, json -> ((ObjectNode) json.get("author")).remove("id"));
    }

    @Test
    void evidenceWithoutAMentionIdFailsValidation() {
        assertRejected(
                Fixture.STAGE_ADVANCED,
                json -> ((ObjectNode) json.get("evidence").get(0)).remove("mentionId"));
    }

    @Test
    void aHistoryStepWithoutATimeFailsValidation() {
        assertRejected(
                Fixture.CUSTOMER_JOURNEY,
                json -> ((ObjectNode) json.get("history").get(1)).remove("at"));
    }

    @Test
    void aCustomerKeyWithoutAnAuthorFailsValidation() {
        assertRejected(Fixture.SUPPRESSION, json -> ((ObjectNode) json).put("customerKey", "acme:mastodon:"));
    }

    @Test
    void anInstantWrittenAsEpochMillisFailsValidation() {
        assertRejected(Fixture.RESPONSE_DUE, json -> ((ObjectNode) json).put("dueBy", 1734958800000L));
    }

    @Test
    void anInstantThatIsNotRfc3339FailsValidation() {
        assertRejected(Fixture.RESPONSE_DUE, json -> ((ObjectNode) json).put("dueBy", "23/12/2024 13:00"));
    }

    @Test
    void anUnknownIntentFailsValidation() {
        assertRejected(Fixture.CLASSIFIED_MENTION, json -> ((ObjectNode) json.get("intents")).put("CURIOSITY", 0.4));
    }

    @Test
    void aProbabilityAboveOneFailsValidation() {
        assertRejected(Fixture.CLASSIFIED_MENTION, json -> ((ObjectNode) json.get("sentiment")).put("score", 1.2));
    }

    @Test
    void anUnknownEventTypeFailsValidation() {
        assertRejected(Fixture.CUSTOMER_ERASED, json -> ((ObjectNode) json).put("type", "CustomerTeleported"));
    }

    @Test
    void anEventOfOneTypeWithAnothersFieldsFailsValidation() {
        // A ResponseDue relabelled as a StageAdvanced lacks from, to and rule.
        assertRejected(Fixture.RESPONSE_DUE, json -> ((ObjectNode) json).put("type", "StageAdvanced"));
    }

    @Test
    void aTenantWithAColonFailsValidation() {
        assertRejected(Fixture.MENTION, json -> ((ObjectNode) json).put("tenant", "acme:eu"));
    }

    @Test
    void theJavaReaderAlsoRejectsAMalformedCustomerKey() {
        ObjectNode json = (ObjectNode) Fixture.SUPPRESSION.tree();
        json.put("customerKey", "acme:mastodon:");

        assertThatThrownBy(() -> Fixture.MAPPER.treeToValue(json, Suppression.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("tenant:platform:authorId");
    }

    private static void assertRejected(Fixture fixture, Consumer<JsonNode> breakIt) {
        JsonNode json = fixture.tree();
        assertThat(Schemas.validate(fixture.schema, json))
                .as("the fixture itself")
                .isEmpty();
        breakIt.accept(json);
        assertThat(Schemas.validate(fixture.schema, json)).isNotEmpty();
    }

    private static List<String> requiredFields(Fixture fixture) {
        JsonNode schema = Schemas.tree(fixture.schema);
        if (fixture.type == JourneyEvent.class) {
            schema = schema.get("$defs").get(fixture.tree().get("type").asString());
        }
        List<String> required = new ArrayList<>();
        schema.get("required").forEach(name -> required.add(name.asString()));
        return required;
    }
}
