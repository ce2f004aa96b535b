package io.apath.journey.domain;

import io.apath.contracts.JourneyEvent;
import io.apath.contracts.Suppression;
import java.util.List;

/**
 * The outcome of one input for one customer: the new state (null if nothing changed), the events it caused, and —
 * for an erasure — that the state is gone and which suppression ingest must apply.
 */
public record JourneyUpdate(JourneyState state, List<JourneyEvent> events, boolean erased, Suppression suppression) {

    public static final JourneyUpdate NONE = new JourneyUpdate(null, List.of(), false, null);

    public JourneyUpdate {
        events = List.copyOf(events);
    }

    public JourneyUpdate(JourneyState state, List<JourneyEvent> events) {
        this(state, events, false, null);
    }

    public boolean changed() {
        return state != null || erased;
    }
}
