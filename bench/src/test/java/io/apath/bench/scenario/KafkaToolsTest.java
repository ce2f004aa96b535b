package io.apath.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KafkaToolsTest {

    @Test
    void findsTheLastLineAPatternMatches() {
        String out = "a 1\nb\na 2\n";
        assertThat(KafkaTools.lastMatch(Pattern.compile("a (\\d)"), out)
                        .orElseThrow()
                        .group(1))
                .isEqualTo("2");
        assertThat(KafkaTools.lastMatch(Pattern.compile("zzz"), out)).isEmpty();
    }

    @Test
    void readsConsumerPerformanceEvenWithJvmWarningsBetweenHeaderAndValues() {
        String out = "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec\n"
                + "WARNING: A restricted method in java.lang.System has been called\n"
                + "WARNING: Use --enable-native-access=ALL-UNNAMED to avoid a warning for callers in this module\n"
                + "\n"
                + "2026-12-07 01:01:18:590, 2026-12-07 01:01:19:200, 0.9778, 1.6030, 2000, 3278.6885\n";

        KafkaTools.ConsumerResult result = KafkaTools.consumerResult(out);

        assertThat(result.records()).isEqualTo(2000);
        assertThat(result.recordsPerSec()).isEqualTo(3278.6885);
        assertThat(result.mbPerSec()).isEqualTo(1.6030);
    }
}
