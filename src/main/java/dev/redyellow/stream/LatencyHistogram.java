package dev.redyellow.stream;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts latencies in a fixed set of buckets, so memory stays constant however many chunks flow:
 * one bucket for everything up to 1 µs, then 8 buckets per power of two up to about 18 minutes
 * (so a reported percentile is at most 12.5 % above the true value), then one overflow bucket.
 * Thread-safe and lock-free.
 */
public final class LatencyHistogram {

    private static final int FIRST_POWER = 10; // 2^10 ns ~ 1 µs
    private static final int LAST_POWER = 40;  // 2^41 ns ~ 37 min upper end
    private static final int SUB_BUCKETS = 8;
    private static final int SUB_BITS = 3;
    private static final int BUCKETS = 1 + (LAST_POWER - FIRST_POWER + 1) * SUB_BUCKETS + 1;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final LongAdder total = new LongAdder();

    public void record(long nanos) {
        counts.incrementAndGet(bucketOf(Math.max(0, nanos)));
        total.increment();
    }

    public long count() {
        return total.sum();
    }

    /**
     * The upper bound of the bucket holding the {@code quantile} (0..1] of the samples, in nanos;
     * 0 when nothing was recorded.
     */
    public long percentileNanos(double quantile) {
        if (!(quantile > 0 && quantile <= 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1], was " + quantile);
        }
        long[] snapshot = new long[BUCKETS];
        long sum = 0;
        for (int i = 0; i < BUCKETS; i++) {
            snapshot[i] = counts.get(i);
            sum += snapshot[i];
        }
        if (sum == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(quantile * sum);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += snapshot[i];
            if (seen >= rank) {
                return upperBoundOf(i);
            }
        }
        return upperBoundOf(BUCKETS - 1);
    }

    static int bucketOf(long nanos) {
        if (nanos < (1L << FIRST_POWER)) {
            return 0;
        }
        int power = 63 - Long.numberOfLeadingZeros(nanos);
        if (power > LAST_POWER) {
            return BUCKETS - 1;
        }
        int sub = (int) (nanos >>> (power - SUB_BITS)) & (SUB_BUCKETS - 1);
        return 1 + (power - FIRST_POWER) * SUB_BUCKETS + sub;
    }

    static long upperBoundOf(int bucket) {
        if (bucket == 0) {
            return (1L << FIRST_POWER) - 1;
        }
        if (bucket == BUCKETS - 1) {
            return Long.MAX_VALUE;
        }
        int power = FIRST_POWER + (bucket - 1) / SUB_BUCKETS;
        int sub = (bucket - 1) % SUB_BUCKETS;
        return ((long) (SUB_BUCKETS + sub + 1) << (power - SUB_BITS)) - 1;
    }
}
