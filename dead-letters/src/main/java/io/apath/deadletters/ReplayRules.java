package io.apath.deadletters;

import io.apath.contracts.Topic;
import io.apath.contracts.Topics;
import java.util.List;
import java.util.Optional;

/**
 * What a replay does with each dead letter of one dead-letter topic: write it back to the topic it came from, pass it
 * over (it does not match {@code --error-contains}), or refuse it. A record is only ever written to a topic whose
 * dead letters land on this one ({@link Topics#deadLetteredTo}), so a wrong or forged header cannot send it anywhere
 * else, say onto {@code journey-state.v1}.
 */
final class ReplayRules {

    enum Action {
        REPLAY,
        PASS_OVER,
        REFUSE
    }

    /** What to do with one dead letter; {@code target} is set for REPLAY, {@code reason} otherwise. */
    record Verdict(Action action, String target, String reason) {

        static Verdict replay(String target) {
            return new Verdict(Action.REPLAY, target, null);
        }

        static Verdict passOver(String reason) {
            return new Verdict(Action.PASS_OVER, null, reason);
        }

        static Verdict refuse(String reason) {
            return new Verdict(Action.REFUSE, null, reason);
        }
    }

    private final List<String> allowedTargets;
    private final String errorContains;

    /**
     * @param deadLetterTopic a dead-letter topic of the catalogue
     * @param errorContains replay only dead letters whose error contains this text (ignoring case); null for all
     * @throws IllegalArgumentException when {@code deadLetterTopic} is not a dead-letter topic of the catalogue
     */
    ReplayRules(String deadLetterTopic, String errorContains) {
        this.allowedTargets = sourcesOf(deadLetterTopic);
        this.errorContains = errorContains;
    }

    /**
     * The topics a dead-letter topic's records may be replayed to.
     *
     * @throws IllegalArgumentException when {@code deadLetterTopic} is not a dead-letter topic of the catalogue
     */
    static List<String> sourcesOf(String deadLetterTopic) {
        List<String> sources =
                Topics.deadLetteredTo(deadLetterTopic).stream().map(Topic::name).toList();
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("'" + deadLetterTopic + "' is not a dead-letter topic (one of "
                    + String.join(", ", deadLetterTopics()) + ")");
        }
        return sources;
    }

    static List<String> deadLetterTopics() {
        return Topics.CONSUMED.stream().map(t -> t.deadLetters().name()).toList();
    }

    Verdict decide(DeadLetter letter) {
        Optional<String> original = letter.originalTopic();
        if (original.isEmpty()) {
            return Verdict.refuse("no header names the topic it came from");
        }
        if (!allowedTargets.contains(original.get())) {
            return Verdict.refuse("it names '" + original.get() + "', which does not dead-letter here (only "
                    + String.join(", ", allowedTargets) + ")");
        }
        if (errorContains != null && !letter.errorContains(errorContains)) {
            return Verdict.passOver("its error does not contain '" + errorContains + "'");
        }
        return Verdict.replay(original.get());
    }
}
