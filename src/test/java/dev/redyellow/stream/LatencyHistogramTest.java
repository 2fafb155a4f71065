package dev.redyellow.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesAreAtMostOneEighthAboveTheTrueValue() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (long micros = 1; micros <= 10_000; micros++) {
            histogram.record(micros * 1_000);
        }

        long p50 = histogram.percentileNanos(0.5);
        long p99 = histogram.percentileNanos(0.99);
        assertTrue(p50 >= 5_000_000 && p50 <= 5_000_000 * 1.125, "p50 " + p50);
        assertTrue(p99 >= 9_900_000 && p99 <= 9_900_000 * 1.125, "p99 " + p99);
        assertEquals(10_000, histogram.count());
    }

    @Test
    void everyValueFallsInABucketWhoseUpperBoundIsNotBelowIt() {
        for (long value = 1; value < Long.MAX_VALUE / 4; value = value * 3 + 1) {
            int bucket = LatencyHistogram.bucketOf(value);
            assertTrue(LatencyHistogram.upperBoundOf(bucket) >= value, "value " + value);
            if (bucket > 0) {
                assertTrue(LatencyHistogram.upperBoundOf(bucket - 1) < value, "value " + value);
            }
        }
    }

    @Test
    void emptyHistogramReportsZero() {
        assertEquals(0, new LatencyHistogram().percentileNanos(0.99));
    }

    @Test
    void rejectsAQuantileOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> new LatencyHistogram().percentileNanos(0));
    }
}
