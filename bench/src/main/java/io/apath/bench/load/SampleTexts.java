package io.apath.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The post texts of the repo's {@code samples/mentions.ndjson} (bundled into the bench jar), real social posts. */
public final class SampleTexts {

    private static final String RESOURCE = "/samples/mentions.ndjson";

    private SampleTexts() {}

    public static List<String> load() {
        try (InputStream in = SampleTexts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> parse(String ndjson) {
        JsonMapper json = JsonMapper.builder().build();
        List<String> texts = ndjson.lines()
                .filter(line -> !line.isBlank())
                .map(line -> json.readTree(line).get("text"))
                .filter(text ->
                        text != null && text.isString() && !text.asString().isBlank())
                .map(JsonNode::asString)
                .toList();
        if (texts.isEmpty()) {
            throw new IllegalStateException("no texts in the samples");
        }
        return texts;
    }
}
