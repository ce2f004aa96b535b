package io.apath.journey.binding;

import io.apath.contracts.JourneyEvent;
import io.apath.journey.topology.JourneyObserver;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Journey meters, tagged only with low-cardinality values (input type, outcome, event type, stages, tenant is NOT a
 * tag: tenants may be many; the funnel API gives per-tenant numbers).
 */
final class MicrometerJourneyObserver implements JourneyObserver {

    private final MeterRegistry registry;

    MicrometerJourneyObserver(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void input(String inputType, String outcome) {
        registry.counter("apath.journey.inputs", "type", inputType, "outcome", outcome)
                .increment();
        if (outcome.equals("rejected")) {
            registry.counter("apath.journey.dead.letters").increment();
        }
    }

    @Override
    public void event(JourneyEvent event) {
        String type = event.getClass().getSimpleName();
        if (event instanceof JourneyEvent.StageAdvanced a) {
            transition(type, a.from().name(), a.to().name());
        } else if (event instanceof JourneyEvent.StageRegressed r) {
            transition(type, r.from().name(), r.to().name());
        } else if (event instanceof JourneyEvent.CustomerNoticed n) {
            transition(type, "NONE", n.stage().name());
        } else if (event instanceof JourneyEvent.ResponseOverdue) {
            registry.counter("apath.journey.response.sla.breaches").increment();
        }
        registry.counter("apath.journey.events", "type", type).increment();
    }

    private void transition(String type, String from, String to) {
        registry.counter("apath.journey.transitions", "type", type, "from", from, "to", to)
                .increment();
    }

    @Override
    public void timersFired(int count) {
        registry.counter("apath.journey.timers.fired").increment(count);
    }
}
