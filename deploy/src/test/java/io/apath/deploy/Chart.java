package io.apath.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The A-Path Helm chart as the tests see it: linted and rendered through helm-java (Helm's own Go code, via JNI). */
final class Chart {

    static final ObjectMapper YAML = new YAMLMapper();
    static final String RELEASE = "a-path";
    static final String NAMESPACE = "a-path";

    /**
     * The value sets every validation runs against: the defaults and the shipped examples, an overlay example layered
     * over the file it is meant for (as {@code helm -f a.yaml -f b.yaml} would).
     */
    enum ValueSet {
        DEFAULTS(),
        MINIMAL("values-minimal.yaml"),
        PRODUCTION("values-production.yaml"),
        PRODUCTION_WITH_CONNECTORS("values-production.yaml", "values-connectors.yaml");

        private final List<String> files;

        ValueSet(String... files) {
            this.files = List.of(files);
        }

        /** The files in the order Helm merges them, each over the ones before. */
        List<Path> paths() {
            return files.stream()
                    .map(file -> deployDir().resolve("helm/examples").resolve(file))
                    .toList();
        }
    }

    private static final Map<ValueSet, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private Chart() {}

    static Path deployDir() {
        return Path.of(System.getProperty("deploy.dir", ".")).toAbsolutePath();
    }

    static Path chartDir() {
        return deployDir().resolve("helm/a-path");
    }

    static LintResult lint() {
        return new Helm(chartDir()).lint().strict().call();
    }

    /** Rendering is the slow part (a Go call per template pass), so each value set is rendered once per JVM. */
    static List<JsonNode> render(ValueSet values) {
        return RENDERED.computeIfAbsent(values, v -> {
            var manifests = templateLayered(v.paths(), Map.of());
            keepForReview(v, manifests);
            return parse(manifests);
        });
    }

    /** The rendered manifests stay in target/rendered for a human (or kubectl diff) to look at. */
    private static void keepForReview(ValueSet values, String manifests) {
        try {
            var dir = deployDir().resolve("target/rendered");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(values.name().toLowerCase(java.util.Locale.ROOT) + ".yaml"), manifests);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String template(Path valuesFile, Map<String, Object> sets) {
        return templateLayered(valuesFile == null ? List.of() : List.of(valuesFile), sets);
    }

    /** helm template -f first.yaml -f second.yaml ...: each file merged over the ones before. */
    static String templateLayered(List<Path> valuesFiles, Map<String, Object> sets) {
        var command = new Helm(chartDir())
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion("1.30.0");
        for (var valuesFile : valuesFiles) {
            command = command.withValuesFile(valuesFile);
        }
        for (var set : sets.entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        return command.call();
    }

    static List<JsonNode> parse(String manifests) {
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(manifests)) {
            var objects = new ArrayList<JsonNode>();
            while (documents.hasNext()) {
                var document = documents.next();
                if (document != null && document.isObject() && !document.isEmpty()) {
                    objects.add(document);
                }
            }
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> parse(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode copy(JsonNode object) {
        return (ObjectNode) object.deepCopy();
    }

    static String describe(JsonNode object) {
        return object.path("kind").asText() + "/"
                + object.path("metadata").path("name").asText();
    }
}
