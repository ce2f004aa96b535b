package io.apath.reliability.check;

import io.apath.reliability.check.TopicSnapshot.Rec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Records no consumer can process, written straight onto an input topic as a buggy or hostile producer would: bad
 * JSON, valid JSON of the wrong shape, a mention with impossible field values, and a huge value. Each carries a marker
 * so it can be recognised in the dead-letter topic.
 */
public final class Poison {

    /** The topic each poison went to, and its bytes. */
    public record Pill(String topic, String kind, String key, byte[] value) {}

    /** What the dead-letter topics held, against the pills fed. */
    public record DeadLetterVerdict(
            int fed,
            int inRightDlq,
            int withErrorHeaders,
            int inWrongDlq,
            int unexpectedInDlq,
            List<String> missing,
            List<String> violations) {}

    private Poison() {}

    public static List<Pill> pills(String topic) {
        String marker = "poison-" + UUID.randomUUID();
        String key = "rel-a:mastodon:" + marker;
        List<Pill> pills = new ArrayList<>();
        pills.add(new Pill(topic, "bad JSON", key, ("{\"not json " + marker).getBytes(StandardCharsets.UTF_8)));
        pills.add(new Pill(
                topic,
                "wrong schema",
                key,
                ("{\"marker\":\"" + marker + "\",\"mentionId\":42,\"tenant\":[1,2]}")
                        .getBytes(StandardCharsets.UTF_8)));
        pills.add(new Pill(
                topic,
                "impossible values",
                key,
                ("{\"mentionId\":\"" + marker + "\",\"tenant\":\"rel-a\",\"platform\":\"mastodon\",\"nativeId\":\""
                                + marker + "\",\"kind\":\"NOT_A_KIND\",\"author\":{\"id\":\"x\"},\"text\":\"t\","
                                + "\"createdAt\":\"yesterday\"}")
                        .getBytes(StandardCharsets.UTF_8)));
        byte[] huge = new byte[600 * 1024];
        Arrays.fill(huge, (byte) 'x');
        byte[] prefix = ("{\"marker\":\"" + marker + "\",\"text\":\"").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(prefix, 0, huge, 0, prefix.length);
        pills.add(new Pill(topic, "huge value (600 KiB)", key, huge));
        return pills;
    }

    public static void feed(String bootstrapServers, List<Pill> pills) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(1024 * 1024));
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (Pill pill : pills) {
                producer.send(new ProducerRecord<>(pill.topic(), pill.key(), pill.value()));
            }
            producer.flush();
        }
    }

    /**
     * The dead-letter topic of an input topic: {@code <topic>.dlq}, except journey's privacy commands, which share
     * journey's one dead-letter topic with its classified mentions (journey-service.yml, both input bindings).
     */
    public static String deadLetterTopic(String inputTopic) {
        return inputTopic.equals("journey-commands.v1") ? "mentions-classified.v1.dlq" : inputTopic + ".dlq";
    }

    /** Checks every pill is in its topic's DLQ with error headers, and nothing else is in those DLQs. */
    public static DeadLetterVerdict check(String bootstrapServers, List<Pill> pills, List<String> inputTopics) {
        List<String> violations = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int inRight = 0, withHeaders = 0, inWrong = 0, unexpected = 0;
        Map<String, List<Rec>> dlqs = new java.util.TreeMap<>();
        for (String topic : inputTopics) {
            dlqs.computeIfAbsent(deadLetterTopic(topic), dlq -> TopicSnapshot.read(bootstrapServers, dlq));
        }
        for (Pill pill : pills) {
            String right = deadLetterTopic(pill.topic());
            Rec found = find(dlqs.get(right), pill.value());
            if (found != null) {
                inRight++;
                if (hasErrorHeaders(found)) {
                    withHeaders++;
                } else {
                    violations.add(pill.topic() + " " + pill.kind() + ": in the DLQ without error headers "
                            + found.headers().keySet());
                }
            } else {
                missing.add(pill.topic() + ": " + pill.kind());
                for (Map.Entry<String, List<Rec>> other : dlqs.entrySet()) {
                    if (!other.getKey().equals(right) && find(other.getValue(), pill.value()) != null) {
                        inWrong++;
                    }
                }
            }
        }
        for (List<Rec> dlq : dlqs.values()) {
            for (Rec r : dlq) {
                if (pills.stream().noneMatch(p -> Arrays.equals(p.value(), r.value()))) {
                    unexpected++;
                }
            }
        }
        if (!missing.isEmpty()) {
            violations.add(missing.size() + " poison records not in their DLQ: " + missing);
        }
        if (inWrong > 0) {
            violations.add(inWrong + " poison records in the wrong DLQ");
        }
        if (unexpected > 0) {
            violations.add(unexpected + " records in a DLQ that are not poison");
        }
        return new DeadLetterVerdict(pills.size(), inRight, withHeaders, inWrong, unexpected, missing, violations);
    }

    /** How many copies of each pill its dead-letter topic holds, in the order of {@code pills}. */
    public static List<Integer> copiesInDeadLetters(String bootstrapServers, List<Pill> pills) {
        Map<String, List<Rec>> dlqs = new java.util.TreeMap<>();
        List<Integer> copies = new ArrayList<>();
        for (Pill pill : pills) {
            List<Rec> dlq = dlqs.computeIfAbsent(
                    deadLetterTopic(pill.topic()), topic -> TopicSnapshot.read(bootstrapServers, topic));
            copies.add((int) dlq.stream()
                    .filter(r -> Arrays.equals(r.value(), pill.value()))
                    .count());
        }
        return copies;
    }

    private static Rec find(List<Rec> records, byte[] value) {
        return records.stream()
                .filter(r -> Arrays.equals(r.value(), value))
                .findFirst()
                .orElse(null);
    }

    /** Spring's dead-letter publishers write {@code x-exception-*} / {@code kafka_dlt-exception-*} headers. */
    private static boolean hasErrorHeaders(Rec r) {
        return r.headers().keySet().stream().anyMatch(h -> {
            String name = h.toLowerCase(java.util.Locale.ROOT);
            return name.contains("exception") || name.contains("error");
        });
    }
}
