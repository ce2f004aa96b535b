package io.apath.bench.profile;

import io.apath.bench.report.Markdown;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JFR recording's CPU samples ({@code jdk.ExecutionSample}) and says where the time went: the top methods by
 * own samples, and the share of samples whose stack passes through each library (inclusive), which is what tells
 * "serialization" from "Kafka client" from "our code".
 */
public final class HotMethods {

    /** Library buckets, first match wins, checked from the top of the stack down for self time. */
    private static final Map<String, String> BUCKETS = new LinkedHashMap<>();

    static {
        BUCKETS.put("io.apath.", "A-Path code");
        BUCKETS.put("tools.jackson.", "Jackson 3 (JSON)");
        BUCKETS.put("com.fasterxml.jackson.", "Jackson 2 (JSON)");
        BUCKETS.put("org.rocksdb.", "RocksDB");
        BUCKETS.put("org.apache.kafka.streams.", "Kafka Streams");
        BUCKETS.put("org.apache.kafka.", "Kafka clients");
        BUCKETS.put("net.jpountz.", "lz4");
        BUCKETS.put("org.springframework.cloud.stream.", "Spring Cloud Stream");
        BUCKETS.put("org.springframework.cloud.function.", "Spring Cloud Function");
        BUCKETS.put("org.springframework.messaging.", "Spring messaging");
        BUCKETS.put("org.springframework.kafka.", "Spring Kafka");
        BUCKETS.put("org.springframework.", "Spring (other)");
        BUCKETS.put("org.apache.catalina.", "Tomcat");
        BUCKETS.put("org.apache.coyote.", "Tomcat");
        BUCKETS.put("org.apache.tomcat.", "Tomcat");
        BUCKETS.put("io.micrometer.", "Micrometer");
        BUCKETS.put("dev.cel.", "CEL");
        BUCKETS.put("sun.nio.", "JDK I/O");
        BUCKETS.put("java.", "JDK");
        BUCKETS.put("jdk.", "JDK");
        BUCKETS.put("sun.", "JDK");
    }

    public record Profile(
            String recording, long samples, List<Map.Entry<String, Long>> topSelf, Map<String, Long> inclusive) {}

    private HotMethods() {}

    public static Profile read(Path recording, int top) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        long samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                RecordedFrame topFrame = frames.get(0);
                self.merge(name(topFrame), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String bucket = bucket(frame.getMethod().getType().getName());
                    if (seen.add(bucket)) {
                        inclusive.merge(bucket, 1L, Long::sum);
                    }
                }
            }
        }
        List<Map.Entry<String, Long>> topSelf = new ArrayList<>(self.entrySet());
        topSelf.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        Map<String, Long> sortedInclusive = new LinkedHashMap<>();
        inclusive.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sortedInclusive.put(e.getKey(), e.getValue()));
        return new Profile(
                recording.getFileName().toString(),
                samples,
                topSelf.subList(0, Math.min(top, topSelf.size())),
                sortedInclusive);
    }

    public static String markdown(Profile p) {
        StringBuilder md = new StringBuilder();
        md.append("`")
                .append(p.recording())
                .append("`: ")
                .append(Markdown.count(p.samples()))
                .append(" CPU samples\n\n");
        md.append(Markdown.table(
                List.of("library on the stack (inclusive)", "share"),
                p.inclusive().entrySet().stream()
                        .filter(e -> !e.getKey().equals("JDK") && !e.getKey().equals("other"))
                        .limit(10)
                        .map(e -> List.of(e.getKey(), percent(e.getValue(), p.samples())))
                        .toList()));
        md.append("\n");
        md.append(Markdown.table(
                List.of("top methods (self)", "share"),
                p.topSelf().stream()
                        .map(e -> List.of("`" + e.getKey() + "`", percent(e.getValue(), p.samples())))
                        .toList()));
        return md.toString();
    }

    private static String percent(long part, long whole) {
        return Markdown.number(100.0 * part / Math.max(whole, 1), 1) + " %";
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    static String bucket(String className) {
        for (Map.Entry<String, String> b : BUCKETS.entrySet()) {
            if (className.startsWith(b.getKey())) {
                return b.getValue();
            }
        }
        return "other";
    }

    /** {@code java ... HotMethods FILE.jfr...}: prints the Markdown of each recording. */
    public static void main(String[] args) throws IOException {
        for (String arg : args) {
            System.out.println(markdown(read(Path.of(arg), 15)));
        }
    }
}
