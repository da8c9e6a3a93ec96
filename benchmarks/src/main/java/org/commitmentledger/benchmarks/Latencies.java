package org.commitmentledger.benchmarks;

import java.util.Arrays;

/** Percentiles of measured latencies, in milliseconds (nearest-rank). */
record Latencies(long count, double p50, double p95, double p99) {

    static Latencies of(long[] nanos) {
        if (nanos.length == 0) {
            return new Latencies(0, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99));
    }

    private static double rank(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }
}
