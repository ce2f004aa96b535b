package io.apath.deadletters;

import static io.apath.deadletters.DeadLetterTest.header;
import static io.apath.deadletters.DeadLetterTest.letter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apath.contracts.DeadLetterHeaders;
import io.apath.deadletters.ReplayRules.Action;
import io.apath.deadletters.ReplayRules.Verdict;
import org.junit.jupiter.api.Test;

class ReplayRulesTest {

    @Test
    void replaysToTheTopicTheRecordCameFrom() {
        Verdict verdict = new ReplayRules("mentions-classified.v1.dlq", null)
                .decide(letter(header(DeadLetterHeaders.ORIGINAL_TOPIC, "journey-commands.v1")));

        assertThat(verdict).isEqualTo(Verdict.replay("journey-commands.v1"));
    }

    @Test
    void refusesATopicThatDoesNotDeadLetterHere() {
        ReplayRules rules = new ReplayRules("mentions.v1.dlq", null);

        assertThat(rules.decide(letter(header(DeadLetterHeaders.ORIGINAL_TOPIC, "journey-state.v1"))))
                .satisfies(v -> {
                    assertThat(v.action()).isEqualTo(Action.REFUSE);
                    assertThat(v.reason())
                            .isEqualTo("it names 'journey-state.v1', which does not dead-letter here"
                                    + " (only mentions.v1)");
                });
        assertThat(rules.decide(letter()).reason()).isEqualTo("no header names the topic it came from");
    }

    @Test
    void passesOverWhatTheErrorFilterDoesNotMatch() {
        ReplayRules rules = new ReplayRules("mentions.v1.dlq", "model");

        assertThat(rules.decide(letter(
                                header(DeadLetterHeaders.ORIGINAL_TOPIC, "mentions.v1"),
                                header(DeadLetterHeaders.EXCEPTION_MESSAGE, "bad JSON")))
                        .action())
                .isEqualTo(Action.PASS_OVER);
        assertThat(rules.decide(letter(
                                header(DeadLetterHeaders.ORIGINAL_TOPIC, "mentions.v1"),
                                header(DeadLetterHeaders.EXCEPTION_MESSAGE, "Model not loaded")))
                        .action())
                .isEqualTo(Action.REPLAY);
    }

    @Test
    void knowsOnlyTheCataloguesDeadLetterTopics() {
        assertThatThrownBy(() -> new ReplayRules("mentions.v1", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'mentions.v1' is not a dead-letter topic (one of mentions.v1.dlq,"
                        + " mentions-classified.v1.dlq, suppressions.v1.dlq)");
    }
}
