package dev.redyellow.stream;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.concurrent.Flow;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * One lossy subscriber: a bounded queue that the publisher fills without ever waiting, drained by
 * the lane's own thread as far as the subscriber's demand allows. When the queue is full the
 * OLDEST queued chunk is dropped (a live viewer wants the newest output, and the log file has
 * everything); the count travels with the chunk that becomes the queue's head, so the subscriber
 * gets one "skipped" marker right before the next chunk it does get, naming exactly how many it
 * missed.
 */
final class BufferedLane implements Flow.Subscription {

    private static final System.Logger LOG = System.getLogger(BufferedLane.class.getName());

    /** A queued chunk and the chunks dropped just before it (which its marker will report). */
    private record Entry(Chunk chunk, long skippedBefore, long lastSkippedSequence) {
    }

    private final String name;
    private final Flow.Subscriber<? super Chunk> subscriber;
    private final int capacity;
    private final StreamMetrics metrics;
    private final StreamMetrics publisherMetrics;
    private final LongSupplier nanoTime;
    private final Clock clock;
    private final ArrayDeque<Entry> queue;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread drainer;
    private long demand;
    /** A chunk taken out of the queue with its marker and not yet handed over (needs demand). */
    private Chunk carried;
    private boolean closed;
    private boolean cancelled;

    BufferedLane(String name, Flow.Subscriber<? super Chunk> subscriber, int capacity, StreamMetrics metrics,
                 StreamMetrics publisherMetrics, LongSupplier nanoTime, Clock clock) {
        this.name = name;
        this.subscriber = subscriber;
        this.capacity = capacity;
        this.metrics = metrics;
        this.publisherMetrics = publisherMetrics;
        this.nanoTime = nanoTime;
        this.clock = clock;
        this.queue = new ArrayDeque<>(Math.min(capacity, 1024));
        this.drainer = new Thread(this::drain, "redyellow-stream-" + name);
        this.drainer.setDaemon(true);
    }

    /** Calls onSubscribe on the lane's thread, then delivers until closed or cancelled. */
    void start() {
        drainer.start();
    }

    /** Never waits: queues the chunk, dropping the oldest queued one when full. */
    void offer(Chunk chunk) {
        lock.lock();
        try {
            if (cancelled || closed) {
                return;
            }
            Entry incoming = new Entry(chunk, 0, 0);
            if (queue.size() >= capacity) {
                Entry evicted = queue.pollFirst();
                long skipped = evicted.skippedBefore() + 1;
                if (evicted.skippedBefore() == 0) {
                    metrics.recordOverflow();
                    publisherMetrics.recordOverflow();
                }
                metrics.recordDropped(1);
                publisherMetrics.recordDropped(1);
                Entry head = queue.pollFirst();
                if (head == null) {
                    incoming = new Entry(chunk, skipped, evicted.chunk().sequence());
                } else {
                    queue.addFirst(new Entry(head.chunk(), skipped, evicted.chunk().sequence()));
                }
            }
            queue.addLast(incoming);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Delivers what is queued, then completes the subscriber; {@link #awaitDrained()} waits for it. */
    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void awaitDrained() throws InterruptedException {
        drainer.join();
    }

    @Override
    public void request(long n) {
        lock.lock();
        try {
            if (n <= 0) {
                cancelled = true;
                queue.clear();
                carried = null;
                changed.signalAll();
                subscriber.onError(new IllegalArgumentException("request(" + n + "): demand must be positive"));
                return;
            }
            demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void cancel() {
        lock.lock();
        try {
            cancelled = true;
            queue.clear();
            carried = null;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void drain() {
        try {
            subscriber.onSubscribe(this);
            while (true) {
                Delivery next = takeNext();
                if (next == null) {
                    break;
                }
                deliver(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "stream subscriber " + name + " failed and was dropped", e);
            cancel();
        }
    }

    /** A chunk to hand over; a marker is not counted as delivered output. */
    private record Delivery(Chunk chunk, boolean marker) {
    }

    /**
     * The next chunk (or marker) to hand over, or null when the lane is done. A marker's chunk
     * leaves the queue together with it: left at the head, it would be the next one evicted while
     * the marker is being handled, and a slow subscriber would then see little but markers.
     */
    private Delivery takeNext() throws InterruptedException {
        lock.lock();
        try {
            while (!cancelled && !(closed && !hasItem()) && !(hasItem() && demand > 0)) {
                changed.await();
            }
            if (cancelled) {
                return null;
            }
            if (hasItem()) {
                if (demand != Long.MAX_VALUE) {
                    demand--;
                }
                if (carried != null) {
                    Chunk chunk = carried;
                    carried = null;
                    return new Delivery(chunk, false);
                }
                Entry head = queue.pollFirst();
                if (head.skippedBefore() > 0) {
                    carried = head.chunk();
                    return new Delivery(marker(head), true);
                }
                return new Delivery(head.chunk(), false);
            }
        } finally {
            lock.unlock();
        }
        subscriber.onComplete();
        return null;
    }

    private boolean hasItem() {
        return carried != null || !queue.isEmpty();
    }

    private void deliver(Delivery delivery) {
        Chunk chunk = delivery.chunk();
        if (!delivery.marker()) {
            long now = nanoTime.getAsLong();
            long latency = now - chunk.emittedNanos();
            metrics.recordChunk(chunk.size(), now);
            metrics.recordLatency(latency);
            publisherMetrics.recordLatency(latency);
        }
        subscriber.onNext(chunk);
    }

    /**
     * The marker speaks for the feature of the chunk it precedes (so a per-feature pane shows it)
     * and carries the sequence of the last chunk it replaces, which keeps the subscriber's
     * sequence numbers unique and increasing.
     */
    private Chunk marker(Entry head) {
        long skipped = head.skippedBefore();
        String text = "[redyellow] " + skipped + (skipped == 1 ? " chunk" : " chunks") + " skipped (slow viewer)\n";
        Chunk next = head.chunk();
        return new Chunk(next.featureId(), next.attempt(), ChunkKind.LOG, head.lastSkippedSequence(),
                nanoTime.getAsLong(), clock.instant(), text.getBytes(StandardCharsets.UTF_8));
    }
}
