package io.apath.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void topicNamesAreUnique() {
        List<String> names = Topics.ALL.stream().map(Topic::name).toList();

        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void everyConsumedTopicHasADeadLetterTopic() {
        List<String> names = Topics.ALL.stream().map(Topic::name).toList();

        assertThat(Topics.CONSUMED).isNotEmpty();
        for (Topic<?, ?> consumed : Topics.CONSUMED) {
            assertThat(names).contains(consumed.name() + ".dlq");
            assertThat(Topics.ALL).contains(consumed.deadLetters());
        }
    }

    @Test
    void aDeadLetterTopicNamesTheTopicsItsRecordsMayBeReplayedTo() {
        assertThat(Topics.deadLetteredTo("mentions.v1.dlq")).containsExactly(Topics.MENTIONS);
        assertThat(Topics.deadLetteredTo("mentions-classified.v1.dlq"))
                .containsExactly(Topics.MENTIONS_CLASSIFIED, Topics.JOURNEY_COMMANDS);
        assertThat(Topics.deadLetteredTo("suppressions.v1.dlq")).containsExactly(Topics.SUPPRESSIONS);
        assertThat(Topics.deadLetteredTo("mentions.v1")).isEmpty();
        assertThat(Topics.deadLetteredTo("journey-state.v1.dlq")).isEmpty();
    }

    @Test
    void deadLetterTopicsKeepRawBytesForTwoWeeks() {
        Topic<byte[], byte[]> dlq = Topics.MENTIONS.deadLetters();

        assertThat(dlq.name()).isEqualTo("mentions.v1.dlq");
        assertThat(dlq.keyType()).isEqualTo(byte[].class);
        assertThat(dlq.valueType()).isEqualTo(byte[].class);
        assertThat(dlq.cleanupPolicy()).isEqualTo(CleanupPolicy.DELETE);
        assertThat(dlq.retention()).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void compactedTopicsHaveNoRetentionAndDeletedTopicsHaveOne() {
        for (Topic<?, ?> topic : Topics.ALL) {
            if (topic.cleanupPolicy() == CleanupPolicy.COMPACT) {
                assertThat(topic.retention()).as(topic.name()).isNull();
            } else {
                assertThat(topic.retention()).as(topic.name()).isPositive();
            }
        }
    }

    @Test
    void catalogueMatchesTheDesign() {
        assertThat(Topics.MENTIONS.name()).isEqualTo("mentions.v1");
        assertThat(Topics.MENTIONS.retention()).isEqualTo(Duration.ofDays(7));
        assertThat(Topics.MENTIONS_CLASSIFIED.name()).isEqualTo("mentions-classified.v1");
        assertThat(Topics.MENTIONS_CLASSIFIED.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(Topics.JOURNEY_EVENTS.name()).isEqualTo("journey-events.v1");
        assertThat(Topics.JOURNEY_EVENTS.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(Topics.JOURNEY_STATE.name()).isEqualTo("journey-state.v1");
        assertThat(Topics.JOURNEY_STATE.cleanupPolicy()).isEqualTo(CleanupPolicy.COMPACT);
        assertThat(Topics.SUPPRESSIONS.name()).isEqualTo("suppressions.v1");
        assertThat(Topics.SUPPRESSIONS.cleanupPolicy()).isEqualTo(CleanupPolicy.COMPACT);
        assertThat(Topics.ALL).hasSize(11);
    }

    @Test
    void everyPublicTopicIsKeyedByCustomerOrCarriesRawBytes() {
        for (Topic<?, ?> topic : Topics.ALL) {
            if (!Topics.INTERNAL.contains(topic)) {
                assertThat(topic.keyType()).as(topic.name()).isIn(CustomerKey.class, byte[].class);
            }
        }
    }

    @Test
    void internalTopicsAreInTheCatalogueAndKeptTheWayTheirOwnersNeed() {
        assertThat(Topics.ALL).containsAll(Topics.INTERNAL);
        assertThat(Topics.INGEST_CHECKPOINTS.name()).isEqualTo("ingest-checkpoints.v1");
        assertThat(Topics.INGEST_CHECKPOINTS.cleanupPolicy()).isEqualTo(CleanupPolicy.COMPACT);
        assertThat(Topics.INGEST_CHECKPOINTS.partitions()).isEqualTo(1);
        assertThat(Topics.LABEL_CORRECTIONS.name()).isEqualTo("label-corrections.v1");
        assertThat(Topics.LABEL_CORRECTIONS.cleanupPolicy()).isEqualTo(CleanupPolicy.COMPACT);
        assertThat(Topics.JOURNEY_COMMANDS.name()).isEqualTo("journey-commands.v1");
        assertThat(Topics.JOURNEY_COMMANDS.cleanupPolicy()).isEqualTo(CleanupPolicy.DELETE);
        assertThat(Topics.JOURNEY_COMMANDS.retention()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void journeyCommandsArePartitionedLikeTheClassifiedMentionsTheyAreProcessedWith() {
        assertThat(Topics.JOURNEY_COMMANDS.partitions()).isEqualTo(Topics.MENTIONS_CLASSIFIED.partitions());
        assertThat(Topics.JOURNEY_COMMANDS.keyType()).isEqualTo(Topics.MENTIONS_CLASSIFIED.keyType());
    }

    @Test
    void cleanupPolicyIsWrittenTheWayKafkaSpellsIt() {
        assertThat(CleanupPolicy.COMPACT.configValue()).isEqualTo("compact");
        assertThat(CleanupPolicy.DELETE.configValue()).isEqualTo("delete");
    }

    @Test
    void aTopicCannotBeBothCompactedAndTimeLimited() {
        assertThatThrownBy(() -> new Topic<>(
                        "x.v1", CustomerKey.class, String.class, CleanupPolicy.COMPACT, Duration.ofDays(1), 6))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Topic<>("x.v1", CustomerKey.class, String.class, CleanupPolicy.DELETE, null, 6))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
