package io.apath.journey.binding;

import io.apath.contracts.JourneyEvent;
import io.apath.journey.topology.JourneyObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Journey meters. Tags are low-cardinality only: stages, directions, input types, outcomes — and the tenant on the
 * response-SLA meters (tenants are the configured brands, a handful; never customer keys). The input counters, hit
 * once per input, are looked up once per tag pair and kept.
 */
final class MicrometerJourneyObserver implements JourneyObserver {

    private final MeterRegistry registry;
    private final Map<String, Counter> inputs = new ConcurrentHashMap<>();

    MicrometerJourneyObserver(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void input(String inputType, String outcome) {
        inputs.computeIfAbsent(
                        inputType + '|' + outcome,
                        k -> registry.counter("apath.journey.inputs", "type", inputType, "outcome", outcome))
                .increment();
        if (outcome.equals("rejected")) {
            registry.counter("apath.journey.dead.letters").increment();
        }
    }

    @Override
    public void event(JourneyEvent event) {
        if (event instanceof JourneyEvent.StageAdvanced a) {
            transition("advanced", a.from().name(), a.to().name());
        } else if (event instanceof JourneyEvent.StageRegressed r) {
            transition("regressed", r.from().name(), r.to().name());
        } else if (event instanceof JourneyEvent.CustomerNoticed n) {
            transition("noticed", "NONE", n.stage().name());
        } else if (event instanceof JourneyEvent.ResponseDue) {
            registry.counter("apath.journey.response.due", "tenant", event.tenant())
                    .increment();
        } else if (event instanceof JourneyEvent.ResponseOverdue) {
            registry.counter("apath.journey.response.overdue", "tenant", event.tenant())
                    .increment();
        }
        registry.counter("apath.journey.events", "type", event.getClass().getSimpleName())
                .increment();
    }

    private void transition(String direction, String from, String to) {
        registry.counter("apath.journey.stage.transitions", "direction", direction, "from", from, "to", to)
                .increment();
    }

    @Override
    public void timersFired(int count) {
        registry.counter("apath.journey.timers.fired").increment(count);
    }
}
