package io.apath.journey.binding;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the commands topic with as many partitions as the classified-mentions topic. Both feed the same stateful
 * processor, so a customer's commands must land on the partition number their mentions use; a default-sized
 * auto-created topic would silently break that.
 */
final class CommandsTopic {

    private CommandsTopic() {}

    static void ensure(KafkaClientSettings clients, String commandsTopic, String inputTopic) {
        try (Admin admin = Admin.create(clients.admin("journey-service-topics", Map.of()))) {
            int partitions = admin.describeTopics(Set.of(inputTopic))
                    .allTopicNames()
                    .get()
                    .get(inputTopic)
                    .partitions()
                    .size();
            Set<String> existing = admin.listTopics().names().get();
            if (existing.contains(commandsTopic)) {
                int actual = admin.describeTopics(Set.of(commandsTopic))
                        .allTopicNames()
                        .get()
                        .get(commandsTopic)
                        .partitions()
                        .size();
                if (actual != partitions) {
                    throw new IllegalStateException(commandsTopic + " has " + actual + " partitions but " + inputTopic
                            + " has " + partitions + "; they must match");
                }
                return;
            }
            NewTopic topic = new NewTopic(commandsTopic, partitions, (short) -1)
                    // As long as mentions-classified.v1, so a replay from there re-applies every erasure too.
                    .configs(Map.of("retention.ms", String.valueOf(30L * 24 * 3600 * 1000)));
            admin.createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot prepare " + commandsTopic + ": " + e.getCause(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing " + commandsTopic, e);
        }
    }
}
