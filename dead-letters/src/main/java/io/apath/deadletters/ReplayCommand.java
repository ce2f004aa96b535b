package io.apath.deadletters;

import io.apath.deadletters.DeadLetterReplay.Report;
import io.apath.deadletters.ReplayRules.Action;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.KafkaException;

/**
 * {@code dead-letters --bootstrap-server HOST:PORT --dlq TOPIC [options]} (the exec jar, or the image's entrypoint): replays a
 * dead-letter topic to the topics its records came from (see {@link DeadLetterReplay}). Exit 0 when the run reached the
 * topic's end, 2 for bad arguments, 1 when Kafka failed (what was committed stays replayed).
 */
public final class ReplayCommand {

    /** Dead letters listed one per line by default: enough to see what a run does, few enough for a million. */
    static final int DEFAULT_SHOWN = 100;

    /** {@code --show all}. */
    static final int SHOW_ALL = -1;

    static final String USAGE =
            """
            usage: dead-letters --bootstrap-server HOST:PORT --dlq TOPIC [options]
              (java -jar dead-letters/target/dead-letters-<version>-exec.jar, or the dead-letters image)
              --dlq TOPIC               the dead-letter topic: %s
              --dry-run                 print what would be replayed; write and commit nothing
              --error-contains TEXT     replay only dead letters whose error (class or message) contains TEXT; the
                                        others are passed over (use --from-beginning to come back for them)
              --from-beginning          start at the topic's beginning, not where the last run of the group stopped
              --limit N                 stop after replaying N (try a few first); the next run goes on from there
              --show N|all              list the first N dead letters one per line (default %d), the rest as counts
              --command-config FILE     Kafka client properties (security.protocol, sasl.*, ssl.*), as Kafka's tools
              --group NAME              consumer group and transactional id (default apath-dlq-replay-<dlq>)
              --timeout SECONDS         give up when Kafka does not answer, or no records come, for this long
                                        (default 60)
            """
                    .formatted(String.join(", ", ReplayRules.deadLetterTopics()), DEFAULT_SHOWN);

    private ReplayCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command without {@code System.exit}: returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        ReplayOptions options;
        int shown;
        try {
            options = parse(args);
            shown = shown(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try {
            Report report = DeadLetterReplay.run(options, shown, out::println);
            int read = report.actions().values().stream()
                    .mapToInt(Integer::intValue)
                    .sum();
            if (shown != SHOW_ALL && read > shown) {
                out.println("... and " + (read - shown) + " more, not listed (--show all lists every one)");
            }
            if (!report.errorTypes().isEmpty()) {
                out.println(errors(report));
            }
            out.println(summary(options, report));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (KafkaException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    static ReplayOptions parse(String[] args) {
        Properties client = new Properties();
        String bootstrap = null;
        String dlq = null;
        String group = null;
        String errorContains = null;
        boolean fromBeginning = false;
        boolean dryRun = false;
        Duration timeout = Duration.ofSeconds(60);
        int limit = 0;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--bootstrap-server" -> bootstrap = value(args, ++i, arg);
                case "--dlq" -> dlq = value(args, ++i, arg);
                case "--group" -> group = value(args, ++i, arg);
                case "--error-contains" -> errorContains = value(args, ++i, arg);
                case "--command-config" -> client.putAll(load(Path.of(value(args, ++i, arg))));
                case "--timeout" -> timeout = seconds(value(args, ++i, arg));
                case "--limit" -> limit = positive(value(args, ++i, arg), arg);
                case "--show" -> value(args, ++i, arg); // read by shown(): how the report lists, not what a run does
                case "--from-beginning" -> fromBeginning = true;
                case "--dry-run" -> dryRun = true;
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        if (bootstrap == null) {
            throw new IllegalArgumentException("--bootstrap-server is required");
        }
        if (dlq == null) {
            throw new IllegalArgumentException("--dlq is required");
        }
        if (errorContains != null && errorContains.isBlank()) {
            throw new IllegalArgumentException("--error-contains needs a text");
        }
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return new ReplayOptions(
                client,
                dlq,
                group == null ? ReplayOptions.defaultGroup(dlq) : group,
                errorContains,
                fromBeginning,
                dryRun,
                timeout,
                limit);
    }

    /** {@code --show N|all}: how many dead letters the report lists one per line. */
    static int shown(String[] args) {
        int shown = DEFAULT_SHOWN;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--show")) {
                shown = args[i + 1].equals("all") ? SHOW_ALL : count(args[i + 1]);
            }
        }
        return shown;
    }

    private static int count(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--show takes a whole number or 'all', not '" + value + "'");
    }

    /** The error classes the run met, most frequent first: what a million dead letters have in common. */
    static String errors(Report report) {
        StringBuilder line = new StringBuilder("errors:");
        report.errorTypes().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> line.append(' ')
                        .append(e.getValue())
                        .append(" × ")
                        .append(e.getKey())
                        .append(','));
        line.setLength(line.length() - 1);
        return line.toString();
    }

    static String summary(ReplayOptions options, Report report) {
        StringBuilder line = new StringBuilder(options.deadLetterTopic())
                .append(": ")
                .append(options.dryRun() ? "would replay " : "replayed ")
                .append(report.count(Action.REPLAY));
        if (!report.replayedTo().isEmpty()) {
            line.append(" (");
            report.replayedTo()
                    .forEach((topic, n) ->
                            line.append(topic).append(' ').append(n).append(", "));
            line.setLength(line.length() - 2);
            line.append(')');
        }
        line.append(", passed over ")
                .append(report.count(Action.PASS_OVER))
                .append(", refused ")
                .append(report.count(Action.REFUSE));
        if (report.stoppedAtLimit()) {
            line.append("; stopped at --limit ").append(options.limit()).append(", the rest stays for the next run");
        }
        if (options.dryRun()) {
            line.append(" (dry run: nothing written or committed)");
        }
        return line.toString();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String value, String option) {
        try {
            int n = Integer.parseInt(value);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a positive whole number, not '" + value + "'");
        }
    }

    private static Duration seconds(String value) {
        try {
            long seconds = Long.parseLong(value);
            if (seconds < 1) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--timeout takes a whole number of seconds, not '" + value + "'");
        }
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --command-config " + file + ": " + e.getMessage());
        }
        return properties;
    }
}
