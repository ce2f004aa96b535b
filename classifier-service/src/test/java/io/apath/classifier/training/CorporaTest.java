package io.apath.classifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apath.classifier.training.Example.Source;
import io.apath.contracts.Intent;
import io.apath.contracts.SentimentLabel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which heads each neighbouring corpus teaches: the mappings were checked against the hand labels (Corpora). */
class CorporaTest {

    @TempDir
    Path dir;

    @Test
    void complaintsTeachComplaintAndWhetherThePostAddressesABrand() throws IOException {
        Path file = write(
                "complaints.csv",
                "id,text,label,domain",
                "1,@acme my order never arrived,1,retail",
                "2,@acme can I return this in store?,0,apparel",
                "3,what a lovely sunny day,0,random_tweet");

        List<Example> rows = Corpora.readComplaints(file);

        Example complaint = rows.get(0);
        assertThat(complaint.is(Intent.COMPLAINT)).isTrue();
        assertThat(complaint.knows(Intent.IRRELEVANT) && !complaint.is(Intent.IRRELEVANT))
                .isTrue();
        assertThat(complaint.knows(Intent.INFORMATIONAL) && !complaint.is(Intent.INFORMATIONAL))
                .isTrue();

        Example question = rows.get(1);
        assertThat(question.knows(Intent.COMPLAINT) && !question.is(Intent.COMPLAINT))
                .isTrue();
        assertThat(question.knows(Intent.IRRELEVANT) && !question.is(Intent.IRRELEVANT))
                .isTrue();
        assertThat(question.knows(Intent.INFORMATIONAL))
                .as("a brand-directed non-complaint may be informational")
                .isFalse();

        Example random = rows.get(2);
        assertThat(random.is(Intent.IRRELEVANT)).isTrue();
        assertThat(random.intentWeights()[Intent.IRRELEVANT.ordinal()]).isEqualTo(Corpora.NEIGHBOUR);
        assertThat(random.knows(Intent.INFORMATIONAL) && !random.is(Intent.INFORMATIONAL))
                .isTrue();
        assertThat(rows).noneMatch(Example::hasGoldIntents);
    }

    @Test
    void sandersIrrelevantIsNotTheGuidelinesIrrelevant() throws IOException {
        Path file = write(
                "sanders.csv",
                "topic,sentiment,id,text",
                "apple,positive,1,loving the new @apple keyboard",
                "google,irrelevant,2,Ich will das galaxy nexus. sofort! #google");

        List<Example> rows = Corpora.readSanders(file);

        Example positive = rows.get(0);
        assertThat(positive.sentiment()).isEqualTo(SentimentLabel.POSITIVE.ordinal());
        assertThat(positive.knows(Intent.IRRELEVANT) && !positive.is(Intent.IRRELEVANT))
                .isTrue();

        Example offTopic = rows.get(1);
        assertThat(offTopic.knows(Intent.IRRELEVANT)).isFalse();
        assertThat(offTopic.hasSentiment()).isFalse();
    }

    @Test
    void aCorrectionsLineThatIsNotAGuidelineItemIsRefusedByFileAndLine() throws IOException {
        String good =
                "{\"id\":\"1\",\"text\":\"my bag is lost\",\"labels\":[\"complaint\"],\"sentiment\":\"negative\"}";
        Path labels = write("labels.jsonl", good, "", "{\"id\":\"2\",\"text\":\"x\",\"labels\":[\"NOPE\"]}");
        Path sentiment = write(
                "sentiment.jsonl", "{\"id\":\"3\",\"text\":\"x\",\"labels\":[\"PRAISE\"],\"sentiment\":\"happy\"}");
        Path json = write("json.jsonl", good, "{\"id\":");

        assertThat(Corpora.readIntents(write("good.jsonl", good), Source.CORRECTIONS))
                .singleElement()
                .satisfies(e -> assertThat(e.is(Intent.COMPLAINT)).isTrue());
        assertThatThrownBy(() -> Corpora.readIntents(labels, Source.CORRECTIONS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(labels + " line 3: unknown Intent 'NOPE' (one of COMPLAINT, ");
        assertThatThrownBy(() -> Corpora.readIntents(sentiment, Source.CORRECTIONS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(sentiment + " line 1: unknown SentimentLabel 'happy' (one of NEGATIVE, NEUTRAL, POSITIVE)");
        assertThatThrownBy(() -> Corpora.readIntents(json, Source.CORRECTIONS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(json + " line 2: not JSON");
    }

    @Test
    void extraLabelsTrainLikeHandLabelsAndAreTheirOwnSource() throws IOException {
        Files.write(
                dir.resolve(Corpora.INTENTS_FILE),
                List.of(
                        "{\"id\":\"h\",\"text\":\"lost my bag\",\"labels\":[\"COMPLAINT\"],\"sentiment\":\"negative\"}"));
        Path extra = write(
                "more.jsonl",
                "{\"id\":\"e\",\"text\":\"take @acme, best crew\",\"labels\":[\"RECOMMENDATION\",\"PRAISE\"],"
                        + "\"sentiment\":\"positive\"}");

        List<Example> rows = Corpora.readDirectory(dir, List.of(), List.of(extra));

        assertThat(rows).extracting(Example::source).containsExactly(Source.INTENTS, Source.EXTRA_LABELS);
        Example e = rows.get(1);
        assertThat(e.goldLabels()).containsExactly(Intent.RECOMMENDATION, Intent.PRAISE);
        assertThat(e.knows(Intent.COMPLAINT) && !e.is(Intent.COMPLAINT)).isTrue();
        assertThat(e.intentWeights()[Intent.RECOMMENDATION.ordinal()]).isEqualTo(Corpora.EXTRA);
        assertThat(e.sentiment()).isEqualTo(SentimentLabel.POSITIVE.ordinal());
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }
}
