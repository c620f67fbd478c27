package com.packetjourney.journeylog.domain;

import java.util.Arrays;

/**
 * Simulated latencies in microseconds summarised by percentiles. Percentiles use the nearest-rank method: the
 * P-th percentile is the smallest value such that at least P percent of the values are less than or equal to it,
 * the value at ordinal rank ceil(P / 100 * N). It always returns a latency that was actually observed.
 */
public record LatencyDistribution(int count, long min, long p50, long p90, long p99, long max) {
    public static final LatencyDistribution EMPTY = new LatencyDistribution(0, 0, 0, 0, 0, 0);

    public static LatencyDistribution of(long[] values) {
        if (values.length == 0) {
            return EMPTY;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return new LatencyDistribution(sorted.length, sorted[0], percentile(sorted, 50), percentile(sorted, 90),
                percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    /** Nearest rank over sorted values; {@code p} in (0, 100]. */
    static long percentile(long[] sorted, int p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
