package io.apath.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.apath.bench.load.GeneratedMention;
import io.apath.bench.load.LoadProfile;
import io.apath.bench.load.MentionGenerator;
import io.apath.bench.load.SampleTexts;
import io.apath.bench.stats.Percentiles;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IngestThroughputTest {

    @Test
    void timetableSpacesRequestsEvenlyAtTheOfferedRate() {
        // 10,000 mentions/s in requests of 100: one every 10 ms, 100 per second
        assertThat(IngestThroughput.scheduledRequests(10_000, 100, 30)).isEqualTo(3_000);
        assertThat(IngestThroughput.scheduledAt(1_000, 0, 10_000, 100)).isEqualTo(1_000);
        assertThat(IngestThroughput.scheduledAt(1_000, 1, 10_000, 100)).isEqualTo(1_000 + 10_000_000);
        assertThat(IngestThroughput.scheduledAt(0, 2_999, 10_000, 100)).isEqualTo(29_990_000_000L);
        // a rate that does not divide evenly still averages out
        assertThat(IngestThroughput.scheduledAt(0, 3, 3_000, 100)).isEqualTo(100_000_000L);
    }

    @Test
    void batchesHoldOneTenantEachAndNoMentionTwice() {
        MentionGenerator generator =
                new MentionGenerator(LoadProfile.of("it-test", 3, 500), SampleTexts.load(), 10_000);
        IngestThroughput.BatchSource source = new IngestThroughput.BatchSource(generator, 100);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            List<GeneratedMention> batch = source.next();
            assertThat(batch).hasSize(100);
            assertThat(batch.stream().map(GeneratedMention::tenant).distinct()).hasSize(1);
            batch.forEach(m -> assertThat(ids.add(m.mention().nativeId())).isTrue());
        }
    }

    @Test
    void latencyTargetIsJudgedAtHalfTheThroughputTarget() {
        assertThat(IngestThroughput.latencyVerdict(open(10_000, 10_000, 30))).startsWith("**met**");
        assertThat(IngestThroughput.latencyVerdict(open(12_000, 12_000, 80))).startsWith("**not met**");
        assertThat(IngestThroughput.latencyVerdict(open(10_000, 7_000, 30)))
                .startsWith("**not met**")
                .contains("did not keep up");
        // below 10,000/s a good p99 does not prove the target, a bad one already fails it
        assertThat(IngestThroughput.latencyVerdict(open(6_000, 6_000, 30))).startsWith("not measured at 10,000/s");
        assertThat(IngestThroughput.latencyVerdict(open(6_000, 6_000, 70))).startsWith("**not met**");
    }

    private static IngestThroughput.Open open(int rate, double achieved, double p99) {
        Percentiles.Summary latency = new Percentiles.Summary(100, p99 / 3, p99 / 2, p99, p99 * 2, p99 / 3);
        return new IngestThroughput.Open(
                rate,
                "test",
                100,
                30,
                100,
                100,
                0,
                100,
                (long) achieved * 30,
                0,
                0,
                achieved,
                latency,
                latency,
                null,
                List.of(),
                0);
    }
}
