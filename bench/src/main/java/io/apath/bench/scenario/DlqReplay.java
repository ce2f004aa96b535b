package io.apath.bench.scenario;

import io.apath.bench.load.GeneratedMention;
import io.apath.bench.load.MentionGenerator;
import io.apath.bench.pipeline.Pipeline;
import io.apath.bench.report.Markdown;
import io.apath.bench.report.ScenarioResult;
import io.apath.contracts.DeadLetterHeaders;
import io.apath.contracts.Topics;
import io.apath.deadletters.ReplayCommand;
import io.apath.localkafka.TopicToEnd;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * How long ops wait for a replay: {@code records} dead letters (real mention records with the classifier's dead-letter
 * headers) written to {@code mentions.v1.dlq}, then the {@code dead-letters} command, in this JVM, replays them all to
 * {@code mentions.v1}. The clock runs over the command alone; its report lines go to a null stream (they are formatted,
 * as for a terminal, but not printed). Checks that {@code mentions.v1} grew by exactly {@code records}.
 */
final class DlqReplay implements Scenario {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String name() {
        return "dlq-replay";
    }

    @Override
    public ScenarioResult run(Context context) throws Exception {
        int records = context.options().integer("records", 300_000);
        try (Pipeline pipeline = Pipeline.startBroker(context.env())) {
            String bootstrap = pipeline.bootstrap();
            MentionGenerator generator = context.generator("dlq", 100_000, records + 16);
            Instant now = Instant.now();
            long writeStart = System.nanoTime();
            try (KafkaProducer<String, byte[]> producer = BacklogRun.backlogProducer(bootstrap)) {
                for (int i = 0; i < records; i++) {
                    GeneratedMention m = generator.next();
                    ProducerRecord<String, byte[]> letter = new ProducerRecord<>(
                            Topics.MENTIONS.deadLetters().name(),
                            m.customerKey(),
                            JSON.writeValueAsBytes(m.asPublished(now)));
                    header(letter, DeadLetterHeaders.ORIGINAL_TOPIC, Topics.MENTIONS.name());
                    header(letter, DeadLetterHeaders.ORIGINAL_PARTITION, "0");
                    header(letter, DeadLetterHeaders.ORIGINAL_OFFSET, Integer.toString(i));
                    header(letter, DeadLetterHeaders.EXCEPTION_CLASS, IllegalStateException.class.getName());
                    header(letter, DeadLetterHeaders.EXCEPTION_MESSAGE, "bench: a bug since fixed");
                    producer.send(letter);
                }
                producer.flush();
            }
            double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
            long before = count(bootstrap, Topics.MENTIONS.name());

            AtomicLong lines = new AtomicLong();
            PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8) {
                @Override
                public void println(String line) {
                    lines.incrementAndGet();
                    super.println(line);
                }
            };
            long start = System.nanoTime();
            int exit = ReplayCommand.run(
                    new String[] {
                        "--bootstrap-server",
                        bootstrap,
                        "--dlq",
                        Topics.MENTIONS.deadLetters().name(),
                        "--timeout",
                        "600",
                        "--show", // every line formatted, as in the runs BENCHMARKS.md records
                        "all"
                    },
                    nowhere,
                    System.err);
            double seconds = (System.nanoTime() - start) / 1e9;
            long replayed = count(bootstrap, Topics.MENTIONS.name()) - before;
            if (exit != 0) {
                throw new IllegalStateException("the replay exited with " + exit);
            }

            ObjectNode json = JSON.createObjectNode();
            json.put("records", records);
            json.put("writeSeconds", writeSeconds);
            json.put("replaySeconds", seconds);
            json.put("reportLines", lines.get());
            json.put("replayedRecordsOnSource", replayed);
            json.put("recordsPerSecond", records / seconds);
            String md = String.format(
                            "`dead-letters` replaying `mentions.v1.dlq` to `mentions.v1` (in the bench JVM; the broker"
                                    + " in its own): %s dead letters, real mention records (average as generated) with"
                                    + " the classifier's dead-letter headers. The clock runs over the command alone"
                                    + " (connect, read to the end, one transaction per poll of ≤ 2,000, exit).%n%n",
                            Markdown.count(records))
                    + Markdown.table(
                            List.of(
                                    "dead letters",
                                    "replay s",
                                    "dead letters/s",
                                    "report lines",
                                    "records added to mentions.v1"),
                            List.of(List.of(
                                    Markdown.count(records),
                                    Markdown.number(seconds, 1),
                                    "**" + Markdown.count(records / seconds) + "**",
                                    Markdown.count(lines.get()),
                                    Markdown.count(replayed))));
            return new ScenarioResult(name(), json, md, Map.of());
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static long count(String bootstrap, String topic) {
        AtomicLong records = new AtomicLong();
        TopicToEnd.read(bootstrap, topic, r -> records.incrementAndGet());
        return records.get();
    }
}
