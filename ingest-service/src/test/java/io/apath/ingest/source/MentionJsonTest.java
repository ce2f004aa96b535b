package io.apath.ingest.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apath.contracts.MentionKind;
import io.apath.ingest.domain.Submitted;
import io.apath.ingest.domain.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class MentionJsonTest {

    private static final String GOOD =
            "{\"platform\":\"x\",\"nativeId\":\"1\",\"kind\":\"REPLY\",\"author\":{\"id\":\"a\","
                    + "\"followers\":3},\"text\":\"hi\",\"createdAt\":\"2026-10-01T09:00:00Z\"}";

    @Test
    void anObjectAndAnArrayAreOneAndManyItems() {
        assertThat(MentionJson.readJson(GOOD.getBytes(UTF_8))).hasSize(1);
        List<Submitted> items = MentionJson.readJson(("[" + GOOD + "," + GOOD + "]").getBytes(UTF_8));
        assertThat(items).hasSize(2);
        assertThat(items.get(0).submission().kind()).isEqualTo(MentionKind.REPLY);
        assertThat(items.get(0).submission().author().followers()).isEqualTo(3L);
        assertThat(items.get(0).readProblems()).isEmpty();
    }

    @Test
    void wrongTypesAreNamedPerFieldInsteadOfFailingTheItem() {
        Submitted item = MentionJson.readJson(
                        GOOD.replace("\"hi\"", "7").replace("3}", "\"many\"}").getBytes(UTF_8))
                .get(0);
        assertThat(item.readProblems())
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("text", "author.followers");
        assertThat(item.submission().platform()).isEqualTo("x");
    }

    @Test
    void ndjsonLinesFailAloneAndBlankLinesAreSkipped() {
        List<Submitted> items = MentionJson.readNdjson((GOOD + "\n\n{oops\r\n" + GOOD).getBytes(UTF_8));
        assertThat(items).hasSize(3);
        assertThat(items.get(1).submission()).isNull();
        assertThat(items.get(1).readProblems().get(0).problem()).startsWith("malformed JSON");
    }

    @Test
    void invalidUtf8AndDeepNestingMakeTheBodyMalformed() {
        byte[] latin1 = "{\"text\":\"caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> MentionJson.readJson(latin1)).hasMessageContaining("UTF-8");
        byte[] deep = ("[".repeat(100) + "]".repeat(100)).getBytes(UTF_8);
        assertThatThrownBy(() -> MentionJson.readJson(deep)).isInstanceOf(MentionJson.MalformedException.class);
    }
}
