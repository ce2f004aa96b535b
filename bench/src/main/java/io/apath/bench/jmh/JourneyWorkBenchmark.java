package io.apath.bench.jmh;

import io.apath.bench.load.GeneratedMention;
import io.apath.bench.load.LoadProfile;
import io.apath.bench.load.MentionGenerator;
import io.apath.bench.load.SampleTexts;
import io.apath.bench.load.SyntheticClassification;
import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.JourneyEvent;
import io.apath.contracts.Topics;
import io.apath.journey.domain.JourneyPolicy;
import io.apath.journey.domain.JourneyState;
import io.apath.journey.domain.JourneyUpdate;
import io.apath.journey.topology.JourneySerdes;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH: journey's own work per classified mention, without Kafka Streams, RocksDB or a broker, on the load
 * {@code journey-throughput} writes (the bench's Zipf-skewed customers, synthetic confident classifications). Per
 * mention, as {@code ApplyJourneys} does it: the input record's JSON read, the customer's state read from its stored
 * bytes, the policy with its CEL rules, the timer check, the state written back in the store's binary format, the
 * {@code journey-state.v1} JSON and each journey event's JSON (the CloudEvent headers around it are left out).
 *
 * <p>The store is a {@code HashMap} of encoded states. The mentions are generated once per fork; one operation is the
 * whole backlog, replayed into an empty store, so every measurement does the same work (journeys growing from nothing,
 * as in a real backlog; no mention is a re-delivery) and the score is seconds per backlog. What it measures is the part
 * of journey's CPU that A-Path's code decides; the rest (Kafka Streams, the producer, RocksDB) is
 * {@code journey-throughput}'s figure minus this one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(jvmArgs = {"-Xmx1434m"}) // the bench's journey heap
public class JourneyWorkBenchmark {

    @Param("300000")
    public int mentions;

    @Param("100000")
    public int customers;

    @Param("1.05")
    public double zipf;

    private final JourneySerdes serdes = JourneySerdes.create();
    private final JourneyPolicy policy = JourneyPolicy.withDefaults();
    private final Deserializer<ClassifiedMention> input =
            serdes.classifiedMention().deserializer();
    private final Serializer<JourneyState> stateWriter = serdes.journeyState().serializer();
    private final Deserializer<JourneyState> stateReader = serdes.journeyState().deserializer();
    private final Map<String, byte[]> store = new HashMap<>();
    private String[] keys;
    private byte[][] records;

    @Setup
    public void generate() {
        LoadProfile profile = LoadProfile.of("jw", 7, customers).withZipfExponent(zipf);
        MentionGenerator generator = new MentionGenerator(profile, SampleTexts.load(), mentions);
        SplittableRandom random = new SplittableRandom(17);
        Instant now = profile.end();
        keys = new String[mentions];
        records = new byte[mentions][];
        for (int i = 0; i < mentions; i++) {
            GeneratedMention m = generator.next();
            keys[i] = m.customerKey();
            records[i] = SyntheticClassification.of(m.asPublished(now), random);
        }
    }

    @Setup(Level.Invocation)
    public void emptyStore() {
        store.clear();
    }

    /** The whole backlog, each mention start to end of journey's own work for it. */
    @Benchmark
    public void replayBacklog(Blackhole out) {
        for (int i = 0; i < mentions; i++) {
            apply(keys[i], records[i], out);
        }
    }

    private void apply(String key, byte[] record, Blackhole out) {
        ClassifiedMention classified = input.deserialize(Topics.MENTIONS_CLASSIFIED.name(), record);
        byte[] stored = store.get(key);
        JourneyState current = stored == null ? null : stateReader.deserialize("journeys", stored);
        JourneyUpdate update = policy.apply(current, classified);
        if (!update.changed()) {
            return;
        }
        out.consume(policy.nextTimer(update.state()));
        out.consume(policy.nextTimer(current));
        store.put(key, stateWriter.serialize("journeys", update.state()));
        out.consume(serdes.customerJourney()
                .serializer()
                .serialize("journey-state.v1", update.state().journey()));
        for (JourneyEvent event : update.events()) {
            out.consume(serdes.journeyEvent().serializer().serialize("journey-events.v1", event));
        }
    }
}
