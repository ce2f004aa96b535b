package io.apath.classifier.cli;

import io.apath.classifier.binding.CorrectionsDump;
import io.apath.classifier.binding.ReviewQueueExport;
import io.apath.classifier.binding.ReviewQueueExport.Selection;
import io.apath.classifier.binding.ReviewQueueExport.Summary;
import io.apath.classifier.binding.ReviewQueueExport.TopicNames;
import io.apath.classifier.domain.ReviewQueue.Order;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands of the labelling loop that read the cluster: {@code review-queue} (what reviewers should label next) and
 * {@code corrections} (what they labelled, for {@code train --corrections}). Each writes its lines to {@code --out} or
 * stdout and a one-line count beside them.
 */
final class LabellingCommands {

    private static final Pattern AGE = Pattern.compile("(\\d{1,6})([dhm])");

    private LabellingCommands() {}

    /**
     * {@code corrections --bootstrap HOST:PORT [--consumer-config F] [--tenant T] [--topic T] [--out F]}: the reviewers'
     * corrections on the topic, the latest per post, as a file for {@code train --corrections} (stdout without
     * {@code --out}; the count goes to stderr then, so stdout stays the file). {@code --consumer-config} is a Kafka
     * client properties file (security settings for a real cluster), as Kafka's own tools take.
     */
    static int corrections(Options options, PrintStream out, PrintStream err) throws IOException {
        Properties client = kafkaClient(options);
        String topic = options.get("topic", CorrectionsDump.defaultTopic());
        String tenant = options.get("tenant", null);
        Written<Integer> written =
                writeOut(options, out, err, writer -> CorrectionsDump.write(client, topic, tenant, writer));
        written.report()
                .printf(
                        Locale.ROOT,
                        "%d corrections%s from %s → %s%n",
                        written.result(),
                        tenant == null ? "" : " of tenant " + tenant,
                        topic,
                        written.target());
        return 0;
    }

    /**
     * {@code review-queue --bootstrap HOST:PORT --tenant T [--brand-accounts H,H] [--consumer-config F] [--since 7d]
     * [--limit 200] [--order random|closest-call] [--seed N] [--out F] [--topic T] [--corrections-topic T]
     * [--suppressions-topic T]}: the tenant's posts its reviewers should label next ({@link ReviewQueueExport}): a
     * random sample by default, or the model's closest calls first, as lines to complete and
     * {@code POST /v1/corrections}.
     */
    static int reviewQueue(Options options, PrintStream out, PrintStream err) throws IOException {
        Properties client = kafkaClient(options);
        String tenant = options.require("tenant");
        List<String> accounts = options.brandAccounts();
        Duration window = age(options.get("since", "7d"));
        int limit = positive(options.get("limit", "200"), "--limit");
        TopicNames defaults = TopicNames.defaults();
        TopicNames topics = new TopicNames(
                options.get("topic", defaults.classified()),
                options.get("corrections-topic", defaults.corrections()),
                options.get("suppressions-topic", defaults.suppressions()));
        Instant since = Instant.now().minus(window);
        Selection selection = new Selection(tenant, accounts, since, limit, order(options), seed(options));
        Written<Summary> written =
                writeOut(options, out, err, writer -> ReviewQueueExport.write(client, topics, selection, writer));
        Summary summary = written.result();
        written.report()
                .printf(
                        Locale.ROOT,
                        "%d posts to review of tenant %s → %s (read %d classified mentions since %s from %s, %d"
                                + " unreadable; left out: %d corrected posts, %d suppressed authors)%n",
                        summary.written(),
                        tenant,
                        written.target(),
                        summary.read(),
                        since,
                        topics.classified(),
                        summary.unreadable(),
                        summary.corrected(),
                        summary.suppressed());
        return 0;
    }

    /** What a command wrote, where to, and where its one-line report goes. */
    private record Written<T>(T result, String target, PrintStream report) {}

    /**
     * Writes to the {@code --out} file (the report then goes to {@code out}) or to stdout (the report then goes to
     * {@code err}, so stdout stays the file).
     */
    private static <T> Written<T> writeOut(Options options, PrintStream out, PrintStream err, Function<Writer, T> write)
            throws IOException {
        if (!options.has("out")) {
            return new Written<>(write.apply(new OutputStreamWriter(out, StandardCharsets.UTF_8)), "stdout", err);
        }
        Path file = Path.of(options.get("out", null));
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return new Written<>(write.apply(writer), file.toString(), out);
        }
    }

    /** {@code --order random|closest-call}, random by default. */
    private static Order order(Options options) {
        String order = options.get("order", "random");
        return switch (order) {
            case "random" -> Order.RANDOM;
            case "closest-call" -> Order.CLOSEST_CALL;
            default -> throw new IllegalArgumentException("--order is random or closest-call, not '" + order + "'");
        };
    }

    private static long seed(Options options) {
        String seed = options.get("seed", "0");
        try {
            return Long.parseLong(seed.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed takes a whole number, not '" + seed + "'");
        }
    }

    /** {@code --consumer-config} (a Kafka client properties file, as Kafka's own tools take) and {@code --bootstrap}. */
    private static Properties kafkaClient(Options options) throws IOException {
        Properties client = new Properties();
        if (options.has("consumer-config")) {
            try (var reader = Files.newBufferedReader(Path.of(options.get("consumer-config", null)))) {
                client.load(reader);
            }
        }
        if (options.has("bootstrap")) {
            client.setProperty("bootstrap.servers", options.get("bootstrap", null));
        }
        if (!client.containsKey("bootstrap.servers")) {
            throw new IllegalArgumentException("missing --bootstrap (or bootstrap.servers in --consumer-config)");
        }
        return client;
    }

    /** {@code 7d}, {@code 12h} or {@code 30m}. */
    static Duration age(String value) {
        Matcher m = AGE.matcher(value.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("--since takes an age such as 7d, 12h or 30m, not '" + value + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMinutes(n);
        };
    }

    private static int positive(String value, String option) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " takes a positive whole number, not '" + value + "'");
    }
}
