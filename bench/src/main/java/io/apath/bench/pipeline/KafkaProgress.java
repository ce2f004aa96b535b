package io.apath.bench.pipeline;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Offsets as the broker reports them: records in a topic (read_committed end offsets) and how many of them a consumer
 * group has not committed yet. Journey commits inside its transactions, so zero journey lag means its output is
 * visible to read_committed readers.
 */
public final class KafkaProgress implements AutoCloseable {

    private final Admin admin;

    public KafkaProgress(String bootstrap) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** Sum of the read_committed end offsets of every partition. */
    public long records(String topic) {
        return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Records of {@code topic} the group has not committed (the whole topic while it has committed nothing). */
    public long lag(String group, String topic) {
        Map<TopicPartition, Long> ends = endOffsets(topic);
        Map<TopicPartition, OffsetAndMetadata> committed =
                get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(), "offsets of group " + group);
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            lag += Math.max(0, end.getValue() - (offset == null ? 0 : offset.offset()));
        }
        return lag;
    }

    private Map<TopicPartition, Long> endOffsets(String topic) {
        List<TopicPartition> partitions =
                get(admin.describeTopics(List.of(topic)).allTopicNames(), "topic " + topic)
                        .get(topic)
                        .partitions()
                        .stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
        Map<TopicPartition, ListOffsetsResultInfo> ends = get(
                admin.listOffsets(
                                partitions.stream()
                                        .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest())),
                                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                        .all(),
                "end offsets of " + topic);
        return ends.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future, String what) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read " + what, e.getCause());
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
