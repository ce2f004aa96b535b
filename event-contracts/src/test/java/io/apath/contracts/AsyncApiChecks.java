package io.apath.contracts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the AsyncAPI document must agree with: the topic catalogue, the golden fixtures, and the CloudEvents headers
 * journey-service writes. Each check lists its problems (empty when the document is right), so the tests can show
 * that a broken copy of the document is caught.
 */
final class AsyncApiChecks {

    /**
     * The headers journey-service writes on every journey event: {@code CloudEventHeaders.of} in journey-service sets
     * id, source, type, time, subject, data content type and the {@code partitionkey} extension, and the CloudEvents
     * SDK's Kafka binary mode writes them as these headers (plus {@code ce_specversion}). event-contracts cannot see
     * journey-service's classes, so the list is kept here; journey's {@code JourneyTopologyTest} asserts the same
     * names on the records its topology really produces.
     */
    static final Set<String> CLOUD_EVENT_HEADERS = Set.of(
            "ce_specversion",
            "ce_id",
            "ce_source",
            "ce_type",
            "ce_time",
            "ce_subject",
            "ce_partitionkey",
            "content-type");

    static final String CLOUD_EVENT_SOURCE = "/a-path/journey-service";

    private AsyncApiChecks() {}

    static List<String> all(JsonNode document) {
        List<String> problems = new ArrayList<>();
        problems.addAll(references(document));
        problems.addAll(channelsMatchTheCatalogue(document));
        problems.addAll(keysMatchTheCatalogue(document));
        problems.addAll(payloadsMatchTheFixtures(document));
        problems.addAll(journeyEventsCarryCloudEventHeaders(document));
        problems.addAll(operations(document));
        return problems;
    }

