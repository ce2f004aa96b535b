package io.apath.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The AsyncAPI document ({@code asyncapi.yaml}) is valid AsyncAPI 3.0.0 and tells the truth: one channel per
 * catalogue topic, keys as catalogued, payload schemas that the golden fixtures satisfy, and the CloudEvents headers
 * journey writes. Each check is also run on a broken copy, to show it catches the break.
 */
class AsyncApiContractTest {

    private final JsonNode document = AsyncApi.tree();

    @Test
    void theDocumentIsValidAsyncApi300ByTheOfficialSchema() {
        assertThat(document.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(AsyncApi.officialSchemaProblems(AsyncApi.text(), InputFormat.YAML))
                .isEmpty();
    }

    @Test
    void theOfficialSchemaRejectsADocumentWrittenTheAsyncApi2Way() {
        // AsyncAPI 2 operations were "publish"/"subscribe"; 3.0.0 only knows "send" and "receive".
        ObjectNode broken =
                copy(d -> ((ObjectNode) d.path("operations").path("publishMentions")).put("action", "publish"));

        assertThat(AsyncApi.officialSchemaProblems(AsyncApi.toJson(broken), InputFormat.JSON))
                .isNotEmpty()
                .allMatch(
                        problem -> problem.getInstanceLocation().toString().startsWith("/operations/publishMentions"));
    }

    @Test
    void theOfficialSchemaRejectsAChannelBindingWithAnUnknownProperty() {
        ObjectNode broken = copy(d -> ((ObjectNode)
                        d.path("channels").path("mentions").path("bindings").path("kafka"))
                .put("retention", "7d"));

        assertThat(AsyncApi.officialSchemaProblems(AsyncApi.toJson(broken), InputFormat.JSON))
                .isNotEmpty()
                .allMatch(problem -> problem.getInstanceLocation().toString().startsWith("/channels/mentions"));
    }

    @Test
    void theVendoredOfficialSchemaIsUnchanged() throws Exception {
        // @asyncapi/specs 6.11.1, schemas/3.0.0-without-$id.json, byte for byte (see the module README).
        byte[] schema;
        try (var in = getClass().getClassLoader().getResourceAsStream(AsyncApi.OFFICIAL_SCHEMA)) {
            schema = in.readAllBytes();
        }
        String sha256 = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(schema));

        assertThat(sha256).isEqualTo("abe96881dbfaad495ccbb6bd8d3fb43ca18a13b9d7564849ccb66f39d5e5b20f");
    }

    @Test
    void theDocumentAgreesWithTheCatalogueTheFixturesAndJourney() {
        assertThat(AsyncApiChecks.all(document)).isEmpty();
    }

    @Test
    void everyReferenceResolves() {
        assertThat(AsyncApi.references(document)).hasSizeGreaterThan(50);
        assertThat(AsyncApiChecks.references(document)).isEmpty();
    }

    @Test
    void aDanglingReferenceIsCaught() {
        ObjectNode broken = copy(d -> ((ObjectNode) d.path("components")
                        .path("messages")
                        .path("suppression")
                        .path("payload")
                        .path("schema"))
                .put("$ref", "./schemas/v1/suppressions.schema.json"));

        assertThat(AsyncApiChecks.references(broken))
                .containsExactly("/components/messages/suppression/payload/schema: no resource"
                        + " schemas/v1/suppressions.schema.json");
    }

    @Test
    void everyCatalogueTopicHasExactlyOneChannel() {
        List<String> addresses = AsyncApi.channels(document).values().stream()
                .map(c -> c.path("address").asString())
                .toList();

        assertThat(addresses)
                .containsExactlyInAnyOrderElementsOf(
                        Topics.ALL.stream().map(Topic::name).toList());
        assertThat(AsyncApiChecks.channelsMatchTheCatalogue(document)).isEmpty();
    }

    @Test
    void aMissingChannelIsCaught() {
        ObjectNode broken = copy(d -> ((ObjectNode) d.path("channels")).remove("suppressionsDeadLetters"));

        assertThat(AsyncApiChecks.channelsMatchTheCatalogue(broken))
                .containsExactly("suppressions.v1.dlq: 0 channels, expected exactly one");
    }

    @Test
    void aChannelForATopicOutsideTheCatalogueIsCaught() {
        ObjectNode broken = copy(d -> ((ObjectNode) d.path("channels").path("mentions")).put("address", "mentions.v2"));

        assertThat(AsyncApiChecks.channelsMatchTheCatalogue(broken))
                .contains(
                        "mentions.v1: 0 channels, expected exactly one",
                        "mentions.v2: a channel for a topic not in the catalogue");
    }

