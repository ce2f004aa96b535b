package io.apath.bench;

import io.apath.bench.pipeline.BenchEnvironment;
import io.apath.bench.pipeline.Service;
import io.apath.bench.profile.HotMethods;
import io.apath.bench.report.Machine;
import io.apath.bench.report.ResultWriter;
import io.apath.bench.report.ScenarioResult;
import io.apath.bench.scenario.Context;
import io.apath.bench.scenario.Options;
import io.apath.bench.scenario.Scenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code bench/run <scenario> [--option=value ...]}: runs one scenario (see bench/README.md), writes its JSON and
 * Markdown under bench/results and appends the Markdown to BENCHMARKS.md (unless {@code --no-append}).
 */
public final class Bench {

    private Bench() {}

    private static String commit(Path repo) {
        try {
            Process git = new ProcessBuilder("git", "-C", repo.toString(), "log", "-1", "--format=%h %cI")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(git.getInputStream().readAllBytes()).trim();
            git.waitFor();
            return "HEAD " + out;
        } catch (IOException | InterruptedException e) {
            return "unknown commit";
        }
    }

    /** Appends what the JFR recordings (one per service JVM, dumped when it stopped) show. */
    private static ScenarioResult withProfiles(ScenarioResult result, Path jfrDir) throws IOException {
        StringBuilder md = new StringBuilder(result.markdown());
        md.append("\n#### Profiles (JFR, `settings=profile`, each service JVM over the measured window)\n\n");
        if (!Files.isDirectory(jfrDir)) {
            return result;
        }
        List<Path> recordings;
        try (Stream<Path> files = Files.list(jfrDir)) {
            recordings =
                    files.filter(f -> f.toString().endsWith(".jfr")).sorted().toList();
        }
        for (Path recording : recordings) {
            md.append(HotMethods.markdown(HotMethods.read(recording, 12))).append("\n");
        }
        return new ScenarioResult(result.scenario(), result.json(), md.toString(), result.plots());
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !Scenarios.names().contains(args[0])) {
            System.err.println("usage: bench/run <" + String.join("|", Scenarios.names()) + "> [--option=value ...]");
            System.exit(2);
        }
        Options options = Options.parse(Arrays.asList(args).subList(1, args.length));
        Path repo = Path.of(options.string("repo", ".")).toAbsolutePath().normalize();
        if (!Files.exists(repo.resolve("bench").resolve("pom.xml"))) {
            throw new IllegalStateException(repo + " is not the A-Path repository root (use --repo=PATH)");
        }
        Instant started = Instant.now();
        Path work = Path.of(options.string(
                "work-dir",
                repo.resolve("bench/target/work") + "/"
                        + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                                .withZone(ZoneOffset.UTC)
                                .format(started)
                        + "-" + args[0]));
        BenchEnvironment env = BenchEnvironment.create(
                repo,
                Path.of(options.string("jars-from", repo.toString())).toAbsolutePath(),
                work,
                options.all("service-jvm-opt"),
                Map.of(
                        Service.INGEST, options.all("ingest-arg"),
                        Service.CLASSIFIER, options.all("classifier-arg"),
                        Service.JOURNEY, options.all("journey-arg")),
                options.flag("profile"),
                !options.string("static-membership", "true").equals("false"));
        Context context = Context.create(env, options);
        String loadBefore = Machine.loadAverage();
        ScenarioResult result;
        try {
            result = Scenarios.byName(args[0]).run(context);
        } finally {
            env.discardJarCopies(); // every scenario stops its JVMs before it returns or throws
        }
        if (options.flag("profile")) {
            result = withProfiles(result, work.resolve("jfr"));
        }
        String loadAfter = Machine.loadAverage();
        String command = "bench/run " + String.join(" ", args);
        Path resultsDir = Path.of(options.string(
                        "results-dir", repo.resolve("bench").resolve("results").toString()))
                .toAbsolutePath();
        Path md = new ResultWriter(repo, resultsDir)
                .write(
                        result,
                        Machine.current(),
                        command,
                        options.string(
                                "services-note", "boot jars built from " + jarsFrom(env) + " (" + commit(repo) + ")"),
                        started,
                        loadBefore,
                        loadAfter,
                        !options.flag("no-append"));
        System.out.println(Files.readString(md));
        System.out.println("(work files, logs and JFR recordings in " + work + ")");
        System.exit(0);
    }

    /** Where the measured jars came from, as a reader would say it. */
    private static String jarsFrom(BenchEnvironment env) {
        String relative = env.repoRoot().relativize(env.jarsFrom()).toString();
        return relative.isEmpty() ? "this checkout" : relative;
    }
}
