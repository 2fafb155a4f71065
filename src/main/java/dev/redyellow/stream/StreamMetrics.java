package dev.redyellow.stream;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one publisher or one subscriber: chunks and bytes (published, or delivered), the rate
 * over the span from the first to the latest chunk, end-to-end latency (emit to hand-over to the
 * subscriber) and what a full queue cost. Thread-safe; read through {@link #snapshot()}.
 */
public final class StreamMetrics {

    /**
     * @param chunksPerSecond chunks divided by the time from the first to the latest chunk (0 with fewer than 2)
     * @param overflows       episodes of a full queue: each run of drops that one "skipped" marker reports
     * @param dropped         chunks dropped in total
     */
    public record Snapshot(long chunks, long bytes, double chunksPerSecond, Duration latencyP50,
                           Duration latencyP99, long latencySamples, long overflows, long dropped) {
    }

    private final LongAdder chunks = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final AtomicLong firstNanos = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong lastNanos = new AtomicLong(Long.MIN_VALUE);
    private final LatencyHistogram latency = new LatencyHistogram();
    private final LongAdder overflows = new LongAdder();
    private final LongAdder dropped = new LongAdder();

    void recordChunk(int size, long nowNanos) {
        chunks.increment();
        bytes.add(size);
        firstNanos.compareAndSet(Long.MIN_VALUE, nowNanos);
        lastNanos.accumulateAndGet(nowNanos, (current, now) -> current == Long.MIN_VALUE ? now : Math.max(current, now));
    }

    void recordLatency(long nanos) {
        latency.record(nanos);
    }

    void recordOverflow() {
        overflows.increment();
    }

    void recordDropped(long count) {
        dropped.add(count);
    }

    public Snapshot snapshot() {
        long count = chunks.sum();
        long first = firstNanos.get();
        long last = lastNanos.get();
        double rate = count > 1 && last > first ? (count - 1) * 1e9 / (last - first) : 0.0;
        return new Snapshot(count, bytes.sum(), rate,
                Duration.ofNanos(latency.percentileNanos(0.5)), Duration.ofNanos(latency.percentileNanos(0.99)),
                latency.count(), overflows.sum(), dropped.sum());
    }
}
