package io.apath.contracts;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The catalogue of A-Path topics (v1). One writer per topic. The public topics carry the JSON contracts of this
 * module; the internal topics each belong to one service, which alone reads and writes them, so their values are
 * typed as the bytes/text that service puts there and their format may change with that service.
 */
public final class Topics {

    /** Partitions are the unit of parallelism; six lets 1, 2, 3 or 6 instances share the load evenly. */
    public static final int DEFAULT_PARTITIONS = 6;

    static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(14);

    /** ingest → classifier. */
    public static final Topic<CustomerKey, Mention> MENTIONS = new Topic<>(
            "mentions.v1",
            CustomerKey.class,
            Mention.class,
            CleanupPolicy.DELETE,
            Duration.ofDays(7),
            DEFAULT_PARTITIONS);

    /** classifier → journey; kept 30 days so journeys can be rebuilt under new rules or a new model. */
    public static final Topic<CustomerKey, ClassifiedMention> MENTIONS_CLASSIFIED = new Topic<>(
            "mentions-classified.v1",
            CustomerKey.class,
            ClassifiedMention.class,
            CleanupPolicy.DELETE,
            Duration.ofDays(30),
            DEFAULT_PARTITIONS);

    /** journey → downstream systems, as CloudEvents (Kafka binary mode). */
    public static final Topic<CustomerKey, JourneyEvent> JOURNEY_EVENTS = new Topic<>(
            "journey-events.v1",
            CustomerKey.class,
            JourneyEvent.class,
            CleanupPolicy.DELETE,
            Duration.ofDays(30),
            DEFAULT_PARTITIONS);

    /** journey → downstream: latest journey per customer, tombstone on erasure. */
    public static final Topic<CustomerKey, CustomerJourney> JOURNEY_STATE = new Topic<>(
            "journey-state.v1",
            CustomerKey.class,
            CustomerJourney.class,
            CleanupPolicy.COMPACT,
            null,
            DEFAULT_PARTITIONS);

    /** journey (erasure / consent API) → ingest; tombstone lifts a suppression. */
    public static final Topic<CustomerKey, Suppression> SUPPRESSIONS = new Topic<>(
            "suppressions.v1", CustomerKey.class, Suppression.class, CleanupPolicy.COMPACT, null, DEFAULT_PARTITIONS);

    /**
     * Internal to ingest-service: the last position each connector (RSS/Atom feed, Mastodon tag) reached, saved only
     * after its mentions were acknowledged, so a restart resumes there. Keyed by connector id (not a customer), one
     * partition because it is tiny and read whole at start-up; compacted because only the latest checkpoint matters.
     * The value is ingest's own checkpoint JSON, hence {@code String}: no other service may depend on it.
     */
    public static final Topic<String, String> INGEST_CHECKPOINTS =
            new Topic<>("ingest-checkpoints.v1", String.class, String.class, CleanupPolicy.COMPACT, null, 1);

    /**
     * Internal to classifier-service: reviewers' label corrections ({@code POST /v1/corrections}), keyed
     * {@code tenant:mentionId}. A dump of this topic is the {@code train --corrections} input, so it is compacted,
     * not time-limited: a re-correction of the same mention replaces the earlier one and no label ages out before the
     * next retrain. The value is the training guideline's JSON line, the classifier's business, hence {@code String}.
     */
    public static final Topic<String, String> LABEL_CORRECTIONS = new Topic<>(
            "label-corrections.v1", String.class, String.class, CleanupPolicy.COMPACT, null, DEFAULT_PARTITIONS);

    /**
     * Internal to journey-service: its erasure / consent commands, fed to the same stateful processor as
     * {@link #MENTIONS_CLASSIFIED}, so it MUST have the same partition count (a customer's commands have to land on
     * the partition number their mentions use; journey refuses to start otherwise). Kept as long as
     * mentions-classified.v1 so a replay from there re-applies every erasure too. Keyed by customer; the value is
     * journey's internal command JSON, hence {@code String}.
     */
    public static final Topic<CustomerKey, String> JOURNEY_COMMANDS = new Topic<>(
            "journey-commands.v1",
            CustomerKey.class,
            String.class,
            CleanupPolicy.DELETE,
            MENTIONS_CLASSIFIED.retention(),
            MENTIONS_CLASSIFIED.partitions());

    /** Topics one service alone reads and writes; in the catalogue so the local broker and the chart create them. */
    public static final List<Topic<?, ?>> INTERNAL = List.of(INGEST_CHECKPOINTS, LABEL_CORRECTIONS, JOURNEY_COMMANDS);

    /** The topics with a consumer that may meet a record it cannot process, and so a dead-letter topic. */
    public static final List<Topic<?, ?>> CONSUMED = List.of(MENTIONS, MENTIONS_CLASSIFIED, SUPPRESSIONS);

    /** Every topic A-Path needs, dead-letter topics included. */
    public static final List<Topic<?, ?>> ALL = Stream.concat(
                    Stream.concat(
                            Stream.of(MENTIONS, MENTIONS_CLASSIFIED, JOURNEY_EVENTS, JOURNEY_STATE, SUPPRESSIONS),
                            INTERNAL.stream()),
                    CONSUMED.stream().map(Topic::deadLetters))
            .toList();

    /**
     * The topics whose unprocessable records land on {@code deadLetterTopic}, so the only ones a replay may write its
     * records back to: the consumed topic it is named after, and for {@code mentions-classified.v1.dlq} also
     * {@link #JOURNEY_COMMANDS}, whose records journey reads beside the classified mentions. Empty for a topic that is
     * not a dead-letter topic of the catalogue.
     */
    public static List<Topic<?, ?>> deadLetteredTo(String deadLetterTopic) {
        for (Topic<?, ?> consumed : CONSUMED) {
            if (consumed.deadLetters().name().equals(deadLetterTopic)) {
                return consumed == MENTIONS_CLASSIFIED
                        ? List.of(MENTIONS_CLASSIFIED, JOURNEY_COMMANDS)
                        : List.of(consumed);
            }
        }
        return List.of();
    }

    private Topics() {}
}
