package io.apath.journey.domain;

import io.apath.contracts.JourneyEvent;
import java.util.List;

/** The outcome of one mention for one customer: the new state (null if nothing changed) and the events it caused. */
public record JourneyUpdate(JourneyState state, List<JourneyEvent> events) {

    public static final JourneyUpdate NONE = new JourneyUpdate(null, List.of());

    public JourneyUpdate {
        events = List.copyOf(events);
    }

    public boolean changed() {
        return state != null;
    }
}
