package io.apath.bench.stats;

import java.util.Arrays;
import java.util.Locale;

/**
 * Exact percentiles (nearest rank) of a set of durations in microseconds. Samples are few enough (one per mention of a
 * latency run) to keep all of them, which avoids any histogram bucketing error.
 */
public final class Percentiles {

    private long[] values = new long[1024];
    private int size;

    public synchronized void add(long micros) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = micros;
    }

    public synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return Summary.of(sorted);
    }

    /** Durations in milliseconds (fractional), nearest-rank percentiles. */
    public record Summary(long count, double p50, double p95, double p99, double max, double mean) {

        static Summary of(long[] sortedMicros) {
            if (sortedMicros.length == 0) {
                return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            double sum = 0;
            for (long v : sortedMicros) {
                sum += v;
            }
            return new Summary(
                    sortedMicros.length,
                    rank(sortedMicros, 50) / 1000.0,
                    rank(sortedMicros, 95) / 1000.0,
                    rank(sortedMicros, 99) / 1000.0,
                    sortedMicros[sortedMicros.length - 1] / 1000.0,
                    sum / sortedMicros.length / 1000.0);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "n=%d p50=%.1f p95=%.1f p99=%.1f max=%.1f ms", count, p50, p95, p99, max);
        }
    }

    /** Nearest rank: the smallest value with at least {@code percent}% of the samples at or below it. */
    static long rank(long[] sorted, double percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}
