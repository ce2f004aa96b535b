package io.apath.bench.scenario;

import io.apath.bench.load.GeneratedMention;
import io.apath.bench.load.LoadProfile;
import io.apath.bench.load.MentionGenerator;
import io.apath.bench.load.SampleTexts;
import io.apath.bench.pipeline.BenchEnvironment;
import io.apath.bench.pipeline.IngestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What every scenario gets: the environment, the options, the sample texts and the ingest client settings. */
public record Context(BenchEnvironment env, Options options, List<String> texts) {

    public static Context create(BenchEnvironment env, Options options) {
        return new Context(env, options, SampleTexts.load());
    }

    public MentionGenerator generator(String runId, int customers, long expected) {
        LoadProfile profile = LoadProfile.of(runId, options.integer("seed", 7), customers)
                .withZipfExponent(Double.parseDouble(options.string("zipf", "1.05")));
        return new MentionGenerator(profile, texts, expected);
    }

    public IngestClient ingestClient(URI ingestUrl) {
        Map<String, String> keys = new HashMap<>();
        LoadProfile.DEFAULT_TENANTS.forEach(t -> keys.put(t.tenant(), IngestClient.benchKey(t.tenant())));
        for (String pair : options.all("api-key")) {
            int eq = pair.indexOf('=');
            keys.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return new IngestClient(
                ingestUrl,
                IngestClient.Mode.valueOf(options.string("ingest-mode", "auto").toUpperCase()),
                keys);
    }

    /** Real mention records, one JSON per line, as the payloads of Kafka's producer tool. */
    public Path payloadFile(List<GeneratedMention> mentions) {
        Path file = env.workDir().resolve("payloads.ndjson");
        Instant now = Instant.now();
        String lines = mentions.stream()
                .limit(20_000)
                .map(m -> new String(
                        GeneratedMention.toJsonBytes(m.asPublished(now)), java.nio.charset.StandardCharsets.UTF_8))
                .collect(Collectors.joining("\n"));
        try {
            Files.writeString(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public static int averageRecordSize(List<GeneratedMention> mentions) {
        Instant now = Instant.now();
        return (int) mentions.stream()
                .limit(20_000)
                .mapToInt(m -> GeneratedMention.toJsonBytes(m.asPublished(now)).length)
                .average()
                .orElse(0);
    }
}
