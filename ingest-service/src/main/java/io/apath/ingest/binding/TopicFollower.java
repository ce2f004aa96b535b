package io.apath.ingest.binding;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of one topic into local state, on its own thread, without a consumer group: each replica
 * needs the whole topic, not a share of it. {@link #loaded()} turns true once it has read up to where the topic ended
 * when it started, and stays true. Keeps retrying while the broker is away.
 */
abstract class TopicFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final String topic;
    private final Consumer<byte[], byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean loaded;
    private Map<TopicPartition, Long> loadedAt;

    TopicFollower(String topic, KafkaClientSettings clients, String clientId) {
        this.topic = topic;
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        props.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        this.consumer = new KafkaConsumer<>(clients.consumer(clientId, props));
        this.thread = new Thread(this::run, clientId);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    boolean loaded() {
        return loaded;
    }

    String topic() {
        return topic;
    }

    /** Where to start reading each partition. */
    abstract void seekStart(Consumer<byte[], byte[]> consumer, List<TopicPartition> partitions);

    abstract void accept(ConsumerRecord<byte[], byte[]> record);

    /** Called after every poll, on the follower's thread. */
    void afterPoll() {}

    private void run() {
        try {
            follow();
        } finally {
            consumer.close();
        }
    }

    private void follow() {
        while (running) {
            try {
                if (consumer.assignment().isEmpty()) {
                    List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
                    if (partitions.isEmpty()) {
                        log.warn("Topic {} does not exist (yet), retrying", topic);
                        pause();
                        continue;
                    }
                    consumer.assign(partitions);
                    seekStart(consumer, partitions);
                    loadedAt = consumer.endOffsets(partitions);
                    log.info("Reading {} ({} partitions)", topic, partitions.size());
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    try {
                        accept(record);
                    } catch (RuntimeException e) {
                        // One unreadable record must not stop the state: log where it is, never its content. A
                        // warning, not an error: poison input is expected (the services dead-letter it) and not a
                        // fault of this follower.
                        log.warn(
                                "Skipping unreadable record {}-{}@{}: {}",
                                record.topic(),
                                record.partition(),
                                record.offset(),
                                e.toString());
                    }
                }
                afterPoll();
                if (!loaded && caughtUp()) {
                    loaded = true;
                    log.info("Read {} up to its end at start-up", topic);
                }
            } catch (WakeupException e) {
                break;
            } catch (KafkaException e) {
                if (!running) {
                    break;
                }
                log.warn("Cannot read {} yet, retrying: {}", topic, e.toString());
                pause();
            }
        }
    }

    private boolean caughtUp() {
        for (Map.Entry<TopicPartition, Long> end : loadedAt.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
