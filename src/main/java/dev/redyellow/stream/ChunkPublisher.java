package dev.redyellow.stream;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The run's one source of live output. Any thread may publish; every chunk gets the next sequence
 * number and reaches every subscriber in sequence order.
 *
 * <p>Two kinds of subscription:
 * <ul>
 *   <li>{@link #subscribe(String, Flow.Subscriber, int) buffered} (viewers: UI, console): a bounded
 *   queue per subscriber drained by its own thread. Publishing never waits for it; a full queue
 *   drops its oldest chunk and the subscriber later gets a "skipped" marker (see {@link BufferedLane}).
 *   <li>{@link #subscribeLossless(String, Flow.Subscriber) lossless} (the log file): called on the
 *   publishing thread, in order, never dropped. We chose this over a bounded queue with a blocking
 *   put or an unbounded queue: an unbounded queue lets a fast process fill the heap behind a slow
 *   disk, and a blocking queue adds a thread hop and a second buffer for no gain. Written through a
 *   buffered stream, a chunk costs the emitting thread a memory copy and, once per buffer, one
 *   {@code write} call; if the disk cannot keep up, the process is slowed through its own pipe,
 *   which is the only honest back-pressure when nothing may be lost.
 * </ul>
 * Lossless subscribers must request unbounded demand in {@code onSubscribe}.
 */
public final class ChunkPublisher implements Flow.Publisher<Chunk>, AutoCloseable {

    public static final int DEFAULT_QUEUE_CAPACITY = 1024;

    private static final System.Logger LOG = System.getLogger(ChunkPublisher.class.getName());

    private final LongSupplier nanoTime;
    private final Clock clock;
    private final StreamMetrics metrics = new StreamMetrics();
    private final ReentrantLock lock = new ReentrantLock();
    private final List<LosslessSubscription> lossless = new ArrayList<>();
    private final List<BufferedLane> lanes = new ArrayList<>();
    private final Map<String, StreamMetrics> subscriberMetrics = new LinkedHashMap<>();
    private long nextSequence = 1;
    private boolean closed;

    public ChunkPublisher() {
        this(System::nanoTime, Clock.systemUTC());
    }

    /** @param nanoTime the ticker for emit times and latencies; {@code clock} gives the wall time of chunks */
    public ChunkPublisher(LongSupplier nanoTime, Clock clock) {
        this.nanoTime = Objects.requireNonNull(nanoTime);
        this.clock = Objects.requireNonNull(clock);
    }

    /** A buffered subscription with the default capacity, named after the subscriber's class. */
    @Override
    public void subscribe(Flow.Subscriber<? super Chunk> subscriber) {
        subscribe(subscriber.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(subscriber)),
                subscriber, DEFAULT_QUEUE_CAPACITY);
    }

    /**
     * A lossy subscriber with a bounded queue of {@code capacity} chunks, drained by its own thread.
     * It receives the chunks published after this call returns.
     *
     * @return the subscriber's metrics (delivered chunks, latency, drops)
     */
    public StreamMetrics subscribe(String name, Flow.Subscriber<? super Chunk> subscriber, int capacity) {
        Objects.requireNonNull(subscriber);
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be >= 1, was " + capacity);
        }
        StreamMetrics subscriberStats = new StreamMetrics();
        BufferedLane lane = new BufferedLane(name, subscriber, capacity, subscriberStats, metrics, nanoTime, clock);
        lock.lock();
        try {
            register(name, subscriberStats);
            lanes.add(lane);
        } finally {
            lock.unlock();
        }
        lane.start();
        return subscriberStats;
    }

    /** A subscriber that gets every chunk, on the publishing thread (see the class comment). */
    public StreamMetrics subscribeLossless(String name, Flow.Subscriber<? super Chunk> subscriber) {
        Objects.requireNonNull(subscriber);
        StreamMetrics subscriberStats = new StreamMetrics();
        LosslessSubscription subscription = new LosslessSubscription(name, subscriber, subscriberStats);
        subscriber.onSubscribe(subscription);
        if (!subscription.unbounded()) {
            throw new IllegalArgumentException("lossless subscriber " + name + " must request Long.MAX_VALUE");
        }
        lock.lock();
        try {
            register(name, subscriberStats);
            lossless.add(subscription);
        } finally {
            lock.unlock();
        }
        return subscriberStats;
    }

    private void register(String name, StreamMetrics subscriberStats) {
        if (closed) {
            throw new IllegalStateException("publisher is closed");
        }
        if (subscriberMetrics.putIfAbsent(name, subscriberStats) != null) {
            throw new IllegalArgumentException("a subscriber named " + name + " is already subscribed");
        }
    }

    /**
     * Publishes a copy of {@code bytes[offset, offset+length)} as one chunk. Safe from any thread;
     * waits only for lossless subscribers' writes.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public Chunk publish(String featureId, int attempt, ChunkKind kind, byte[] bytes, int offset, int length) {
        byte[] copy = Arrays.copyOfRange(bytes, offset, offset + length);
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("publisher is closed; output of " + featureId + "#" + attempt + " came too late");
            }
            long now = nanoTime.getAsLong();
            Chunk chunk = new Chunk(featureId, attempt, kind, nextSequence++, now, clock.instant(), copy);
            metrics.recordChunk(length, now);
            for (LosslessSubscription subscription : lossless) {
                subscription.deliver(chunk);
            }
            for (BufferedLane lane : lanes) {
                lane.offer(chunk);
            }
            return chunk;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Published chunks and bytes; latency over every delivery to a buffered subscriber (the viewers'
     * feedback latency: lossless delivery is inline, so its latency is only the write); drops and
     * overflows summed over every subscriber.
     */
    public StreamMetrics metrics() {
        return metrics;
    }

    /** Each subscriber's figures, by name, in subscription order. */
    public Map<String, StreamMetrics.Snapshot> subscriberSnapshots() {
        lock.lock();
        try {
            Map<String, StreamMetrics.Snapshot> snapshots = new LinkedHashMap<>();
            subscriberMetrics.forEach((name, stats) -> snapshots.put(name, stats.snapshot()));
            return snapshots;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Completes lossless subscribers, lets every buffered subscriber receive what is queued, completes
     * it and waits for that. A buffered subscriber that stops requesting holds this call until it
     * cancels. Publishing afterwards throws.
     */
    @Override
    public void close() {
        List<LosslessSubscription> losslessToComplete;
        List<BufferedLane> lanesToDrain;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            losslessToComplete = List.copyOf(lossless);
            lanesToDrain = List.copyOf(lanes);
        } finally {
            lock.unlock();
        }
        losslessToComplete.forEach(LosslessSubscription::complete);
        lanesToDrain.forEach(BufferedLane::close);
        try {
            for (BufferedLane lane : lanesToDrain) {
                lane.awaitDrained();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Inline delivery to one lossless subscriber; called under the publisher's lock. */
    private final class LosslessSubscription implements Flow.Subscription {
        private final String name;
        private final Flow.Subscriber<? super Chunk> subscriber;
        private final StreamMetrics stats;
        private volatile long demand;
        private volatile boolean cancelled;

        LosslessSubscription(String name, Flow.Subscriber<? super Chunk> subscriber, StreamMetrics stats) {
            this.name = name;
            this.subscriber = subscriber;
            this.stats = stats;
        }

        boolean unbounded() {
            return demand == Long.MAX_VALUE;
        }

        void deliver(Chunk chunk) {
            if (cancelled) {
                return;
            }
            long now = nanoTime.getAsLong();
            stats.recordChunk(chunk.size(), now);
            stats.recordLatency(now - chunk.emittedNanos());
            try {
                subscriber.onNext(chunk);
            } catch (RuntimeException e) {
                cancelled = true;
                LOG.log(System.Logger.Level.ERROR, "lossless stream subscriber " + name
                        + " failed; it gets no more output", e);
            }
        }

        void complete() {
            if (cancelled) {
                return;
            }
            try {
                subscriber.onComplete();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "lossless stream subscriber " + name + " failed to complete", e);
            }
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                throw new IllegalArgumentException("request(" + n + "): demand must be positive");
            }
            demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
