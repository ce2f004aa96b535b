package io.apath.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {

    @Test
    void readsTheOptionsWithTheirDefaults(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("client.properties");
        Files.writeString(config, "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n");

        ReplayOptions options = ReplayCommand.parse(new String[] {
            "--bootstrap-server", "kafka:9093", "--dlq", "mentions.v1.dlq", "--command-config", config.toString()
        });

        assertThat(options.client())
                .containsEntry("bootstrap.servers", "kafka:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(options.group()).isEqualTo("apath-dlq-replay-mentions.v1.dlq");
        assertThat(options.errorContains()).isNull();
        assertThat(options.dryRun()).isFalse();
        assertThat(options.fromBeginning()).isFalse();
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.limit()).isZero();
    }

    @Test
    void refusesBadArgumentsBeforeConnecting() {
        assertThatThrownBy(() -> ReplayCommand.parse(new String[] {"--dlq", "mentions.v1.dlq"}))
                .hasMessage("--bootstrap-server is required");
        assertThatThrownBy(() -> ReplayCommand.parse(new String[] {"--bootstrap-server", "k:9092"}))
                .hasMessage("--dlq is required");
        assertThatThrownBy(() -> ReplayCommand.parse(new String[] {"--bootstrap-server", "k:9092", "--dlq", "x"}))
                .hasMessageStartingWith("'x' is not a dead-letter topic (one of mentions.v1.dlq");
        assertThatThrownBy(() -> ReplayCommand.parse(
                        new String[] {"--bootstrap-server", "k:9092", "--dlq", "mentions.v1.dlq", "--timeout", "soon"}))
                .hasMessage("--timeout takes a whole number of seconds, not 'soon'");
        assertThatThrownBy(() -> ReplayCommand.parse(
                        new String[] {"--bootstrap-server", "k:9092", "--dlq", "mentions.v1.dlq", "--limit", "0"}))
                .hasMessage("--limit takes a positive whole number, not '0'");
        assertThatThrownBy(() -> ReplayCommand.parse(new String[] {"--bootstrap-server", "k:9092", "--dlq"}))
                .hasMessage("--dlq needs a value");
        assertThatThrownBy(() -> ReplayCommand.parse(new String[] {"--replay-all"}))
                .hasMessage("unknown argument '--replay-all'");
        assertThatThrownBy(() -> ReplayCommand.parse(new String[] {
                    "--bootstrap-server",
                    "k:9092",
                    "--dlq",
                    "mentions.v1.dlq",
                    "--command-config",
                    "/nonexistent.properties"
                }))
                .hasMessageStartingWith("cannot read --command-config /nonexistent.properties");
    }

    @Test
    void badArgumentsExitWithTwoAndTheUsage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = ReplayCommand.run(
                new String[] {"--bootstrap-server", "k:9092"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("error: --dlq is required")
                .contains("usage: dead-letters --bootstrap-server HOST:PORT --dlq TOPIC [options]");
    }

    @Test
    void showListsAHundredByDefaultAllOnRequestAndRefusesNonsense() {
        String[] base = {"--bootstrap-server", "k:9092", "--dlq", "mentions.v1.dlq"};
        assertThat(ReplayCommand.shown(base)).isEqualTo(100);
        assertThat(ReplayCommand.shown(append(base, "--show", "all"))).isEqualTo(ReplayCommand.SHOW_ALL);
        assertThat(ReplayCommand.shown(append(base, "--show", "0"))).isZero();
        assertThatThrownBy(() -> ReplayCommand.shown(append(base, "--show", "-3")))
                .hasMessage("--show takes a whole number or 'all', not '-3'");
        assertThatThrownBy(() -> ReplayCommand.shown(append(base, "--show", "many")))
                .hasMessage("--show takes a whole number or 'all', not 'many'");
        assertThat(ReplayCommand.parse(append(base, "--show", "all")).deadLetterTopic())
                .as("--show is the report's, not the run's")
                .isEqualTo("mentions.v1.dlq");
    }

    @Test
    void theErrorLineCountsEachClassMostFrequentFirst() {
        var report = new DeadLetterReplay.Report(Map.of(), Map.of(), Map.of("a.Rare", 1, "b.Common", 7), false);
        assertThat(ReplayCommand.errors(report)).isEqualTo("errors: 7 × b.Common, 1 × a.Rare");
    }

    private static String[] append(String[] args, String... more) {
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
