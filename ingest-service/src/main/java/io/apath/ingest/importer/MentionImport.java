package io.apath.ingest.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code import FILE}: sends an NDJSON or CSV file to a running ingest in batches over {@code POST /v1/mentions}, with
 * a progress bar (rate, ETA) on stderr. After every acknowledged batch the position is saved to
 * {@code FILE.import-progress}, so an interrupted import resumes where it stopped (and anything sent twice is a
 * duplicate, not a second mention). Rejected lines go to {@code FILE.rejected.ndjson}.
 *
 * <p>Exit codes: 0 all taken, 1 some lines rejected, 2 could not finish (unreachable, unauthorized; run again to
 * resume), 3 stopped by {@code --max-batches} (run again to continue), 64 usage.
 */
public final class MentionImport {

    static final int OK = 0;
    static final int REJECTED = 1;
    static final int FAILED = 2;
    static final int PAUSED = 3;
    static final int USAGE = 64;

    private static final JsonMapper JSON = new JsonMapper();
    private static final String USAGE_TEXT =
            """
            usage: import FILE [--url=http://localhost:8081] [--api-key=KEY] [--batch-size=500] [--max-batches=N]
              FILE        NDJSON (one mention per line) or CSV with a header row (*.csv)
              --api-key   the tenant's API key; default: environment variable INGEST_API_KEY
              --max-batches  stop after N batches and keep the progress (continue with the same command)""";

    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    MentionImport(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new MentionImport(System.out, System.err).run(args));
    }

    record Options(Path file, URI url, String apiKey, int batchSize, long maxBatches) {}

    int run(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        try {
            return importFile(options);
        } catch (UncheckedIOException e) {
            err.println();
            err.println("import stopped: " + e.getMessage() + "; run the same command again to resume");
            return FAILED;
        }
    }

    static Options parse(String[] args) {
        Map<String, String> named = new HashMap<>();
        List<String> positional = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                named.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                positional.add(arg);
            }
        }
        if (positional.size() != 1) {
            throw new IllegalArgumentException("exactly one FILE expected");
        }
        Path file = Path.of(positional.get(0));
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        String key = named.getOrDefault("api-key", System.getenv("INGEST_API_KEY"));
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("an API key is required (--api-key or INGEST_API_KEY)");
        }
        return new Options(
                file,
                URI.create(named.getOrDefault("url", "http://localhost:8081")),
                key,
                Integer.parseInt(named.getOrDefault("batch-size", "500")),
                Long.parseLong(named.getOrDefault("max-batches", Long.toString(Long.MAX_VALUE))));
    }

    private int importFile(Options o) {
        Path progressFile = o.file().resolveSibling(o.file().getFileName() + ".import-progress");
        Path rejectedFile = o.file().resolveSibling(o.file().getFileName() + ".rejected.ndjson");
        long resumeAfter = readProgress(progressFile, o.file());
        if (resumeAfter == 0) {
            write(rejectedFile, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
        }
        long total = ImportRecords.count(o.file());
        Counts counts = new Counts();
        Progress progress = new Progress(err, total, resumeAfter);
        if (resumeAfter > 0) {
            err.printf("resuming %s after record %,d of %,d%n", o.file().getFileName(), resumeAfter, total);
        }
        Iterator<ImportRecords.Line> lines = ImportRecords.open(o.file());
        long position = 0;
        long batches = 0;
        List<ImportRecords.Line> batch = new ArrayList<>(o.batchSize());
        while (lines.hasNext()) {
            ImportRecords.Line line = lines.next();
            position++;
            if (position <= resumeAfter) {
                continue;
            }
            if (!isBlank(line.json())) {
                batch.add(line);
            }
            if (batch.size() == o.batchSize() || !lines.hasNext()) {
                if (!batch.isEmpty()) {
                    int status = send(o, batch, counts, rejectedFile);
                    if (status != OK) {
                        progress.finish();
                        return status;
                    }
                    batch.clear();
                    batches++;
                }
                saveProgress(progressFile, o.file(), position);
                progress.update(position);
                if (batches >= o.maxBatches() && lines.hasNext()) {
                    progress.finish();
                    out.printf(
                            "paused %s after record %,d of %,d: %s; run the same command to continue%n",
                            o.file().getFileName(), position, total, counts);
                    return PAUSED;
                }
            }
        }
        progress.finish();
        deleteQuietly(progressFile);
        out.printf("imported %s: %s in %s%n", o.file().getFileName(), counts, progress.elapsed());
        if (counts.rejected > 0) {
            out.printf("%,d rejected lines are listed in %s%n", counts.rejected, rejectedFile);
            return REJECTED;
        }
        return OK;
    }

    /** Sends one batch, retrying 503s as the service asks; returns OK or the exit code to stop with. */
    private int send(Options o, List<ImportRecords.Line> batch, Counts counts, Path rejectedFile) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (ImportRecords.Line line : batch) {
            body.writeBytes(line.json());
            body.write('\n');
        }
        HttpRequest request = HttpRequest.newBuilder(o.url().resolve("/v1/mentions"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + o.apiKey())
                .header("X-Apath-Source", "import")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = exchange(request);
            int status = response.statusCode();
            if (status == 202 || status == 422) {
                record(JSON.readTree(response.body()), batch, counts, rejectedFile);
                return OK;
            }
            if (status == 503 && attempt < 10) {
                long wait = response.headers()
                        .firstValue("Retry-After")
                        .map(Long::parseLong)
                        .orElse(5L);
                pause(Duration.ofSeconds(wait));
                continue;
            }
            err.println();
            err.printf("ingest answered %d: %s%n", status, response.body());
            return FAILED;
        }
    }

    private void record(JsonNode result, List<ImportRecords.Line> batch, Counts counts, Path rejectedFile) {
        ByteArrayOutputStream rejected = new ByteArrayOutputStream();
        for (JsonNode item : result.get("items").values()) {
            String status = item.get("status").asString();
            switch (status) {
                case "accepted" -> counts.accepted++;
                case "duplicate" -> counts.duplicate++;
                case "suppressed" -> counts.suppressed++;
                default -> {
                    counts.rejected++;
                    ImportRecords.Line line = batch.get(item.get("index").asInt());
                    Map<String, Object> entry = new java.util.LinkedHashMap<>();
                    entry.put("line", line.number());
                    entry.put("problem", item.get("problem"));
                    entry.put("record", ImportRecords.text(line.json()));
                    rejected.writeBytes(JSON.writeValueAsBytes(entry));
                    rejected.write('\n');
                }
            }
        }
        if (rejected.size() > 0) {
            write(rejectedFile, rejected.toByteArray(), StandardOpenOption.APPEND);
        }
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new UncheckedIOException("cannot reach " + request.uri(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }

    /** Records done, valid only for the same file (size and modification time unchanged). */
    private static long readProgress(Path progressFile, Path file) {
        if (!Files.exists(progressFile)) {
            return 0;
        }
        Properties p = new Properties();
        try (var in = Files.newInputStream(progressFile)) {
            p.load(in);
            if (!fingerprint(file).equals(p.getProperty("file"))) {
                return 0; // another file under the same name: start over
            }
            return Long.parseLong(p.getProperty("records", "0"));
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static void saveProgress(Path progressFile, Path file, long records) {
        String content = "file=" + fingerprint(file) + "\nrecords=" + records + "\n";
        Path tmp = progressFile.resolveSibling(progressFile.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, progressFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save progress to " + progressFile, e);
        }
    }

    private static String fingerprint(Path file) {
        try {
            return Files.size(file) + "/" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] bytes, StandardOpenOption mode) {
        try {
            Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale progress file is ignored next time if the file changed, harmless otherwise
        }
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }

    static final class Counts {
        long accepted;
        long duplicate;
        long suppressed;
        long rejected;

        @Override
        public String toString() {
            return String.format(
                    "%,d accepted, %,d duplicate, %,d suppressed, %,d rejected",
                    accepted, duplicate, suppressed, rejected);
        }
    }

    /** {@code [#####.....]  45%  45,000/100,000  9,800/s  ETA 0:05}, redrawn at most five times a second. */
    static final class Progress {
        private final PrintStream err;
        private final long total;
        private final long startPosition;
        private final long started = System.nanoTime();
        private long lastDraw;
        private long position;
        private boolean drawnLast;

        Progress(PrintStream err, long total, long startPosition) {
            this.err = err;
            this.total = Math.max(total, 1);
            this.startPosition = startPosition;
        }

        void update(long position) {
            this.position = position;
            long now = System.nanoTime();
            drawnLast = !(now - lastDraw < 200_000_000L && position < total);
            if (drawnLast) {
                draw(now);
            }
        }

        private void draw(long now) {
            lastDraw = now;
            double seconds = Math.max((now - started) / 1e9, 1e-3);
            double rate = (position - startPosition) / seconds;
            long etaSeconds = rate > 0 ? (long) ((total - position) / rate) : 0;
            int width = 30;
            int filled = (int) (width * position / total);
            err.printf(
                    "\r[%s%s] %3d%%  %,d/%,d  %,.0f/s  ETA %d:%02d   ",
                    "#".repeat(filled),
                    ".".repeat(width - filled),
                    100 * position / total,
                    position,
                    total,
                    rate,
                    etaSeconds / 60,
                    etaSeconds % 60);
        }

        /** Always shows where the import stopped, even if the last update fell inside the redraw interval. */
        void finish() {
            if (!drawnLast && position > 0) {
                draw(System.nanoTime());
            }
            err.println();
        }

        String elapsed() {
            return String.format("%.1f s", (System.nanoTime() - started) / 1e9);
        }
    }
}
