package io.apath.contracts;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** The catalogue of A-Path topics (v1). One writer per topic; every value is JSON. */
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

    /** The topics with a consumer that may meet a record it cannot process, and so a dead-letter topic. */
    public static final List<Topic<?, ?>> CONSUMED = List.of(MENTIONS, MENTIONS_CLASSIFIED, SUPPRESSIONS);

    /** Every topic A-Path needs, dead-letter topics included. */
    public static final List<Topic<?, ?>> ALL = Stream.concat(
                    Stream.of(MENTIONS, MENTIONS_CLASSIFIED, JOURNEY_EVENTS, JOURNEY_STATE, SUPPRESSIONS),
                    CONSUMED.stream().map(Topic::deadLetters))
            .toList();

    private Topics() {}
}
