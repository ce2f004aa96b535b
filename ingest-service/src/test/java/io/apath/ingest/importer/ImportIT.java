package io.apath.ingest.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.apath.contracts.Mention;
import io.apath.ingest.DemoTenants;
import io.apath.ingest.IngestApplication;
import io.apath.localkafka.KafkaBrokerExtension;
import io.apath.localkafka.KafkaEndpoint;
import io.apath.localkafka.TopicToEnd;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The bulk import CLI against a running ingest and a real broker: batches, progress, resume, rejected lines. */
@ExtendWith(KafkaBrokerExtension.class)
class ImportIT {

    private static final JsonMapper JSON = new JsonMapper();
    private static final String TENANT =
            "import-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String KEY = "key-" + TENANT;

    private static ConfigurableApplicationContext ingest;
    private static String url;
    private static String bootstrap;

    @TempDir
    Path dir;

    @BeforeAll
    static void start(KafkaEndpoint kafka) {
        bootstrap = kafka.bootstrapServers();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0", "--spring.main.banner-mode=off", "--ingest.kafka.bootstrap-servers=" + bootstrap));
        args.addAll(List.of(DemoTenants.arguments(Map.of(TENANT, KEY), Map.of())));
        ingest = IngestApplication.application().run(args.toArray(String[]::new));
        url = "http://localhost:" + ingest.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        if (ingest != null) {
            ingest.close();
        }
    }

    private record Run(int exitCode, String out, String err) {}

    private static Run importFile(Path file, String... extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of(file.toString(), "--url=" + url, "--api-key=" + KEY));
        args.addAll(List.of(extra));
        int code = new MentionImport(new PrintStream(out, true), new PrintStream(err, true))
                .run(args.toArray(String[]::new));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String line(String nativeId, String author) {
        return "{\"platform\":\"x\",\"nativeId\":\"" + nativeId + "\",\"kind\":\"POST\",\"author\":{\"id\":\"" + author
                + "\"},\"text\":\"imported " + nativeId + "\",\"createdAt\":\"2026-09-01T10:00:00Z\"}";
    }

    /** nativeId → how many times it is on the topic, for this test's prefix. */
    private static Map<String, Integer> published(String prefix) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        TopicToEnd.read(bootstrap, "mentions.v1", r -> {
            Mention m = JSON.readValue(r.value(), Mention.class);
            if (m.tenant().equals(TENANT) && m.nativeId().startsWith(prefix)) {
                counts.merge(m.nativeId(), 1, Integer::sum);
            }
        });
        return counts;
    }

    @Test
    void anInterruptedImportResumesAndReportsRejectedLinesWithANonZeroExit() throws Exception {
        Path file = dir.resolve("mentions.ndjson");
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 1_000; i++) {
            lines.add(
                    switch (i) {
                        case 150 -> "{\"platform\":\"x\",\"nativeId\":\"nd-150\"}"; // missing kind, author, ...
                        case 420 -> "not json at all";
                        case 777 -> line("nd-" + i, "a").replace("\"x\"", "\"myspace\"");
                        default -> line("nd-" + i, "author-" + (i % 37));
                    });
        }
        Files.write(file, lines);

        Run first = importFile(file, "--batch-size=100", "--max-batches=3");
        assertThat(first.exitCode()).isEqualTo(MentionImport.PAUSED);
        assertThat(first.err()).contains("300/1,000").contains("/s").contains("ETA");
        assertThat(Files.exists(dir.resolve("mentions.ndjson.import-progress"))).isTrue();

        Run second = importFile(file, "--batch-size=100");
        assertThat(second.exitCode()).isEqualTo(MentionImport.REJECTED);
        assertThat(second.err()).contains("resuming mentions.ndjson after record 300");
        // nothing re-sent after the resume: no duplicates, the remaining 700 lines minus two rejects accepted
        assertThat(second.out()).contains("698 accepted, 0 duplicate, 0 suppressed, 2 rejected");
        List<JsonNode> rejected = Files.readAllLines(dir.resolve("mentions.ndjson.rejected.ndjson")).stream()
                .map(JSON::readTree)
                .toList();
        assertThat(rejected).extracting(r -> r.get("line").asLong()).containsExactly(150L, 420L, 777L);
        assertThat(rejected.get(2)
                        .get("problem")
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("platform");
        assertThat(Files.exists(dir.resolve("mentions.ndjson.import-progress"))).isFalse();

        Map<String, Integer> onTopic = published("nd-");
        assertThat(onTopic).hasSize(997).allSatisfy((id, count) -> assertThat(count)
                .isEqualTo(1));
    }

    @Test
    void csvRowsWithQuotedCommasAndNewlinesAreImported() throws Exception {
        Path file = dir.resolve("legacy.csv");
        Files.writeString(
                file,
                """
                platform,nativeId,kind,authorId,authorHandle,authorFollowers,text,createdAt
                x,csv-1,POST,u1,@u1,10,"Great service, thanks!",2026-09-01T10:00:00Z
                bluesky,csv-2,REVIEW,u2,@u2,,"Two lines:
                second line",2026-09-02T10:00:00Z
                x,csv-3,POST,u3,@u3,lots,"bad follower count",2026-09-03T10:00:00Z
                """);

        Run run = importFile(file);

        assertThat(run.exitCode()).isEqualTo(MentionImport.REJECTED);
        assertThat(run.out()).contains("2 accepted").contains("1 rejected");
        assertThat(published("csv-")).containsOnlyKeys("csv-1", "csv-2");
        JsonNode rejected = JSON.readTree(Files.readString(dir.resolve("legacy.csv.rejected.ndjson")));
        assertThat(rejected.get("line").asLong()).isEqualTo(4L);
    }

    @Test
    void aWrongKeyStopsTheImportWithAFailureExit() throws Exception {
        Path file = dir.resolve("one.ndjson");
        Files.writeString(file, line("wk-1", "a") + "\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = new MentionImport(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true))
                .run(new String[] {file.toString(), "--url=" + url, "--api-key=wrong"});

        assertThat(code).isEqualTo(MentionImport.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("401");
    }
}
