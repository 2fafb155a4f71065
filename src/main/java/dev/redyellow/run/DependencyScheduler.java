package dev.redyellow.run;

import dev.redyellow.graph.FeatureGraph;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts each node of a dependency graph the moment all its dependencies have succeeded and a worker
 * is free; among ready nodes, the one with the longest remaining path goes first (then manifest
 * order). Not in waves: a slow node holds back only its own dependents. When a node does not
 * succeed, or the run is cancelled, the nodes that can no longer run are handed to
 * {@link Work#skip} in dependency order, so every node is accounted for exactly once.
 */
public final class DependencyScheduler {

    /** What the scheduler runs. Called on worker threads. */
    public interface Work {
        /** Runs one node; returns whether it succeeded (its dependents may then start). */
        boolean run(String id, int worker) throws InterruptedException;

        /**
         * A node that will never run: {@code cause} is the dependency that did not succeed, or
         * {@code null} when the run was cancelled.
         */
        void skip(String id, String cause);
    }

    /** When each node ran, and the most that ran at once. */
    public record Schedule(List<TimelineEntry> timeline, int peakConcurrency, double wallSeconds, boolean cancelled) {
    }

    private final FeatureGraph graph;
    private final Map<String, Double> priority;
    private final Map<String, Integer> order = new HashMap<>();
    private final int workers;
    private final Clock clock;
    private final Set<String> scheduled = new HashSet<>();
    private final Map<String, Boolean> succeeded = new HashMap<>();
    private final Map<String, TimelineEntry> timeline = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final ThreadPoolExecutor pool;
    private CountDownLatch remaining;
    private Work work;
    private volatile boolean cancelled;
    private long startMillis;

    /** @param priority remaining-path seconds per node; larger runs first */
    public DependencyScheduler(FeatureGraph graph, Map<String, Double> priority, int workers, Clock clock) {
        this.graph = graph;
        this.priority = Map.copyOf(priority);
        this.workers = workers;
        this.clock = clock;
        graph.ids().forEach(id -> order.put(id, order.size()));
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new PriorityBlockingQueue<>(),
                new WorkerThreads());
    }

    /** Runs every node (or until cancelled); returns when each has run or been skipped. */
    public Schedule run(Work work) throws InterruptedException {
        this.work = work;
        this.remaining = new CountDownLatch(graph.ids().size());
        startMillis = clock.millis();
        try {
            synchronized (this) {
                submitInPriorityOrder(graph.ids().stream().filter(id -> graph.dependenciesOf(id).isEmpty()).toList());
            }
            remaining.await();
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        List<TimelineEntry> entries = new ArrayList<>(timeline.values());
        entries.sort((a, b) -> Double.compare(a.start(), b.start()));
        return new Schedule(entries, peak.get(), seconds(), cancelled);
    }

    /** Interrupts the running nodes and skips every node that has not started. */
    public synchronized void cancel() {
        cancelled = true;
        for (Runnable neverRan : pool.shutdownNow()) {
            skip(((Task) neverRan).id, null);
        }
        for (String id : graph.topologicalOrder()) {
            if (!scheduled.contains(id)) {
                skip(id, null);
            }
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    private void submit(String id) {
        scheduled.add(id);
        if (cancelled) {
            skip(id, null);
            return;
        }
        try {
            pool.execute(new Task(id, priority.getOrDefault(id, 0.0), order.get(id)));
        } catch (RejectedExecutionException stopping) {
            skip(id, null);
        }
    }

    private void runNode(String id) {
        int now = running.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        int worker = WorkerThreads.workerNumber();
        double start = seconds();
        boolean ok = false;
        try {
            ok = !cancelled && work.run(id, worker);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.decrementAndGet();
            timeline.put(id, new TimelineEntry(id, worker, start, seconds(), ok ? "succeeded" : "failed"));
            done(id, ok);
        }
    }

    private synchronized void done(String id, boolean ok) {
        succeeded.put(id, ok);
        remaining.countDown();
        List<String> ready = new ArrayList<>();
        for (String dependent : graph.dependentsOf(id)) {
            if (scheduled.contains(dependent)) {
                continue;
            }
            if (!ok || cancelled) {
                skip(dependent, cancelled ? null : id);
            } else if (graph.dependenciesOf(dependent).stream().allMatch(d -> Boolean.TRUE.equals(succeeded.get(d)))) {
                ready.add(dependent);
            }
        }
        submitInPriorityOrder(ready);
    }

    /**
     * An idle worker takes the first task offered before the queue can order it, so nodes that
     * become ready together are offered longest remaining path first.
     */
    private void submitInPriorityOrder(List<String> ready) {
        ready.stream().sorted(Comparator.comparingDouble((String id) -> -priority.getOrDefault(id, 0.0))
                .thenComparingInt(order::get)).forEach(this::submit);
    }

    /** Skips a node and, through {@link #done}, everything that depends on it. */
    private void skip(String id, String cause) {
        if (succeeded.containsKey(id)) {
            return;
        }
        scheduled.add(id);
        work.skip(id, cause);
        done(id, false);
    }

    private double seconds() {
        return (clock.millis() - startMillis) / 1000.0;
    }

    public int workers() {
        return workers;
    }

    /** A queued node; the pool's priority queue takes the longest remaining path first. */
    private final class Task implements Runnable, Comparable<Task> {
        private final String id;
        private final double remainingPath;
        private final int order;

        Task(String id, double remainingPath, int order) {
            this.id = id;
            this.remainingPath = remainingPath;
            this.order = order;
        }

        @Override
        public void run() {
            runNode(id);
        }

        @Override
        public int compareTo(Task o) {
            int c = Double.compare(o.remainingPath, remainingPath);
            return c != 0 ? c : Integer.compare(order, o.order);
        }
    }
}
