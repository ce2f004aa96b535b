package io.apath.journey.topology;

import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.CustomerJourney;
import io.apath.contracts.JourneyEvent;
import io.apath.contracts.Suppression;
import io.apath.journey.domain.JourneyInput;
import io.apath.journey.domain.JourneyPolicy;
import io.apath.journey.domain.JourneyState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/** The journey topology in a {@link TopologyTestDriver}, with typed topics and the wall clock under test control. */
final class JourneyDriver implements AutoCloseable {

    static final String INPUT = "mentions-classified.v1";
    static final String COMMANDS = "journey-commands.v1";
    static final String EVENTS = "journey-events.v1";
    static final JourneyTopics TOPICS =
            new JourneyTopics("journey-state.v1", "suppressions.v1", "mentions-classified.v1.dlq", COMMANDS);
    static final Duration PUNCTUATE_EVERY = Duration.ofSeconds(10);

    private final JourneySerdes serdes = JourneySerdes.create();
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, ClassifiedMention> mentions;
    private final TestInputTopic<String, JourneyInput> commands;
    private final TestInputTopic<String, String> rawMentions;
    private final TestOutputTopic<String, JourneyEvent> events;
    private final TestOutputTopic<String, CustomerJourney> state;
    private final TestOutputTopic<String, Suppression> suppressions;
    private final TestOutputTopic<String, byte[]> deadLetters;

    JourneyDriver(JourneyPolicy policy, Instant wallClock) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, ClassifiedMention> in =
                builder.stream(INPUT, Consumed.with(Serdes.String(), serdes.classifiedMention()));
        KStream<String, JourneyInput> cmds =
                builder.stream(COMMANDS, Consumed.with(Serdes.String(), serdes.journeyInput()));
        JourneyTopology.build(in, cmds, policy, serdes, TOPICS, PUNCTUATE_EVERY, JourneyObserver.NONE)
                .to(EVENTS, Produced.with(Serdes.String(), serdes.journeyEvent()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "journey-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, tempDir().toString());
        driver = new TopologyTestDriver(builder.build(), props, wallClock);
        mentions = driver.createInputTopic(
                INPUT, new StringSerializer(), serdes.classifiedMention().serializer());
        rawMentions = driver.createInputTopic(INPUT, new StringSerializer(), new StringSerializer());
        commands = driver.createInputTopic(
                COMMANDS, new StringSerializer(), serdes.journeyInput().serializer());
        events = driver.createOutputTopic(
                EVENTS, new StringDeserializer(), serdes.journeyEvent().deserializer());
        state = driver.createOutputTopic(
                TOPICS.state(),
                new StringDeserializer(),
                serdes.customerJourney().deserializer());
        suppressions = driver.createOutputTopic(
                TOPICS.suppressions(),
                new StringDeserializer(),
                serdes.suppression().deserializer());
        deadLetters = driver.createOutputTopic(
                TOPICS.deadLetters(),
                new StringDeserializer(),
                Serdes.ByteArray().deserializer());
    }

    JourneyDriver pipe(ClassifiedMention... classified) {
        for (ClassifiedMention m : classified) {
            mentions.pipeInput(m.mention().customerKey().value(), m, m.mention().createdAt());
        }
        return this;
    }

    JourneyDriver pipeWithKey(String key, ClassifiedMention m) {
        mentions.pipeInput(key, m, m.mention().createdAt());
        return this;
    }

    JourneyDriver pipeRaw(String key, String json) {
        rawMentions.pipeInput(key, json);
        return this;
    }

    JourneyDriver command(JourneyInput command) {
        return commandWithKey(command.customerKey().value(), command);
    }

    JourneyDriver commandWithKey(String key, JourneyInput command) {
        commands.pipeInput(key, command);
        return this;
    }

    JourneyDriver advanceWallClock(Duration by) {
        driver.advanceWallClockTime(by);
        return this;
    }

    List<JourneyEvent> events() {
        return events.readValuesToList();
    }

    List<TestRecord<String, JourneyEvent>> eventRecords() {
        return events.readRecordsToList();
    }

    /** Latest value per key of the state topic, tombstones removing the key; drains the topic. */
    Map<String, CustomerJourney> stateTopic(Map<String, CustomerJourney> into) {
        for (TestRecord<String, CustomerJourney> r : state.readRecordsToList()) {
            if (r.value() == null) {
                into.remove(r.key());
            } else {
                into.put(r.key(), r.value());
            }
        }
        return into;
    }

    List<TestRecord<String, CustomerJourney>> stateRecords() {
        return state.readRecordsToList();
    }

    List<TestRecord<String, Suppression>> suppressions() {
        return suppressions.readRecordsToList();
    }

    List<TestRecord<String, byte[]>> deadLetters() {
        return deadLetters.readRecordsToList();
    }

    JourneyState stored(String customerKey) {
        KeyValueStore<String, JourneyState> store = driver.getKeyValueStore(JourneyTopology.STORE);
        return store.get(customerKey);
    }

    List<String> storedKeys() {
        KeyValueStore<String, JourneyState> store = driver.getKeyValueStore(JourneyTopology.STORE);
        List<String> keys = new ArrayList<>();
        store.all().forEachRemaining(kv -> keys.add(kv.key));
        return keys;
    }

    /** The {@code response-correlation} store: sides of complaint–answer pairs still waiting for the other side. */
    Map<String, ResponseCorrelation> waitingCorrelations() {
        KeyValueStore<String, ResponseCorrelation> store = driver.getKeyValueStore(CorrelateAnswers.STORE);
        Map<String, ResponseCorrelation> waiting = new java.util.TreeMap<>();
        store.all().forEachRemaining(kv -> waiting.put(kv.key, kv.value));
        return waiting;
    }

    /** The correlation branch's {@code erased-complainants} store: customer key → erasure time. */
    Map<String, Long> erasedComplainants() {
        KeyValueStore<String, Long> store = driver.getKeyValueStore(CorrelateAnswers.ERASED);
        Map<String, Long> erased = new java.util.TreeMap<>();
        store.all().forEachRemaining(kv -> erased.put(kv.key, kv.value));
        return erased;
    }

    static String header(TestRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        driver.close();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("journey-topology-test-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
