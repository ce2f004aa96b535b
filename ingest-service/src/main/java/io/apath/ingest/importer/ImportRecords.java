package io.apath.ingest.importer;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The records of an import file as NDJSON lines (bytes, untouched, so the service judges invalid UTF-8 itself) with
 * their line number. CSV rows (header row required) are turned into mention JSON; author columns are flattened as
 * {@code authorId}, {@code authorHandle}, {@code authorDisplayName}, {@code authorFollowers}.
 */
final class ImportRecords {

    record Line(long number, byte[] json) {}

    static final List<String> CSV_COLUMNS = List.of(
            "tenant",
            "platform",
            "nativeId",
            "kind",
            "authorId",
            "authorHandle",
            "authorDisplayName",
            "authorFollowers",
            "text",
            "lang",
            "url",
            "inReplyTo",
            "createdAt");

    private static final JsonMapper JSON = new JsonMapper();

    private ImportRecords() {}

    static boolean isCsv(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    }

    /** Records in the file, for the ETA: lines for NDJSON (blank ones included), rows for CSV. */
    static long count(Path file) {
        long count = 0;
        Iterator<Line> it = open(file);
        while (it.hasNext()) {
            it.next();
            count++;
        }
        if (it instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return count;
    }

    static Iterator<Line> open(Path file) {
        return isCsv(file) ? csv(file) : ndjson(file);
    }

    private static Iterator<Line> ndjson(Path file) {
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
        return new ClosingIterator() {
            private long number;
            private byte[] next = read();

            private byte[] read() {
                try {
                    ByteArrayOutputStream line = new ByteArrayOutputStream(512);
                    int b;
                    while ((b = in.read()) != -1 && b != '\n') {
                        line.write(b);
                    }
                    if (b == -1 && line.size() == 0) {
                        in.close();
                        return null;
                    }
                    return line.toByteArray();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Line next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Line line = new Line(++number, next);
                next = read();
                return line;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    private static Iterator<Line> csv(Path file) {
        CsvMapper csv = new CsvMapper();
        MappingIterator<Map<String, String>> rows = csv.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(file.toFile());
        return new ClosingIterator() {
            private long number;

            @Override
            public boolean hasNext() {
                return rows.hasNextValue();
            }

            @Override
            public Line next() {
                Map<String, String> row = rows.nextValue();
                number++;
                return new Line(number + 1, JSON.writeValueAsBytes(toJson(row))); // +1: the header is line 1
            }

            @Override
            public void close() {
                rows.close();
            }
        };
    }

    static ObjectNode toJson(Map<String, String> row) {
        Map<String, String> r = new LinkedHashMap<>();
        row.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                r.put(k.strip(), v);
            }
        });
        ObjectNode mention = JSON.createObjectNode();
        for (String field : List.of("tenant", "platform", "nativeId", "kind", "text", "lang", "url", "inReplyTo")) {
            if (r.containsKey(field)) {
                mention.put(field, r.get(field));
            }
        }
        if (r.containsKey("createdAt")) {
            mention.put("createdAt", r.get("createdAt"));
        }
        ObjectNode author = mention.putObject("author");
        if (r.containsKey("authorId")) {
            author.put("id", r.get("authorId"));
        }
        if (r.containsKey("authorHandle")) {
            author.put("handle", r.get("authorHandle"));
        }
        if (r.containsKey("authorDisplayName")) {
            author.put("displayName", r.get("authorDisplayName"));
        }
        if (r.containsKey("authorFollowers")) {
            String followers = r.get("authorFollowers").strip();
            try {
                author.put("followers", Long.parseLong(followers));
            } catch (NumberFormatException e) {
                author.put("followers", followers); // the service names the field and the problem
            }
        }
        return mention;
    }

    private abstract static class ClosingIterator implements Iterator<Line>, AutoCloseable {
        @Override
        public abstract void close() throws IOException;
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
