package io.apath.bench.scenario;

import io.apath.bench.report.Markdown;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One JMH run of some of a benchmark class's methods, in forked JVMs, one thread (so ops/s is per core), with the
 * command line's {@code --forks --warmup-iterations --iterations --seconds --benchmarks --jvm --jvm-arg}; what the JMH
 * scenarios share.
 */
record JmhRun(List<Score> scores, int forks, int warmups, int iterations, int seconds, String jvm) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One benchmark's score: the mean over the measured iterations in {@code unit} (ops/s for throughput, s/op for a
     * single shot), and JMH's 99.9 % confidence half-width.
     */
    record Score(String benchmark, double score, double error, String unit, long iterations) {

        /** The low end of the interval: a shared VM's one slow iteration widens it, and that should show. */
        double low() {
            return score - (Double.isNaN(error) ? 0 : error);
        }

        /** The high end of the interval. */
        double high() {
            return score + (Double.isNaN(error) ? 0 : error);
        }
    }

    /** @param params the benchmark class's {@code @Param}s to set, by name */
    static JmhRun run(
            Options options, Class<?> benchmarks, String defaultMethods, int defaultSeconds, Map<String, String> params)
            throws Exception {
        int forks = options.integer("forks", 1);
        int warmups = options.integer("warmup-iterations", 3);
        int iterations = options.integer("iterations", 5);
        int seconds = options.integer("seconds", defaultSeconds);
        String methods = options.string("benchmarks", defaultMethods);
        ChainedOptionsBuilder jmh = new OptionsBuilder()
                .forks(forks)
                .warmupIterations(warmups)
                .measurementIterations(iterations)
                .threads(1);
        if (seconds > 0) { // a single-shot benchmark's iteration is one call, however long
            jmh.warmupTime(TimeValue.seconds(seconds)).measurementTime(TimeValue.seconds(seconds));
        }
        params.forEach(jmh::param);
        for (String method : methods.split(",")) {
            jmh.include(benchmarks.getName() + "\\." + method.trim() + "$");
        }
        String jvm = options.string("jvm", "");
        if (!jvm.isEmpty()) {
            jmh.jvm(jvm); // e.g. the JDK 25 beside the default 17
        }
        List<String> jvmArgs = options.all("jvm-arg"); // e.g. -XX:StartFlightRecording=filename=x.jfr,settings=profile
        if (!jvmArgs.isEmpty()) {
            jmh.jvmArgsAppend(jvmArgs.toArray(String[]::new));
        }
        Collection<RunResult> results = new Runner(jmh.build()).run();
        if (results.isEmpty()) {
            throw new IllegalStateException("JMH ran no benchmark matching --benchmarks=" + methods);
        }
        List<Score> scores = new ArrayList<>();
        for (RunResult run : results) {
            Result<?> primary = run.getPrimaryResult();
            String label = run.getParams().getBenchmark();
            scores.add(new Score(
                    label.substring(label.lastIndexOf('.') + 1),
                    primary.getScore(),
                    primary.getScoreError(),
                    primary.getScoreUnit(),
                    primary.getStatistics().getN()));
        }
        scores.sort(Comparator.comparing(Score::benchmark));
        return new JmhRun(
                scores,
                forks,
                warmups,
                iterations,
                seconds,
                jvm.isEmpty() ? System.getProperty("java.home") + "/bin/java" : jvm);
    }

    /** The run's settings and scores, for the scenario's raw JSON. */
    ObjectNode json() {
        ObjectNode json = JSON.createObjectNode();
        json.put("forks", forks);
        json.put("warmupIterations", warmups);
        json.put("iterations", iterations);
        json.put("secondsPerIteration", seconds);
        json.put("jvm", jvm);
        ArrayNode array = json.putArray("scores");
        scores.forEach(s -> array.add(JSON.valueToTree(s)));
        return json;
    }

    /** "1 fork(s) of `java`, 3 × 2 s warm-up, 5 × 2 s measured; ± is JMH's 99.9 % confidence half-width." */
    String settings() {
        String each = seconds > 0 ? " × " + seconds + " s" : " single shots";
        return String.format(
                "%d fork(s) of `%s`, %d%s warm-up, %d%s measured; ± is JMH's 99.9 %% confidence half-width",
                forks, jvm, warmups, each, iterations, each);
    }

    /** "12,345 ± 678" */
    static String withError(Score s) {
        return Markdown.count(s.score()) + " ± " + Markdown.count(s.error());
    }
}
