package io.apath.journey.topology;

import io.apath.contracts.JourneyEvent;

/** What the topology reports for metrics; the binding turns it into Micrometer meters. Low-cardinality only. */
public interface JourneyObserver {

    JourneyObserver NONE = new JourneyObserver() {};

    /** @param outcome applied, duplicate, ignored or rejected */
    default void input(String inputType, String outcome) {}

    default void event(JourneyEvent event) {}

    default void timersFired(int count) {}
}
