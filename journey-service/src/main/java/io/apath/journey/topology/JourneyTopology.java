package io.apath.journey.topology;

import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.CustomerJourney;
import io.apath.contracts.JourneyEvent;
import io.apath.contracts.Suppression;
import io.apath.journey.domain.JourneyInput;
import io.apath.journey.domain.JourneyInput.MentionClassified;
import io.apath.journey.domain.JourneyPolicy;
import io.apath.journey.domain.JourneyUpdate;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * classified mentions + privacy commands + brand answers (keyed by customer) → journey policy against the
 * {@code journeys} store → latest journey to the state topic, suppressions to the suppressions topic,
 * poison input to the dead-letter topic, journey events (as CloudEvents) returned for the output binding.
 *
 * <p>A brand's answer and the complaint it answers have different keys (the brand's account vs the customer), so a
 * side branch re-keys both by the complained-about post, pairs them in the {@code response-correlation} store, and
 * sends the pair back keyed by customer; an erasure goes to every partition of that branch, to drop the customer's
 * unanswered complaints from the store. Every stateful operator and repartition topic is named so store, changelog
 * and topic names stay stable across releases.
 */
public final class JourneyTopology {

    /** The per-customer journey store, queryable through interactive queries. */
    public static final String STORE = ApplyJourneys.STORE;

    private JourneyTopology() {}

    public static KStream<String, JourneyEvent> build(
            KStream<String, ClassifiedMention> classified,
            KStream<String, JourneyInput> commands,
            JourneyPolicy policy,
            JourneySerdes serdes,
            JourneyTopics topics,
            Duration punctuateEvery,
            JourneyObserver observer) {
        KStream<String, JourneyInput> answers = classified
                .flatMap(
                        (key, mention) -> {
                            ResponseCorrelationKeys.Keyed keyed = ResponseCorrelationKeys.of(policy, mention);
                            return keyed == null
                                    ? List.of()
                                    : java.util.List.of(KeyValue.pair(keyed.key(), keyed.side()));
                        },
                        Named.as("key-by-complained-post"))
                .repartition(Repartitioned.with(Serdes.String(), serdes.correlation())
                        .withName("response-correlation"))
                .process(new CorrelateAnswers.Supplier(serdes, punctuateEvery), Named.as("correlate-answers"))
                .repartition(Repartitioned.with(Serdes.String(), serdes.journeyInput())
                        .withName("answers-by-customer"));

        KStream<String, JourneyInput> inputs = classified
                .mapValues(
                        mention -> mention == null ? null : (JourneyInput) new MentionClassified(mention),
                        Named.as("as-journey-input"))
                .merge(commands, Named.as("with-commands"))
                .merge(answers, Named.as("with-answers"));

        KStream<String, ApplyJourneys.Outcome> outcomes = inputs.process(
                new ApplyJourneys.Supplier(policy, serdes, punctuateEvery, observer, topics.commands()),
                Named.as("apply-journey-policy"));

        outcomes.filter((key, outcome) -> outcome.rejected() != null, Named.as("rejected-input"))
                .mapValues(outcome -> outcome.rejected(), Named.as("rejected-bytes"))
                .to(
                        topics.deadLetters(),
                        Produced.with(Serdes.String(), Serdes.ByteArray()).withName("dead-letter-sink"));

        KStream<String, JourneyUpdate> updates = outcomes.filter(
                        (key, outcome) -> outcome.update() != null, Named.as("applied-input"))
                .mapValues(ApplyJourneys.Outcome::update, Named.as("journey-updates"));
        updates.mapValues(JourneyTopology::latestJourney, Named.as("latest-journey"))
                .to(
                        topics.state(),
                        Produced.with(Serdes.String(), serdes.customerJourney()).withName("journey-state-sink"));
        KStream<String, Suppression> erasures = updates.filter(
                        (key, update) -> update.suppression() != null, Named.as("erasures"))
                .mapValues(JourneyUpdate::suppression, Named.as("suppressions"));
        erasures.to(
                topics.suppressions(),
                Produced.with(Serdes.String(), serdes.suppression()).withName("suppression-sink"));
        // ...and to every partition of the correlation branch, which drops the customer's unanswered complaints
        erasures.repartition(Repartitioned.with(Serdes.String(), serdes.suppression())
                        .withName("erasures-to-answers")
                        .withStreamPartitioner(ForgetErasedComplaints.EVERY_PARTITION))
                .process(
                        ForgetErasedComplaints::new,
                        Named.as("forget-erased-complaints"),
                        CorrelateAnswers.STORE,
                        CorrelateAnswers.ERASED);
        return updates.flatMapValues(JourneyUpdate::events, Named.as("journey-events"))
                .processValues(() -> new AsCloudEvent(observer), Named.as("as-cloud-events"));
    }

    /** Null after an erasure: a tombstone, so compaction removes the customer from the state topic. */
    private static CustomerJourney latestJourney(JourneyUpdate update) {
        return update.erased() ? null : update.state().journey();
    }
}
