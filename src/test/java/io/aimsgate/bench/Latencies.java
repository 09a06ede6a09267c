package io.aimsgate.bench;

import java.util.Arrays;

/** Durations in nanoseconds from many threads; percentiles by rank (nearest-rank method). */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized void addAll(Latencies other) {
        long[] theirs = other.snapshot();
        for (long value : theirs) {
            add(value);
        }
    }

    synchronized int count() {
        return size;
    }

    private synchronized long[] snapshot() {
        return Arrays.copyOf(values, size);
    }

    /** Percentile in milliseconds, {@code p} in (0, 100]. */
    double percentileMs(double p) {
        long[] sorted = snapshot();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1_000_000.0;
    }

    /** "p50 / p95 / p99 ms". */
    String summary() {
        return String.format("%s / %s / %s", ms(percentileMs(50)), ms(percentileMs(95)), ms(percentileMs(99)));
    }

    String summary5095() {
        return String.format("%s / %s", ms(percentileMs(50)), ms(percentileMs(95)));
    }

    static String ms(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value >= 100 ? String.format("%.0f", value) : value >= 10 ? String.format("%.1f", value)
                : String.format("%.2f", value);
    }
}
