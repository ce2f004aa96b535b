package io.apath.contracts;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The AsyncAPI document {@value #DOCUMENT} as a tree, and what the tests need to read it: references resolved,
 * payloads turned into the JSON Schema locations the validator loads, header and key schemas inlined.
 */
final class AsyncApi {

    static final String DOCUMENT = "asyncapi.yaml";

    /** The official AsyncAPI 3.0.0 JSON Schema (draft-07), vendored from {@code @asyncapi/specs} 6.11.1. */
    static final String OFFICIAL_SCHEMA = "asyncapi-spec/asyncapi-3.0.0.schema.json";

    /** The {@code schemaFormat} of our payloads: the files under {@code schemas/v1/} are draft 2020-12. */
    static final String JSON_SCHEMA_2020_12 = "application/schema+json;version=draft-2020-12";

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private static final JsonSchemaFactory DRAFT_07 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private AsyncApi() {}

    static String text() {
        return resource(DOCUMENT);
    }

    static JsonNode tree() {
        return YAML.readTree(text());
    }

    static String toJson(JsonNode document) {
        return Fixture.MAPPER.writeValueAsString(document);
    }

    /** Problems the official AsyncAPI 3.0.0 JSON Schema finds in the document (JSON or YAML text). */
    static Set<ValidationMessage> officialSchemaProblems(String document, InputFormat format) {
        JsonSchema schema = DRAFT_07.getSchema(SchemaLocation.of("classpath:" + OFFICIAL_SCHEMA), CONFIG);
        return schema.validate(document, format);
    }

    /** The node a reference points to: {@code #/...} inside the document, or a file beside it plus a fragment. */
    static JsonNode resolve(JsonNode document, String ref) {
        int hash = ref.indexOf('#');
        String file = hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        JsonNode root = file.isEmpty() ? document : Fixture.MAPPER.readTree(resource(relativeToDocument(file)));
        JsonNode target = root.at(pointer);
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("unresolvable $ref " + ref);
        }
        return target;
    }

    /** Follows {@code $ref}s until a node that is not a reference. */
    static JsonNode deref(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref"); hops++) {
            if (hops > 10) {
                throw new IllegalArgumentException("reference cycle at " + node);
            }
            current = resolve(document, current.get("$ref").asString());
        }
        return current;
    }

    /** A copy of {@code schema} with every reference into the document replaced by what it points to. */
    static JsonNode inline(JsonNode document, JsonNode schema) {
        JsonNode resolved = schema.has("$ref") ? deref(document, schema) : schema;
        JsonNode copy = resolved.deepCopy();
        if (copy.isObject()) {
            ObjectNode object = (ObjectNode) copy;
            for (String name : new ArrayList<>(object.propertyNames())) {
                object.set(name, inline(document, object.get(name)));
            }
        } else if (copy.isArray()) {
            for (int i = 0; i < copy.size(); i++) {
                ((tools.jackson.databind.node.ArrayNode) copy).set(i, inline(document, copy.get(i)));
            }
        }
        return copy;
    }

    /** Channel id → channel, in document order. */
    static Map<String, JsonNode> channels(JsonNode document) {
        Map<String, JsonNode> channels = new LinkedHashMap<>();
        document.path("channels").properties().forEach(e -> channels.put(e.getKey(), e.getValue()));
        return channels;
    }

    /** Message id → message (references followed) of one channel. */
    static Map<String, JsonNode> messages(JsonNode document, JsonNode channel) {
        Map<String, JsonNode> messages = new LinkedHashMap<>();
        channel.path("messages").properties().forEach(e -> messages.put(e.getKey(), deref(document, e.getValue())));
        return messages;
    }

    /** The channel whose address is {@code topic}, or null. */
    static JsonNode channelFor(JsonNode document, String topic) {
        return channels(document).values().stream()
                .filter(c -> topic.equals(c.path("address").asString(null)))
                .findFirst()
                .orElse(null);
    }

    /**
     * Where the validator finds a message's payload schema: our schema's {@code $id} (plus the fragment), derived
     * from the {@code $ref} beside the document; null when the payload is not one of our JSON Schema files.
     */
    static String payloadSchemaLocation(JsonNode message) {
        JsonNode payload = message.path("payload");
        if (!JSON_SCHEMA_2020_12.equals(payload.path("schemaFormat").asString(null))) {
            return null;
        }
        String ref = payload.path("schema").path("$ref").asString(null);
        if (ref == null) {
            return null;
        }
        int hash = ref.indexOf('#');
        String file = relativeToDocument(hash < 0 ? ref : ref.substring(0, hash));
        if (!file.startsWith(Schemas.DIRECTORY)) {
            return null;
        }
        return Schemas.ID_PREFIX + file.substring(Schemas.DIRECTORY.length()) + (hash < 0 ? "" : ref.substring(hash));
    }

    /**
     * A message's Kafka key schema, inlined: the message's own binding, else that of the last trait that has one
     * (traits carry the keys because the official schema rejects a {@code $ref} as a key, see the README).
     */
    static JsonNode key(JsonNode document, JsonNode message) {
        JsonNode key = message.path("bindings").path("kafka").path("key");
        for (JsonNode trait : message.path("traits")) {
            if (!key.isMissingNode()) {
                break;
            }
            key = deref(document, trait).path("bindings").path("kafka").path("key");
        }
        return key.isMissingNode() ? key : inline(document, key);
    }

    /** The header names a message's headers schema declares (through {@code allOf}), and which it requires. */
    record Headers(Set<String> declared, Set<String> required, JsonNode schema) {}

    static Headers headers(JsonNode document, JsonNode message) {
        JsonNode schema = inline(document, message.path("headers"));
        Set<String> declared = new LinkedHashSet<>();
        Set<String> required = new LinkedHashSet<>();
        collectHeaders(schema, declared, required);
        return new Headers(declared, required, schema);
    }

    private static void collectHeaders(JsonNode schema, Set<String> declared, Set<String> required) {
        declared.addAll(schema.path("properties").propertyNames());
        schema.path("required").forEach(name -> required.add(name.asString()));
        schema.path("allOf").forEach(part -> collectHeaders(part, declared, required));
    }

    /** Validates a JSON value against an AsyncAPI Schema Object (a draft-07 superset) already inlined. */
    static Set<ValidationMessage> validateAsyncApiSchema(JsonNode schema, String json) {
        return DRAFT_07.getSchema(Fixture.MAPPER.writeValueAsString(schema), CONFIG)
                .validate(json, InputFormat.JSON);
    }

    /** Every {@code $ref} value in the document, with the JSON pointer of the node holding it. */
    static List<Map.Entry<String, String>> references(JsonNode document) {
        List<Map.Entry<String, String>> refs = new ArrayList<>();
        collectReferences(document, "", refs);
        return refs;
    }

    private static void collectReferences(JsonNode node, String at, List<Map.Entry<String, String>> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref") && e.getValue().isString()) {
                    refs.add(Map.entry(at, e.getValue().asString()));
                } else {
                    collectReferences(e.getValue(), at + "/" + e.getKey(), refs);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectReferences(node.get(i), at + "/" + i, refs);
            }
        }
    }

    private static String relativeToDocument(String file) {
        return file.startsWith("./") ? file.substring(2) : file;
    }

    private static String resource(String name) {
        try (InputStream in = AsyncApi.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
