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
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** The v1 JSON Schemas, loaded by their {@code $id} (which must therefore match their file names). */
final class Schemas {

    static final String ID_PREFIX = "https://apath.io/schemas/v1/";
    static final String DIRECTORY = "schemas/v1/";
    static final List<String> FILES = List.of(
            "mention.schema.json",
            "classified-mention.schema.json",
            "journey-event.schema.json",
            "customer-journey.schema.json",
            "suppression.schema.json");

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(ID_PREFIX, "classpath:" + DIRECTORY)));

    // 2020-12 treats "format" as an annotation only; we want "date-time" checked.
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private Schemas() {}

    static Set<ValidationMessage> validate(String schemaFile, String json) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(ID_PREFIX + schemaFile), CONFIG);
        return schema.validate(json, InputFormat.JSON);
    }

    /** Validates against a schema given by its {@code $id}, possibly with a fragment ({@code ...json#/$defs/X}). */
    static Set<ValidationMessage> validateAt(String location, String json) {
        return FACTORY.getSchema(SchemaLocation.of(location), CONFIG).validate(json, InputFormat.JSON);
    }

    static Set<ValidationMessage> validate(String schemaFile, JsonNode json) {
        return validate(schemaFile, Fixture.MAPPER.writeValueAsString(json));
    }

    static JsonNode tree(String schemaFile) {
        try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(DIRECTORY + schemaFile)) {
            if (in == null) {
                throw new IllegalStateException("no schema " + DIRECTORY + schemaFile);
            }
            return Fixture.MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
