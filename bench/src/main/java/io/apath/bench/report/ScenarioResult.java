package io.apath.bench.report;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one scenario measured: the full figures as JSON, a Markdown section for humans, and any plots (file name →
 * SVG text). The Markdown refers to plots by file name; {@link ResultWriter} puts them next to it.
 */
public record ScenarioResult(String scenario, ObjectNode json, String markdown, Map<String, String> plots) {

    public ScenarioResult {
        plots = new LinkedHashMap<>(plots);
    }
}
