package io.apath.journey.domain;

import io.apath.contracts.CustomerJourney;
import io.apath.contracts.CustomerKey;
import io.apath.contracts.Evidence;
import io.apath.contracts.Intent;
import io.apath.contracts.MentionId;
import io.apath.contracts.RelationshipStyle;
import io.apath.contracts.Stage;
import io.apath.contracts.StageChange;
import io.apath.journey.domain.JourneyState.ResponseWindow;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Journey states built by hand for the funnel and list tests. */
final class States {

    private States() {}

    static StageChange change(Stage from, Stage to, String at) {
        return new StageChange(from, to, "test", Instant.parse(at), List.of());
    }

    static StageChange change(Stage from, Stage to, String at, Intent intent, double confidence) {
        Evidence evidence = new Evidence(MentionId.of("acme", "x", at), intent, confidence, "test-model");
        return new StageChange(from, to, "test", Instant.parse(at), List.of(evidence));
    }

    static JourneyState state(String key, Stage highest, List<StageChange> history, List<ResponseWindow> open) {
        StageChange last = history.get(history.size() - 1);
        CustomerJourney journey = new CustomerJourney(
                new CustomerKey(key),
                new CustomerKey(key).tenant(),
                last.to(),
                RelationshipStyle.RELATIONAL,
                history.get(0).at(),
                last.at(),
                history.size(),
                Map.of(),
                history,
                last.at());
        return new JourneyState(
                journey, List.of(), highest, last.at(), List.of(), List.of(), 0, 0, null, null, open, null, null);
    }

    static JourneyState state(String key, Stage highest, StageChange... history) {
        return state(key, highest, List.of(history), List.of());
    }
}