    @Test
    void aRetentionThatDiffersFromTheCatalogueIsCaught() {
        ObjectNode broken = copy(d -> ((ObjectNode) d.path("channels")
                        .path("journeyEvents")
                        .path("bindings")
                        .path("kafka")
                        .path("topicConfiguration"))
                .put("retention.ms", 604800000L));

        assertThat(AsyncApiChecks.channelsMatchTheCatalogue(broken))
                .containsExactly("journey-events.v1: retention.ms 604800000, catalogue PT720H");
    }

    @Test
    void aMessageWithoutAKeyIsCaught() {
        ObjectNode broken =
                copy(d -> ((ObjectNode) d.path("components").path("messages").path("journeyCommand")).remove("traits"));

        assertThat(AsyncApiChecks.keysMatchTheCatalogue(broken))
                .containsExactly("journey-commands.v1 journeyCommand: key missing");
    }

    @Test
    void keysAreTheCataloguesKeyTypes() {
        assertThat(AsyncApiChecks.keysMatchTheCatalogue(document)).isEmpty();
    }

    @Test
    void aCustomerKeyPatternLooserThanTheRecordIsCaught() {
        ObjectNode broken = copy(d -> ((ObjectNode) d.path("components")
                        .path("messageTraits")
                        .path("keyedByCustomer")
                        .path("bindings")
                        .path("kafka")
                        .path("key"))
                .put("pattern", "^[^:]+:[^:]+:.*$"));

        assertThat(AsyncApiChecks.keysMatchTheCatalogue(broken))
                .isNotEmpty()
                .allMatch(problem -> problem.contains("accepts 'acme:mastodon:'"));
    }

    @Test
    void payloadSchemasAcceptTheGoldenFixtures() {
        assertThat(AsyncApiChecks.payloadsMatchTheFixtures(document)).isEmpty();
    }

    @Test
    void aMessagePointingAtTheWrongEventTypeIsCaught() {
        ObjectNode broken = copy(d -> ((ObjectNode) d.path("components")
                        .path("messages")
                        .path("stageRegressed")
                        .path("payload")
                        .path("schema"))
                .put("$ref", "./schemas/v1/journey-event.schema.json#/$defs/StageAdvanced"));

        assertThat(AsyncApiChecks.payloadsMatchTheFixtures(broken))
                .contains(
                        "journey-event-stage-regressed.json: accepted by [] on journey-events.v1, expected exactly"
                                + " [StageRegressed]",
                        "journey-event-stage-advanced.json: accepted by [StageAdvanced, StageRegressed] on"
                                + " journey-events.v1, expected exactly [StageAdvanced]");
    }

    @Test
    void aPayloadThatIsNotOurSchemaIsCaught() {
        ObjectNode broken =
                copy(d -> ((ObjectNode) d.path("components").path("messages").path("mention"))
                        .set("payload", Fixture.MAPPER.createObjectNode().put("type", "object")));

        assertThat(AsyncApiChecks.payloadsMatchTheFixtures(broken))
                .contains(
                        "mention.json: accepted by [] on mentions.v1, expected exactly [Mention]",
                        "mentions.v1 mention: payload is not one of the v1 schemas (" + AsyncApi.JSON_SCHEMA_2020_12
                                + " with a $ref into schemas/v1/)");
    }

    @Test
    void journeyEventsDeclareTheCloudEventsHeadersJourneyWrites() {
        JsonNode channel = AsyncApi.channelFor(document, Topics.JOURNEY_EVENTS.name());

        assertThat(AsyncApi.messages(document, channel)).hasSize(7);
        AsyncApi.messages(document, channel).values().forEach(message -> assertThat(
                        AsyncApi.headers(document, message).required())
                .containsExactlyInAnyOrderElementsOf(AsyncApiChecks.CLOUD_EVENT_HEADERS));
        assertThat(AsyncApiChecks.journeyEventsCarryCloudEventHeaders(document)).isEmpty();
    }

