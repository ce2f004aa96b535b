package io.apath.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The schemas are written by hand and each stands alone (its shared shapes copied into its own {@code $defs}), so
 * these tests keep them in step with the records and with each other.
 */
class SchemasMatchRecordsTest {

    static Stream<Arguments> objectShapes() {
        return Stream.of(
                Arguments.of("mention.schema.json", "", Mention.class),
                Arguments.of("mention.schema.json", "/$defs/Author", Author.class),
                Arguments.of("classified-mention.schema.json", "", ClassifiedMention.class),
                Arguments.of("classified-mention.schema.json", "/$defs/Mention", Mention.class),
                Arguments.of("classified-mention.schema.json", "/$defs/Sentiment", Sentiment.class),
                Arguments.of("journey-event.schema.json", "/$defs/Evidence", Evidence.class),
                Arguments.of("journey-event.schema.json", "/$defs/CustomerNoticed", JourneyEvent.CustomerNoticed.class),
                Arguments.of("journey-event.schema.json", "/$defs/StageAdvanced", JourneyEvent.StageAdvanced.class),
                Arguments.of("journey-event.schema.json", "/$defs/StageRegressed", JourneyEvent.StageRegressed.class),
                Arguments.of(
                        "journey-event.schema.json",
                        "/$defs/AdvocateIdentified",
                        JourneyEvent.AdvocateIdentified.class),
                Arguments.of("journey-event.schema.json", "/$defs/ResponseDue", JourneyEvent.ResponseDue.class),
                Arguments.of("journey-event.schema.json", "/$defs/ResponseOverdue", JourneyEvent.ResponseOverdue.class),
                Arguments.of("journey-event.schema.json", "/$defs/CustomerErased", JourneyEvent.CustomerErased.class),
                Arguments.of("customer-journey.schema.json", "", CustomerJourney.class),
                Arguments.of("customer-journey.schema.json", "/$defs/StageChange", StageChange.class),
                Arguments.of("suppression.schema.json", "", Suppression.class));
    }

    @ParameterizedTest(name = "{0}#{1}")
    @MethodSource("objectShapes")
    void schemaDescribesExactlyTheRecordsComponents(String schemaFile, String pointer, Class<?> record) {
        JsonNode shape = Schemas.tree(schemaFile).at(pointer);
        List<String> properties = new ArrayList<>(shape.get("properties").propertyNames());
        if (JourneyEvent.class.isAssignableFrom(record)) {
            assertThat(properties.remove("type"))
                    .as("journey events carry their type")
                    .isTrue();
        }

        assertThat(properties)
                .containsExactlyElementsOf(Arrays.stream(record.getRecordComponents())
                        .map(RecordComponent::getName)
                        .toList());
    }

    static Stream<Arguments> enums() {
        return Stream.of(
                Arguments.of("Intent", Intent.class),
                Arguments.of("Stage", Stage.class),
                Arguments.of("MentionKind", MentionKind.class),
                Arguments.of("SentimentLabel", SentimentLabel.class),
                Arguments.of("RelationshipStyle", RelationshipStyle.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enums")
    void schemaEnumsListTheJavaConstantsInOrder(String def, Class<? extends Enum<?>> type) {
        List<String> constants =
                Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        int found = 0;
        for (String file : Schemas.FILES) {
            JsonNode enumDef = Schemas.tree(file).at("/$defs/" + def + "/enum");
            if (!enumDef.isMissingNode()) {
                found++;
                List<String> values = new ArrayList<>();
                enumDef.forEach(v -> values.add(v.asString()));
                assertThat(values).as("%s in %s", def, file).containsExactlyElementsOf(constants);
            }
        }
        assertThat(found).as("schemas defining %s", def).isPositive();
    }

    @Test
    void sharedShapesAreIdenticalInEverySchema() {
        Map<String, JsonNode> firstSeen = new HashMap<>();
        Map<String, String> seenIn = new HashMap<>();
        for (String file : Schemas.FILES) {
            Schemas.tree(file).get("$defs").properties().forEach(def -> {
                JsonNode earlier = firstSeen.putIfAbsent(def.getKey(), def.getValue());
                seenIn.putIfAbsent(def.getKey(), file);
                if (earlier != null) {
                    assertThat(def.getValue())
                            .as("$defs/%s in %s and %s", def.getKey(), seenIn.get(def.getKey()), file)
                            .isEqualTo(earlier);
                }
            });
        }
        assertThat(firstSeen).containsKeys("CustomerKey", "Intent", "Stage", "Evidence", "Timestamp");
    }

    @Test
    void theEmbeddedMentionIsTheMentionSchema() {
        JsonNode mention = Schemas.tree("mention.schema.json");
        JsonNode embedded = Schemas.tree("classified-mention.schema.json").at("/$defs/Mention");

        assertThat(embedded.get("required")).isEqualTo(mention.get("required"));
        assertThat(embedded.get("properties")).isEqualTo(mention.get("properties"));
    }

    @Test
    void journeyEventTypesAreTheJacksonSubtypeNames() {
        JsonNode schema = Schemas.tree("journey-event.schema.json");
        List<String> typeEnum = new ArrayList<>();
        schema.at("/properties/type/enum").forEach(v -> typeEnum.add(v.asString()));
        List<String> oneOf = new ArrayList<>();
        schema.get("oneOf").forEach(ref -> oneOf.add(ref.get("$ref").asString().replace("#/$defs/", "")));
        List<String> subtypeNames = Arrays.stream(
                        JourneyEvent.class.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::name)
                .toList();

        assertThat(typeEnum).containsExactlyElementsOf(subtypeNames);
        assertThat(oneOf).containsExactlyElementsOf(subtypeNames);
        for (String name : subtypeNames) {
            assertThat(schema.at("/$defs/" + name + "/properties/type/const").asString())
                    .isEqualTo(name);
        }
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void schemaIdIsWhereItIsPublished(String file) {
        JsonNode schema = Schemas.tree(file);

        assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("$id").asString()).isEqualTo(Schemas.ID_PREFIX + file);
    }

    static Stream<String> schemaFiles() {
        return Schemas.FILES.stream();
    }
}
