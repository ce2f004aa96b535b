package io.apath.ingest.binding;

import io.apath.ingest.domain.RecentMentions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code mentions.v1} (from now minus the idempotency window) → {@link RecentMentions}. Because the window is rebuilt
 * from the topic itself, it survives restarts and includes what every other ingest replica published.
 */
class MentionLogFollower extends TopicFollower {

    private static final long EVICT_EVERY_MS = 60_000;

    private final RecentMentions recent;
    private final Clock clock;
    private final JsonMapper json;
    private long lastEviction;

    MentionLogFollower(String topic, KafkaClientSettings clients, RecentMentions recent, Clock clock, JsonMapper json) {
        super(topic, clients, "ingest-recent-mentions");
        this.recent = recent;
        this.clock = clock;
        this.json = json;
    }

    @Override
    void seekStart(Consumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
        long from = clock.instant().minus(recent.window()).toEpochMilli();
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, from));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(query);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = offsets.get(partition);
            if (offset == null) {
                consumer.seekToEnd(List.of(partition)); // nothing that recent on this partition
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
    }

    @Override
    void accept(ConsumerRecord<byte[], byte[]> record) {
        String id = mentionId(record);
        if (id != null) {
            recent.observed(id, Instant.ofEpochMilli(record.timestamp()));
        }
    }

    @Override
    void afterPoll() {
        long now = clock.millis();
        if (now - lastEviction > EVICT_EVERY_MS) {
            recent.evict(clock.instant());
            lastEviction = now;
        }
    }

    /** The header ingest writes; the value's {@code mentionId} for records written without it. */
    private String mentionId(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(KafkaMentionPublisher.MENTION_ID_HEADER);
        if (header != null) {
            return new String(header.value(), StandardCharsets.UTF_8);
        }
        if (record.value() == null) {
            return null;
        }
        JsonNode id = json.readTree(record.value()).get("mentionId");
        return id != null && id.isString() ? id.stringValue() : null;
    }
}
