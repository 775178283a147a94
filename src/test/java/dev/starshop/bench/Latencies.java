package dev.starshop.bench;

import java.util.Arrays;

/** Recorded durations of one benchmark phase, in nanoseconds; thread-safe to record into. */
public final class Latencies {

    private long[] samples = new long[1024];
    private int count;

    public synchronized void record(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    public synchronized int count() {
        return count;
    }

    /** The q-quantile (0 < q ≤ 1) in milliseconds, nearest-rank. */
    public synchronized double percentileMillis(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * count) - 1;
        return sorted[Math.max(0, Math.min(rank, count - 1))] / 1_000_000.0;
    }
}
