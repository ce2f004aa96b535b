package io.apath.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Kubeconform-style strict schema check, offline. The JSON schemas come from the fabric8 Kubernetes model jars
 * (generated from the Kubernetes 1.30 API types; unpacked by the build), tightened the way kubeconform's
 * "-strict" schemas are: every object type with declared properties rejects unknown ones. Kinds without a fabric8
 * schema (KEDA) use the schemas under src/test/resources/schemas.
 */
final class KubernetesSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final List<String> GENERATOR_KEYWORDS =
            List.of("javaType", "existingJavaType", "javaInterfaces", "javaOmitEmpty", "id", "$module", "resources");

    private static volatile KubernetesSchemas instance;

    private final Map<String, Entry> byTypeKey = new HashMap<>();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private record Entry(ObjectNode definitions, String definition) {}

    static KubernetesSchemas load() {
        if (instance == null) {
            synchronized (KubernetesSchemas.class) {
                if (instance == null) {
                    instance = new KubernetesSchemas();
                }
            }
        }
        return instance;
    }

    private KubernetesSchemas() {
        var dir = Path.of(System.getProperty("kubernetes.schemas.dir", "target/kubernetes-schemas"));
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(f -> f.getFileName().toString().equals("validation-schema.json"))
                    .sorted()
                    .forEach(this::index);
        } catch (IOException e) {
            throw new UncheckedIOException("no Kubernetes schemas in " + dir + "; run the Maven build", e);
        }
        try (var keda = KubernetesSchemas.class.getResourceAsStream("/schemas/keda.sh_v1alpha1.json")) {
            index((ObjectNode) JSON.readTree(keda));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void index(Path file) {
        try {
            index((ObjectNode) JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void index(ObjectNode root) {
        var definitions = (ObjectNode) root.get("definitions");
        tighten(definitions);
        definitions.fieldNames().forEachRemaining(name -> {
            var properties = definitions.get(name).path("properties");
            var apiVersion = properties.path("apiVersion").path("default").asText("");
            var kind = properties.path("kind").path("default").asText("");
            if (!apiVersion.isEmpty() && !kind.isEmpty()) {
                byTypeKey.putIfAbsent(apiVersion + "/" + kind, new Entry(definitions, name));
            }
        });
    }

    /** Turns the generator's permissive schema into a strict one and drops its Java-only keywords. */
    private static void tighten(ObjectNode definitions) {
        definitions.fieldNames().forEachRemaining(name -> {
            if (name.endsWith("pkg_util_intstr_IntOrString")) {
                definitions.set(name, typeUnion("integer", "string"));
            } else if (name.endsWith("pkg_api_resource_Quantity")) {
                definitions.set(name, typeUnion("string", "number"));
            }
        });
        tightenNode(definitions);
    }

    private static void tightenNode(JsonNode node) {
        if (node instanceof ObjectNode object) {
            GENERATOR_KEYWORDS.forEach(object::remove);
            if (object.path("required").isBoolean()) {
                object.remove("required");
            }
            if (object.has("properties") && object.path("properties").isObject()) {
                object.put("additionalProperties", false);
                // The properties map's keys are field names, not keywords: tighten each field's schema, not the map.
                Iterator<Map.Entry<String, JsonNode>> fields =
                        object.get("properties").fields();
                fields.forEachRemaining(field -> tightenNode(field.getValue()));
            }
            object.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("properties")) {
                    tightenNode(field.getValue());
                }
            });
        } else if (node != null && node.isArray()) {
            node.forEach(KubernetesSchemas::tightenNode);
        }
    }

    private static ObjectNode typeUnion(String... types) {
        var node = JsonNodeFactory.instance.objectNode();
        var array = node.putArray("type");
        for (var type : types) {
            array.add(type);
        }
        return node;
    }

    boolean knows(JsonNode object) {
        return byTypeKey.containsKey(typeKey(object));
    }

    /** The violations of one object; "no schema" is a violation too, so an unknown kind cannot slip through. */
    List<String> validate(JsonNode object) {
        var key = typeKey(object);
        var entry = byTypeKey.get(key);
        var where = Chart.describe(object);
        if (entry == null) {
            return List.of(where + ": no schema for " + key);
        }
        var schema = compiled.computeIfAbsent(key, k -> compile(entry));
        var violations = new ArrayList<String>();
        for (ValidationMessage message : schema.validate(object)) {
            violations.add(where + ": " + message.getMessage());
        }
        return violations;
    }

    private static JsonSchema compile(Entry entry) {
        var wrapper = JsonNodeFactory.instance.objectNode();
        wrapper.put("$schema", "http://json-schema.org/draft-07/schema#");
        wrapper.set("definitions", entry.definitions());
        wrapper.put("$ref", "#/definitions/" + entry.definition());
        return FACTORY.getSchema(wrapper);
    }

    private static String typeKey(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }
}