    /** Every {@code $ref}, inside the document or to a schema file beside it, points at something. */
    static List<String> references(JsonNode document) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> ref : AsyncApi.references(document)) {
            try {
                AsyncApi.resolve(document, ref.getValue());
            } catch (RuntimeException e) {
                problems.add(ref.getKey() + ": " + e.getMessage());
            }
        }
        return problems;
    }

    /** One channel per catalogue topic, none other, each kept (partitions, cleanup, retention) as the catalogue says. */
    static List<String> channelsMatchTheCatalogue(JsonNode document) {
        List<String> problems = new ArrayList<>();
        List<String> addresses = AsyncApi.channels(document).values().stream()
                .map(c -> c.path("address").asString(""))
                .toList();
        for (Topic<?, ?> topic : Topics.ALL) {
            long count = addresses.stream().filter(topic.name()::equals).count();
            if (count != 1) {
                problems.add(topic.name() + ": " + count + " channels, expected exactly one");
                continue;
            }
            JsonNode channel = AsyncApi.channelFor(document, topic.name());
            JsonNode kafka = channel.path("bindings").path("kafka");
            if (kafka.path("partitions").asInt(-1) != topic.partitions()) {
                problems.add(topic.name() + ": partitions " + kafka.path("partitions") + ", catalogue "
                        + topic.partitions());
            }
            JsonNode config = kafka.path("topicConfiguration");
            List<String> cleanup = new ArrayList<>();
            config.path("cleanup.policy").forEach(p -> cleanup.add(p.asString()));
            if (!cleanup.equals(List.of(topic.cleanupPolicy().configValue()))) {
                problems.add(topic.name() + ": cleanup.policy " + cleanup + ", catalogue " + topic.cleanupPolicy());
            }
            long retention = config.path("retention.ms").asLong(-1);
            long expected = topic.retention() == null ? -1 : topic.retention().toMillis();
            if (retention != expected) {
                problems.add(topic.name() + ": retention.ms " + config.path("retention.ms") + ", catalogue "
                        + topic.retention());
            }
            String kind = kind(topic);
            List<String> tags = new ArrayList<>();
            channel.path("tags").forEach(t -> tags.add(t.path("name").asString()));
            if (!tags.equals(List.of(kind))) {
                problems.add(topic.name() + ": tags " + tags + ", expected [" + kind + "]");
            }
            if (AsyncApi.messages(document, channel).isEmpty()) {
                problems.add(topic.name() + ": no messages");
            }
        }
        Set<String> catalogue = new LinkedHashSet<>();
        Topics.ALL.forEach(t -> catalogue.add(t.name()));
        for (String address : addresses) {
            if (!catalogue.contains(address)) {
                problems.add(address + ": a channel for a topic not in the catalogue");
            }
        }
        return problems;
    }

    /** Every message's Kafka key schema is the catalogue's key type. */
    static List<String> keysMatchTheCatalogue(JsonNode document) {
        List<String> problems = new ArrayList<>();
        for (Topic<?, ?> topic : Topics.ALL) {
            JsonNode channel = AsyncApi.channelFor(document, topic.name());
            if (channel == null) {
                continue; // reported by channelsMatchTheCatalogue
            }
            for (Map.Entry<String, JsonNode> message :
                    AsyncApi.messages(document, channel).entrySet()) {
                JsonNode key = AsyncApi.key(document, message.getValue());
                String where = topic.name() + " " + message.getKey() + ": key ";
                if (key.isMissingNode()) {
                    problems.add(where + "missing");
                    continue;
                }
                boolean text = "string".equals(key.path("type").asString(null));
                boolean binary = "binary".equals(key.path("format").asString(null));
                if (topic.keyType() == CustomerKey.class) {
                    problems.addAll(customerKeyProblems(where, key));
                } else if (topic.keyType() == String.class) {
                    if (!text || binary) {
                        problems.add(where + "should be text, is " + key);
                    }
                } else if (topic.keyType() == byte[].class) {
                    if (!text || !binary) {
                        problems.add(where + "should be bytes (type string, format binary), is " + key);
                    }
                } else {
                    problems.add(
                            where + "no rule for key type " + topic.keyType().getName());
                }
            }
        }
        return problems;
    }

    /** The key schema's pattern accepts exactly the strings {@link CustomerKey} accepts. */
    private static List<String> customerKeyProblems(String where, JsonNode key) {
        String pattern = key.path("pattern").asString(null);
        if (!"string".equals(key.path("type").asString(null)) || pattern == null) {
            return List.of(where + "should be a string with the customer key pattern, is " + key);
        }
        List<String> problems = new ArrayList<>();
        Pattern regex = Pattern.compile(pattern);
        for (String sample : List.of(
                "acme:mastodon:109348572361093847",
                "acme:bluesky:did:plc:abc",
                "acme:mastodon:",
                ":mastodon:1",
                "acme::1",
                "acme:mastodon",
                "acme",
                "")) {
            boolean schemaAccepts = regex.matcher(sample).find();
            boolean recordAccepts;
            try {
                new CustomerKey(sample);
                recordAccepts = true;
            } catch (IllegalArgumentException e) {
                recordAccepts = false;
            }
            if (schemaAccepts != recordAccepts) {
                problems.add(where + "pattern " + pattern + (schemaAccepts ? " accepts" : " rejects") + " '" + sample
                        + "', CustomerKey " + (recordAccepts ? "accepts" : "rejects") + " it");
            }
        }
        return problems;
    }

    /**
     * Each golden fixture satisfies the payload schema of exactly one message of its topic's channel (the one whose
     * name is the fixture's event type, for journey events), every message with one of our schemas has a fixture,
     * and the other messages are what the catalogue's value type says: tombstones, internal JSON or raw bytes.
     */
    static List<String> payloadsMatchTheFixtures(JsonNode document) {
        List<String> problems = new ArrayList<>();
        Set<String> covered = new LinkedHashSet<>();
        for (Fixture fixture : Fixture.values()) {
            Topic<?, ?> topic = topicCarrying(fixture.type);
            JsonNode channel = topic == null ? null : AsyncApi.channelFor(document, topic.name());
            if (channel == null) {
                problems.add(fixture.fileName + ": no channel carries " + fixture.type.getSimpleName());
                continue;
            }
            String expectedName = fixture.type == JourneyEvent.class
                    ? fixture.tree().get("type").asString()
                    : fixture.type.getSimpleName();
            List<String> accepting = new ArrayList<>();
            for (Map.Entry<String, JsonNode> message :
                    AsyncApi.messages(document, channel).entrySet()) {
                String location = AsyncApi.payloadSchemaLocation(message.getValue());
                if (location != null
                        && Schemas.validateAt(location, fixture.json()).isEmpty()) {
                    accepting.add(message.getValue().path("name").asString(message.getKey()));
                    covered.add(topic.name() + "/" + message.getKey());
                }
            }
            if (!accepting.equals(List.of(expectedName))) {
                problems.add(fixture.fileName + ": accepted by " + accepting + " on " + topic.name()
                        + ", expected exactly [" + expectedName + "]");
            }
        }
        for (Topic<?, ?> topic : Topics.ALL) {
            JsonNode channel = AsyncApi.channelFor(document, topic.name());
            if (channel == null) {
                continue;
            }
            for (Map.Entry<String, JsonNode> entry :
                    AsyncApi.messages(document, channel).entrySet()) {
                problems.addAll(valueProblems(document, topic, entry.getKey(), entry.getValue(), covered));
            }
        }
        return problems;
    }

    private static List<String> valueProblems(
            JsonNode document, Topic<?, ?> topic, String id, JsonNode message, Set<String> covered) {
        String where = topic.name() + " " + id + ": ";
        JsonNode payload = message.path("payload");
        String location = AsyncApi.payloadSchemaLocation(message);
        boolean tombstone = "null".equals(payload.path("type").asString(null));
        if (isContract(topic.valueType())) {
            if (tombstone) {
                return topic.cleanupPolicy() == CleanupPolicy.COMPACT
                        ? List.of()
                        : List.of(where + "a tombstone on a topic that is not compacted");
            }
            if (location == null) {
                return List.of(where + "payload is not one of the v1 schemas (" + AsyncApi.JSON_SCHEMA_2020_12
                        + " with a $ref into " + Schemas.DIRECTORY + ")");
            }
            return covered.contains(topic.name() + "/" + id)
                    ? List.of()
                    : List.of(where + "no golden fixture satisfies its payload schema");
        }
        if (topic.valueType() == String.class) {
            return "object".equals(payload.path("type").asString(null)) && location == null
                    ? List.of()
                    : List.of(where + "an internal topic's value should be described as a plain JSON object");
        }
        if (topic.valueType() == byte[].class) {
            // Dead letters: what makes them useful is the error headers.
            return AsyncApi.headers(document, message).required().isEmpty()
                    ? List.of(where + "dead letters need their error headers")
                    : List.of();
        }
        return List.of(where + "no rule for value type " + topic.valueType().getName());
    }

    /** journey-events.v1's messages declare and require exactly the headers journey writes, with the right values. */
    static List<String> journeyEventsCarryCloudEventHeaders(JsonNode document) {
        List<String> problems = new ArrayList<>();
        JsonNode channel = AsyncApi.channelFor(document, Topics.JOURNEY_EVENTS.name());
        if (channel == null) {
            return List.of(Topics.JOURNEY_EVENTS.name() + ": no channel");
        }
        Map<String, JsonNode> messages = AsyncApi.messages(document, channel);
        for (Map.Entry<String, JsonNode> message : messages.entrySet()) {
            AsyncApi.Headers headers = AsyncApi.headers(document, message.getValue());
            if (!headers.declared().equals(CLOUD_EVENT_HEADERS)) {
                problems.add(message.getKey() + ": declares headers " + headers.declared() + ", journey writes "
                        + CLOUD_EVENT_HEADERS);
            }
            if (!headers.required().equals(CLOUD_EVENT_HEADERS)) {
                problems.add(message.getKey() + ": requires headers " + headers.required() + ", journey always writes "
                        + CLOUD_EVENT_HEADERS);
            }
        }
        for (Fixture fixture : Fixture.values()) {
            if (fixture.type != JourneyEvent.class) {
                continue;
            }
            JourneyEvent event = fixture.read(JourneyEvent.class);
            String headerJson = Fixture.MAPPER.writeValueAsString(writtenHeaders(event));
            for (Map.Entry<String, JsonNode> message : messages.entrySet()) {
                boolean own = message.getValue()
                        .path("name")
                        .asString("")
                        .equals(event.getClass().getSimpleName());
                boolean accepted = AsyncApi.validateAsyncApiSchema(
                                AsyncApi.headers(document, message.getValue()).schema(), headerJson)
                        .isEmpty();
                if (own && !accepted) {
                    problems.add(message.getKey() + ": rejects the headers journey writes for " + fixture.fileName);
                } else if (!own && accepted) {
                    problems.add(message.getKey() + ": accepts the headers of " + fixture.fileName + " ("
                            + event.cloudEventType() + ")");
                }
            }
        }
        return problems;
    }

    /** The header values journey-service's CloudEventHeaders derives from an event. */
    static ObjectNode writtenHeaders(JourneyEvent event) {
        ObjectNode headers = Fixture.MAPPER.createObjectNode();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", event.eventId().value());
        headers.put("ce_source", CLOUD_EVENT_SOURCE);
        headers.put("ce_type", event.cloudEventType());
        headers.put("ce_time", event.occurredAt().toString());
        headers.put("ce_subject", event.customerKey().value());
        headers.put("ce_partitionkey", event.customerKey().value());
        headers.put("content-type", "application/json");
        return headers;
    }

    /**
     * Every operation names a channel of the document and only that channel's messages; every topic has a writer,
     * and only one service writes each (the catalogue's rule).
     */
    static List<String> operations(JsonNode document) {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> channels = AsyncApi.channels(document);
        Map<String, Set<String>> writers = new LinkedHashMap<>();
        document.path("operations").properties().forEach(e -> {
            String id = e.getKey();
            JsonNode operation = e.getValue();
            String channelRef = operation.path("channel").path("$ref").asString("");
            String channelId = channelRef.startsWith("#/channels/") ? channelRef.substring("#/channels/".length()) : "";
            if (!channels.containsKey(channelId)) {
                problems.add(id + ": channel " + channelRef + " is not a channel of the document");
                return;
            }
            operation.path("messages").forEach(m -> {
                String ref = m.path("$ref").asString("");
                if (!ref.startsWith(channelRef + "/messages/")) {
                    problems.add(id + ": message " + ref + " is not one of " + channelRef + "'s");
                }
            });
            List<String> services = new ArrayList<>();
            operation.path("tags").forEach(t -> services.add(t.path("name").asString()));
            if (services.size() != 1) {
                problems.add(id + ": should be tagged with the one service that does it, is " + services);
            }
            if ("send".equals(operation.path("action").asString(null))) {
                writers.computeIfAbsent(channelId, c -> new LinkedHashSet<>()).addAll(services);
            }
        });
        for (String channelId : channels.keySet()) {
            Set<String> services = writers.getOrDefault(channelId, Set.of());
            if (services.size() != 1) {
                problems.add(channelId + ": written by " + services + ", expected exactly one service");
            }
        }
        return problems;
    }

    private static Topic<?, ?> topicCarrying(Class<?> valueType) {
        return Topics.ALL.stream()
                .filter(t -> t.valueType() == valueType)
                .findFirst()
                .orElse(null);
    }

    private static boolean isContract(Class<?> valueType) {
        return Arrays.stream(Fixture.values()).anyMatch(f -> f.type == valueType);
    }

    private static String kind(Topic<?, ?> topic) {
        if (Topics.INTERNAL.contains(topic)) {
            return "internal";
        }
        if (Topics.CONSUMED.stream().anyMatch(t -> t.deadLetters().equals(topic))) {
            return "dead-letter";
        }
        return "public";
    }
}
