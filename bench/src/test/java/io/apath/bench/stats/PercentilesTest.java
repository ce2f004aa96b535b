package io.apath.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankPercentilesOfOneToHundredMilliseconds() {
        Percentiles p = new Percentiles();
        for (int ms = 100; ms >= 1; ms--) {
            p.add(ms * 1000L);
        }
        Percentiles.Summary s = p.summary();
        assertThat(s.count()).isEqualTo(100);
        assertThat(s.p50()).isEqualTo(50.0);
        assertThat(s.p95()).isEqualTo(95.0);
        assertThat(s.p99()).isEqualTo(99.0);
        assertThat(s.max()).isEqualTo(100.0);
        assertThat(s.mean()).isEqualTo(50.5);
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        Percentiles p = new Percentiles();
        p.add(7_500);
        assertThat(p.summary().p50()).isEqualTo(7.5);
        assertThat(p.summary().p99()).isEqualTo(7.5);
    }

    @Test
    void noSamplesGiveNoNumbers() {
        assertThat(new Percentiles().summary().count()).isZero();
        assertThat(new Percentiles().summary().p99()).isNaN();
    }

    @Test
    void growsBeyondItsInitialCapacity() {
        Percentiles p = new Percentiles();
        for (int i = 0; i < 5000; i++) {
            p.add(i);
        }
        assertThat(p.summary().count()).isEqualTo(5000);
        assertThat(p.summary().max()).isEqualTo(4.999);
    }
}
