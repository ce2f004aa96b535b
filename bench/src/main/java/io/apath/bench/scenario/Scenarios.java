package io.apath.bench.scenario;

import java.util.List;

/** The scenarios {@code bench/run} knows, by name. */
public final class Scenarios {

    private static final List<Scenario> ALL = List.of(
            new Baseline(),
            new PipelineThroughput(),
            new PipelineLatency(),
            new Scaling(),
            new StageState(),
            new ClassifierThroughput(),
            new ClassifierPrediction(),
            new JourneyThroughput(),
            new JourneyWork(),
            new JourneyLatency(),
            new IngestThroughput(),
            new DlqReplay());

    private Scenarios() {}

    public static List<String> names() {
        return ALL.stream().map(Scenario::name).toList();
    }

    public static Scenario byName(String name) {
        return ALL.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scenario " + name));
    }
}
