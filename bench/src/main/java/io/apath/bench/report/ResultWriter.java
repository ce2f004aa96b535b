package io.apath.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a scenario's result as {@code bench/results/<stamp>-<scenario>.json} and {@code .md} (plots beside them) and
 * appends the Markdown, headed by date, machine, load average and the exact command, to the root {@code BENCHMARKS.md}.
 */
public final class ResultWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path repoRoot;
    private final Path resultsDir;

    public ResultWriter(Path repoRoot) {
        this(repoRoot, repoRoot.resolve("bench").resolve("results"));
    }

    /** @param resultsDir where the JSON, Markdown and plots go (the smoke test keeps them out of the repository) */
    public ResultWriter(Path repoRoot, Path resultsDir) {
        this.repoRoot = repoRoot;
        this.resultsDir = resultsDir;
    }

    /** @return the Markdown file written */
    public Path write(
            ScenarioResult result,
            Machine machine,
            String command,
            String services,
            Instant started,
            String loadBefore,
            String loadAfter,
            boolean appendToBenchmarks) {
        String stamp = STAMP.format(started);
        String base = stamp + "-" + result.scenario();
        ObjectNode json = JSON.createObjectNode();
        json.put("scenario", result.scenario());
        json.put("started", started.toString());
        json.put("command", command);
        json.set("machine", JSON.valueToTree(machine));
        json.put("services", services);
        json.put("loadAverageBefore", loadBefore);
        json.put("loadAverageAfter", loadAfter);
        json.set("result", result.json());

        StringBuilder md = new StringBuilder();
        md.append("### `")
                .append(result.scenario())
                .append("` — ")
                .append(started)
                .append("\n\n");
        md.append(String.format(
                "- machine: %d cores, %,d MiB, %s; %s; %s%n",
                machine.cores(), machine.memoryMiB(), machine.cpu(), machine.jdk(), machine.os()));
        md.append("- load average (1/5/15 min) before: ")
                .append(loadBefore)
                .append(", after: ")
                .append(loadAfter)
                .append(" (2 cores: above 2, processes were waiting for CPU; the run's own JVMs count too)\n");
        md.append("- command: `").append(command).append("`\n");
        md.append("- services measured: ").append(services).append("\n");
        md.append("- raw result: [`bench/results/")
                .append(base)
                .append(".json`](bench/results/")
                .append(base)
                .append(".json)\n\n");
        String body = result.markdown();
        for (Map.Entry<String, String> plot : result.plots().entrySet()) {
            String file = base + "-" + plot.getKey();
            body = body.replace("(" + plot.getKey() + ")", "(bench/results/" + file + ")");
        }
        md.append(body).append("\n");
        try {
            Files.createDirectories(resultsDir);
            for (Map.Entry<String, String> plot : result.plots().entrySet()) {
                Files.writeString(resultsDir.resolve(base + "-" + plot.getKey()), plot.getValue());
            }
            Files.writeString(
                    resultsDir.resolve(base + ".json"),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
            Path mdFile = resultsDir.resolve(base + ".md");
            Files.writeString(mdFile, md.toString());
            if (appendToBenchmarks) {
                Path benchmarks = repoRoot.resolve("BENCHMARKS.md");
                if (!Files.exists(benchmarks)) {
                    Files.writeString(
                            benchmarks, "# A-Path benchmarks\n\nAppended by `bench/run`; see bench/README.md.\n\n");
                }
                Files.writeString(benchmarks, md + "\n", StandardOpenOption.APPEND);
            }
            return mdFile;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
