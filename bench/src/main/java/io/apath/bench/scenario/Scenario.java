package io.apath.bench.scenario;

import io.apath.bench.report.ScenarioResult;

/** One measurement, runnable on its own by name. */
public interface Scenario {

    String name();

    ScenarioResult run(Context context) throws Exception;
}
