package io.apath.classifier.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code classify}, the contract for external evaluation, with and without the second opinion. */
class ClassifierCliTest {

    private static final String INPUT =
            """
            {"id":"a","text":"@acme my order arrived broken and nobody answers, worst service ever"}

            {"id":"b","text":"Thank you @acme, the new app is great!"}
            """;

    private static List<JsonNode> classify(String... options) throws Exception {
        return classifyInput(INPUT, options);
    }

    private static List<JsonNode> classifyInput(String input, String... options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = new String[options.length + 1];
        args[0] = "classify";
        System.arraycopy(options, 0, args, 1, options.length);
        int status = ClassifierCli.run(
                args,
                new ByteArrayInputStream(input.getBytes(UTF_8)),
                new PrintStream(out, true, UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, UTF_8));
        assertThat(status).isZero();
        JsonMapper json = JsonMapper.builder().build();
        return out.toString(UTF_8).lines().map(json::readTree).toList();
    }

    @Test
    void eachInputLineGivesOnePredictionInTheDocumentedShape() throws Exception {
        List<JsonNode> lines = classify();

        assertThat(lines).hasSize(2);
        JsonNode a = lines.get(0);
        assertThat(a.get("id").asString()).isEqualTo("a");
        assertThat(a.get("primaryIntent").asString()).isEqualTo("COMPLAINT");
        assertThat(a.get("labels").get(0).asString()).isEqualTo("COMPLAINT");
        assertThat(a.get("intents").size()).isEqualTo(9);
        assertThat(a.get("sentiment").get("label").asString()).isEqualTo("negative");
        assertThat(a.get("modelVersion").asString())
                .startsWith("hashed-ngram-lr-1-")
                .doesNotContain("+");
    }

    @Test
    void withTheSecondOpinionTheShapeStaysAndTheVersionNamesBothModels() throws Exception {
        List<JsonNode> plain = classify();
        List<JsonNode> asked = classify("--second-opinion", "on", "--route-below", "1.01", "--encoder-threads", "1");

        assertThat(asked).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(asked.get(i).get("modelVersion").asString())
                    .isEqualTo(plain.get(i).get("modelVersion").asString() + "+"
                            + io.apath.classifier.model.StackedHeads.fromClasspath(ClassifierCli.SHIPPED_SECOND_OPINION)
                                    .version());
            assertThat(asked.get(i).get("sentiment")).isEqualTo(plain.get(i).get("sentiment"));
            assertThat(asked.get(i).get("intents").size()).isEqualTo(9);
        }
        assertThat(asked.get(0).get("primaryIntent").asString()).isEqualTo("COMPLAINT");
        assertThat(asked.get(1).get("primaryIntent").asString()).isEqualTo("PRAISE");
    }

    @Test
    void anUnknownSecondOpinionValueIsRefusedByName() {
        assertThatThrownBy(() -> classify("--second-opinion", "yes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--second-opinion");
    }

    @Test
    void aLineThatIsNotAnIdAndATextStopsTheRunNamingTheLine() throws Exception {
        String good = "{\"id\":\"a\",\"text\":\"great app\",\"brand\":\"acme\"}\n";

        assertThat(classifyInput(good + "{\"id\":7,\"text\":\"\"}\n"))
                .extracting(line -> line.get("id").asString())
                .as("other fields are ignored, an integer id is kept, an empty text is a post")
                .containsExactly("a", "7");
        assertThatThrownBy(() -> classifyInput(good + "\nnot json\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("input line 3 is not JSON");
        assertThatThrownBy(() -> classifyInput(good + "[1]\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("input line 2 is not a JSON object");
        assertThatThrownBy(() -> classifyInput(good + "{\"text\":\"no id\"}\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input line 2 has no \"id\" (a string or an integer)");
        assertThatThrownBy(() -> classifyInput(good + "{\"id\":\"b\",\"body\":\"wrong field\"}\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input line 2 (id b) has no \"text\" string");
    }

    @Test
    void aModelFileThatCannotBeReadIsNamed() {
        assertThatThrownBy(() -> classify("--model", "/nonexistent/model.bin"))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessage("cannot read model file /nonexistent/model.bin");
    }

    @Test
    void aFailureReadsAsItsMessageAndItsCauses() {
        assertThat(ClassifierCli.messages(new IllegalStateException(
                        "no answer from Kafka", new RuntimeException("Timeout expired", new Error("refused")))))
                .isEqualTo(
                        "no answer from Kafka\n  caused by RuntimeException: Timeout expired\n  caused by Error: refused");
    }
}
