package io.apath.deadletters;

import io.apath.deadletters.ReplayRules.Action;
import io.apath.deadletters.ReplayRules.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Replays a dead-letter topic from where its group got to (or its beginning) up to its end as the run starts. Each
 * poll's records are written back and the group's position moved past them in one Kafka transaction, so a run that
 * fails or is killed half-way neither loses nor repeats a record: the next run resumes where the last commit was.
 * Records are written with their key (so the default partitioner puts them on their customer's partition again),
 * value, timestamp and original headers (less the ones that describe the failure).
 */
final class DeadLetterReplay {

    /**
     * What a run did: how many dead letters met each action, how many were written to each topic, how many carried
     * each error class, and whether it stopped at {@code --limit} before the topic's end.
     */
    record Report(
            Map<Action, Integer> actions,
            Map<String, Integer> replayedTo,
            Map<String, Integer> errorTypes,
            boolean stoppedAtLimit) {

        int count(Action action) {
            return actions.getOrDefault(action, 0);
        }
    }

    private DeadLetterReplay() {}

    /**
     * @param listAtMost how many dead letters to hand to {@code out}, or a negative number for all: the others are
     *     counted only, and not even formatted (a run may read millions)
     * @param out one line per dead letter listed
     * @throws IllegalArgumentException when the topic is not a catalogue dead-letter topic or does not exist
     */
    static Report run(ReplayOptions options, int listAtMost, Consumer<String> out) {
        ReplayRules rules = new ReplayRules(options.deadLetterTopic(), options.errorContains());
        Map<Action, Integer> actions = new EnumMap<>(Action.class);
        Map<String, Integer> replayedTo = new TreeMap<>();
        Map<String, Integer> errorTypes = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                consumerSettings(options), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Map<TopicPartition, Long> end = start(consumer, options);
            // created once the topic is known to be there: a dry run, or a wrong topic, needs no transaction
            try (KafkaProducer<byte[], byte[]> producer = options.dryRun() ? null : transactionalProducer(options)) {
                // a stall, not a long replay, ends the run: the clock restarts with every poll that brings records
                Instant deadline = Instant.now().plus(options.timeout());
                int replayed = 0;
                int listed = 0;
                boolean stoppedAtLimit = false;
                while (!stoppedAtLimit && !reached(consumer, end)) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new KafkaException("no records for "
                                + options.timeout().toSeconds() + " s before the end"
                                + " of " + options.deadLetterTopic() + "; what was committed stays replayed, run again"
                                + " to go on");
                    }
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                    if (records.isEmpty()) {
                        continue;
                    }
                    deadline = Instant.now().plus(options.timeout());
                    if (producer != null) {
                        producer.beginTransaction();
                    }
                    Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        if (options.limit() > 0 && replayed == options.limit()) {
                            stoppedAtLimit = true; // this record and the rest stay for the next run
                            break;
                        }
                        DeadLetter letter = DeadLetter.of(record);
                        Verdict verdict = rules.decide(letter);
                        actions.merge(verdict.action(), 1, Integer::sum);
                        errorTypes.merge(letter.errorType(), 1, Integer::sum);
                        if (listAtMost < 0 || listed < listAtMost) {
                            out.accept(line(letter, verdict, options.dryRun()));
                            listed++;
                        }
                        if (verdict.action() == Action.REPLAY) {
                            replayed++;
                            replayedTo.merge(verdict.target(), 1, Integer::sum);
                            if (producer != null) {
                                producer.send(new ProducerRecord<>(
                                        verdict.target(),
                                        null,
                                        letter.timestamp(),
                                        letter.key(),
                                        letter.value(),
                                        letter.replayHeaders()));
                            }
                        }
                        // records come partition by partition, in offset order: the last one put is the position
                        next.put(
                                new TopicPartition(record.topic(), record.partition()),
                                new OffsetAndMetadata(record.offset() + 1));
                    }
                    if (producer != null) {
                        commit(producer, consumer, next);
                    }
                }
                return new Report(actions, replayedTo, errorTypes, stoppedAtLimit);
            }
        }
    }

    /** What was sent for the poll and the group's move past what was read, in one transaction. */
    private static void commit(
            KafkaProducer<byte[], byte[]> producer,
            KafkaConsumer<byte[], byte[]> consumer,
            Map<TopicPartition, OffsetAndMetadata> next) {
        try {
            if (!next.isEmpty()) {
                producer.sendOffsetsToTransaction(next, consumer.groupMetadata());
            }
            producer.commitTransaction();
        } catch (KafkaException e) {
            producer.abortTransaction();
            throw e;
        }
    }

    /** Positions the consumer; returns each partition's end as the run starts (the last committed record + 1). */
    private static Map<TopicPartition, Long> start(KafkaConsumer<byte[], byte[]> consumer, ReplayOptions options) {
        List<PartitionInfo> partitions;
        try {
            partitions = consumer.partitionsFor(options.deadLetterTopic(), options.timeout());
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new KafkaException(
                    "no answer from Kafka at " + options.client().get("bootstrap.servers") + " within "
                            + options.timeout().toSeconds() + " s",
                    e);
        }
        if (partitions == null || partitions.isEmpty()) {
            throw new IllegalArgumentException("topic '" + options.deadLetterTopic() + "' does not exist");
        }
        List<TopicPartition> assigned = partitions.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(assigned);
        Map<TopicPartition, OffsetAndMetadata> committed =
                options.fromBeginning() ? Map.of() : consumer.committed(Set.copyOf(assigned), options.timeout());
        for (TopicPartition partition : assigned) {
            OffsetAndMetadata at = committed.get(partition);
            if (at == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, at);
            }
        }
        return consumer.endOffsets(assigned, options.timeout());
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static String line(DeadLetter letter, Verdict verdict, boolean dryRun) {
        String what =
                switch (verdict.action()) {
                    case REPLAY ->
                        (dryRun ? "would replay " : "replayed ") + letter.position() + " → " + verdict.target();
                    case PASS_OVER -> "passed over " + letter.position() + " (" + verdict.reason() + ")";
                    case REFUSE -> "refused " + letter.position() + " (" + verdict.reason() + ")";
                };
        return what + "  key=" + letter.keyText() + "  error=" + letter.error();
    }

    private static Properties consumerSettings(ReplayOptions options) {
        Properties settings = new Properties();
        settings.putAll(options.client());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, options.group());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // one transaction per poll: 2,000 replayed 300,000 dead letters at 19-23k/s, 500 at 14-16k/s, 5,000 as 2,000
        // (bench/run dlq-replay, BENCHMARKS.md 2026-12-07)
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        settings.put(
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                Long.toString(options.timeout().toMillis()));
        return settings;
    }

    private static KafkaProducer<byte[], byte[]> transactionalProducer(ReplayOptions options) {
        Properties settings = new Properties();
        settings.putAll(options.client());
        // One transactional id per group: a second run of the same replay fences a stale first one.
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, options.group());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        settings.put(
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                Long.toString(options.timeout().toMillis()));
        // dead letters include the largest records anyone sent; allow what the topics allow by default (1 MiB)
        settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(1024 * 1024 + 64 * 1024));
        KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
        producer.initTransactions();
        return producer;
    }
}