    @Test
    void aMissingCloudEventsHeaderIsCaught() {
        ObjectNode broken = copy(d -> {
            ObjectNode headers =
                    (ObjectNode) d.path("components").path("schemas").path("CloudEventHeaders");
            ((ObjectNode) headers.path("properties")).remove("ce_partitionkey");
            ArrayNode required = (ArrayNode) headers.path("required");
            for (int i = required.size() - 1; i >= 0; i--) {
                if (required.get(i).asString().equals("ce_partitionkey")) {
                    required.remove(i);
                }
            }
        });

        assertThat(AsyncApiChecks.journeyEventsCarryCloudEventHeaders(broken))
                .hasSize(14)
                .allMatch(problem -> problem.contains("headers"));
    }

    @Test
    void aWrongCloudEventTypeIsCaught() {
        ObjectNode broken = copy(d -> ((ObjectNode) d.path("components")
                        .path("messages")
                        .path("responseOverdue")
                        .path("headers")
                        .path("allOf")
                        .get(1)
                        .path("properties")
                        .path("ce_type"))
                .put("const", "io.apath.journey.ResponseDue"));

        assertThat(AsyncApiChecks.journeyEventsCarryCloudEventHeaders(broken))
                .containsExactlyInAnyOrder(
                        "responseOverdue: rejects the headers journey writes for journey-event-response-overdue.json",
                        "responseOverdue: accepts the headers of journey-event-response-due.json"
                                + " (io.apath.journey.ResponseDue)");
    }

    @Test
    void theCloudEventsHeaderValuesFollowTheEvent() {
        JourneyEvent event = Fixture.STAGE_ADVANCED.read(JourneyEvent.class);
        ObjectNode headers = AsyncApiChecks.writtenHeaders(event);
        JsonNode message = document.path("components").path("messages").path("stageAdvanced");
        JsonNode schema = AsyncApi.headers(document, message).schema();

        assertThat(AsyncApi.validateAsyncApiSchema(schema, Fixture.MAPPER.writeValueAsString(headers)))
                .isEmpty();
        headers.put("ce_time", "29/11/2024 13:16");
        assertThat(AsyncApi.validateAsyncApiSchema(schema, Fixture.MAPPER.writeValueAsString(headers)))
                .isNotEmpty();
        headers.put("ce_time", event.occurredAt().toString()).put("ce_specversion", "0.3");
        assertThat(AsyncApi.validateAsyncApiSchema(schema, Fixture.MAPPER.writeValueAsString(headers)))
                .isNotEmpty();
    }

    @Test
    void operationsUseTheirChannelsMessagesAndEachTopicHasOneWriter() {
        assertThat(AsyncApiChecks.operations(document)).isEmpty();
    }

    @Test
    void aSecondWriterIsCaught() {
        ObjectNode broken = copy(d -> {
            ObjectNode operation = ((ObjectNode) d.path("operations").path("publishMentions")).deepCopy();
            ((ObjectNode) operation.path("tags").get(0)).put("name", "classifier-service");
            ((ObjectNode) d.path("operations")).set("classifierAlsoPublishesMentions", operation);
        });

        assertThat(AsyncApiChecks.operations(broken))
                .containsExactly(
                        "mentions: written by [ingest-service, classifier-service], expected exactly one service");
    }

    @Test
    void deadLetterTopicsDeclareTheErrorHeadersTheirWritersAdd() {
        assertThat(requiredHeaders("mentionsDeadLetters", "mentionDeadLetter"))
                .contains("kafka_dlt-original-topic", "kafka_dlt-exception-fqcn");
        assertThat(requiredHeaders("mentionsClassifiedDeadLetters", "unreadableJourneyInput"))
                .contains("kafka_dlt-original-topic", "kafka_dlt-exception-fqcn");
        assertThat(requiredHeaders("mentionsClassifiedDeadLetters", "rejectedJourneyInput"))
                .containsExactlyInAnyOrder(
                        DeadLetterHeaders.ORIGINAL_TOPIC,
                        DeadLetterHeaders.EXCEPTION_CLASS,
                        DeadLetterHeaders.EXCEPTION_MESSAGE);
        assertThat(requiredHeaders("suppressionsDeadLetters", "suppressionDeadLetter"))
                .contains(DeadLetterHeaders.ORIGINAL_TOPIC, DeadLetterHeaders.EXCEPTION_CLASS);
    }

    private java.util.Set<String> requiredHeaders(String channel, String message) {
        JsonNode node = AsyncApi.messages(document, document.path("channels").path(channel))
                .get(message);
        return AsyncApi.headers(document, node).required();
    }

    private ObjectNode copy(Consumer<ObjectNode> breakIt) {
        ObjectNode copy = (ObjectNode) document.deepCopy();
        breakIt.accept(copy);
        return copy;
    }
}
