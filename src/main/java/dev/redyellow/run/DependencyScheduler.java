package dev.redyellow.run;

import dev.redyellow.graph.DependencyEdge;
import dev.redyellow.graph.FeatureGraph;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * Starts each node of a dependency graph the moment all its dependencies have succeeded and a worker
 * is free; among ready nodes, the one with the longest remaining path goes first (then manifest
 * order). Not in waves: a slow node holds back only its own dependents. When a node does not
 * succeed, or the run is cancelled, the nodes that can no longer run are handed to
 * {@link Work#skip} in dependency order, so every node is accounted for exactly once.
 *
 * <p>The graph may grow while it runs: a node that finds it needs another node's work {@linkplain
 * #addEdges adds the edges} and returns {@link Result#WAITING}; it gives its worker back and runs
 * again once its new dependencies have succeeded (or is skipped when one does not). A node that
 * needs work nobody has done yet returns {@link Result#AWAITING_OTHERS} and runs again each time
 * another node succeeds, or once no other node can still finish.
 */
public final class DependencyScheduler {

    /** How one run of a node ended. */
    public enum Result {
        /** Its dependents may start. */
        SUCCEEDED,
        /** It ended without success: its dependents are skipped. */
        FAILED,
        /** It added dependencies to the graph and runs again when they have succeeded. */
        WAITING,
        /** It runs again when another node succeeds, or when no other node can still finish. */
        AWAITING_OTHERS;

        public static Result of(boolean succeeded) {
            return succeeded ? SUCCEEDED : FAILED;
        }
    }

    /** What the scheduler runs. Called on worker threads. */
    public interface Work {
        /** Runs one node (again, after it waited). */
        Result run(String id, int worker) throws InterruptedException;

        /**
         * A node that will never run (again): {@code cause} is the dependency that did not succeed,
         * or {@code null} when the run was cancelled.
         */
        void skip(String id, String cause);
    }

    /** When each node ran (a node that waited has a slice per run), and the most that ran at once. */
    public record Schedule(List<TimelineEntry> timeline, int peakConcurrency, double wallSeconds, boolean cancelled) {
    }

    private final Map<String, Integer> order = new HashMap<>();
    private final int workers;
    private final Clock clock;
    private final ToDoubleFunction<String> estimates;
    private final Set<String> scheduled = new HashSet<>();
    private final Map<String, Boolean> succeeded = new HashMap<>();
    /** Submitted and not yet returned: queued or running. */
    private final Set<String> active = new HashSet<>();
    /** Returned {@link Result#AWAITING_OTHERS} and not yet released. */
    private final Set<String> awaiting = new LinkedHashSet<>();
    /** Released from {@link #awaiting} to look again; they do not count as others that can finish. */
    private final Set<String> rechecking = new HashSet<>();
    private final Queue<TimelineEntry> timeline = new ConcurrentLinkedQueue<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final ThreadPoolExecutor pool;
    private volatile FeatureGraph graph;
    private volatile Map<String, Double> priority;
    private CountDownLatch remaining;
    private Work work;
    private volatile boolean cancelled;
    private long startMillis;

    /** @param priority remaining-path seconds per node; larger runs first (kept when edges are added) */
    public DependencyScheduler(FeatureGraph graph, Map<String, Double> priority, int workers, Clock clock) {
        this(graph, priority, null, workers, clock);
    }

    /**
     * @param estimates seconds per node, from which the remaining paths are computed, and computed
     *                  again when edges are added
     */
    public DependencyScheduler(FeatureGraph graph, ToDoubleFunction<String> estimates, int workers, Clock clock) {
        this(graph, graph.remainingPathSeconds(estimates), estimates, workers, clock);
    }

    private DependencyScheduler(FeatureGraph graph, Map<String, Double> priority, ToDoubleFunction<String> estimates,
                                int workers, Clock clock) {
        this.graph = graph;
        this.priority = Map.copyOf(priority);
        this.estimates = estimates;
        this.workers = workers;
        this.clock = clock;
        graph.ids().forEach(id -> order.put(id, order.size()));
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new PriorityBlockingQueue<>(),
                new WorkerThreads());
    }

    /** Runs every node (or until cancelled); returns when each has run or been skipped. */
    public Schedule run(Work work) throws InterruptedException {
        try {
            synchronized (this) {
                this.work = work;
                this.remaining = new CountDownLatch(graph.ids().size());
                startMillis = clock.millis();
                if (cancelled) {
                    graph.topologicalOrder().forEach(id -> skip(id, null)); // stopped before it started
                } else {
                    submitInPriorityOrder(graph.ids().stream().filter(id -> graph.dependenciesOf(id).isEmpty()).toList());
                }
            }
            while (!remaining.await(250, TimeUnit.MILLISECONDS)) {
                if (broken != null && pool.getActiveCount() == 0) {
                    break; // a node could not be settled (runNode): no count-down is coming for it
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        List<TimelineEntry> entries = new ArrayList<>(timeline);
        entries.sort((a, b) -> Double.compare(a.start(), b.start()));
        return new Schedule(entries, peak.get(), seconds(), cancelled);
    }

    /**
     * Interrupts the running nodes and skips every node that has not started, or is waiting. Before
     * {@link #run} has begun, makes it skip everything.
     */
    public synchronized void cancel() {
        cancelled = true;
        if (work == null) {
            return;
        }
        for (Runnable neverRan : pool.shutdownNow()) {
            active.remove(((Task) neverRan).id);
            skip(((Task) neverRan).id, null);
        }
        awaiting.clear();
        for (String id : graph.topologicalOrder()) {
            if (!scheduled.contains(id)) {
                skip(id, null);
            }
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** The graph as it is now, with the edges added while running. */
    public FeatureGraph graph() {
        return graph;
    }

    /**
     * Adds {@code edges} to the graph, all or none: none when one of them would close a cycle,
     * whose path is then returned. An edge already there is not added again.
     */
    public synchronized Optional<String> addEdges(List<DependencyEdge> edges) {
        FeatureGraph next = graph;
        for (DependencyEdge edge : edges) {
            Optional<String> cycle = next.cycleIfAdded(edge.dependency(), edge.dependent());
            if (cycle.isPresent()) {
                return cycle;
            }
            next = next.plus(edge);
        }
        graph = next;
        if (estimates != null) {
            priority = Map.copyOf(next.remainingPathSeconds(estimates));
        }
        return Optional.empty();
    }

    /**
     * Whether a node other than {@code id} is queued or running (one that only looks again for
     * work it awaits does not count): whether some other node may yet finish.
     */
    public synchronized boolean othersMayFinish(String id) {
        return active.stream().anyMatch(other -> !other.equals(id) && !rechecking.contains(other));
    }

    /** Set when a node could not be settled (see {@link #runNode}); the run then ends once no node runs. */
    private volatile Throwable broken;

    /** What stopped the run when a node could not be settled ({@link #runNode}); empty otherwise. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(broken);
    }

    private void submit(String id) {
        scheduled.add(id);
        if (cancelled) {
            skip(id, null);
            return;
        }
        try {
            active.add(id);
            pool.execute(new Task(id, priority.getOrDefault(id, 0.0), order.get(id)));
        } catch (RejectedExecutionException stopping) {
            active.remove(id);
            skip(id, null);
        }
    }

    private void runNode(String id) {
        int now = running.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        int worker = WorkerThreads.workerNumber();
        double start = seconds();
        Result result = Result.FAILED;
        try {
            result = cancelled ? Result.FAILED : work.run(id, worker);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.decrementAndGet();
            try {
                timeline.add(new TimelineEntry(id, worker, start, seconds(), switch (result) {
                    case SUCCEEDED -> "succeeded";
                    case FAILED -> "failed";
                    case WAITING, AWAITING_OTHERS -> "waiting";
                }));
                settle(id, result);
            } catch (RuntimeException | Error e) {
                // out of memory in the middle of it, say: the node and what waits on it may never be counted
                // down, so the run stops rather than waits for ever (run() ends once no node runs)
                broken = e;
                System.getLogger(DependencyScheduler.class.getName()).log(System.Logger.Level.ERROR,
                        "feature " + id + " could not be settled; the run stops", e);
                cancel();
                throw e;
            }
        }
    }

    private synchronized void settle(String id, Result result) {
        active.remove(id);
        rechecking.remove(id);
        switch (result) {
            case SUCCEEDED, FAILED -> done(id, result == Result.SUCCEEDED);
            case WAITING -> {
                scheduled.remove(id);
                if (cancelled) {
                    skip(id, null);
                } else {
                    graph.dependenciesOf(id).stream().filter(d -> Boolean.FALSE.equals(succeeded.get(d))).findFirst()
                            .ifPresentOrElse(failed -> skip(id, failed), () -> {
                                if (graph.dependenciesOf(id).stream().allMatch(d -> Boolean.TRUE.equals(succeeded.get(d)))) {
                                    submit(id);
                                }
                            });
                }
            }
            case AWAITING_OTHERS -> {
                scheduled.remove(id);
                if (cancelled) {
                    skip(id, null);
                } else {
                    awaiting.add(id);
                }
            }
        }
        if (!awaiting.isEmpty() && active.stream().allMatch(rechecking::contains)) {
            releaseAwaiting(); // nothing else can finish: they look once more, then fail as they are
        }
    }

    private synchronized void done(String id, boolean ok) {
        succeeded.put(id, ok);
        remaining.countDown();
        List<String> ready = new ArrayList<>();
        for (String dependent : graph.dependentsOf(id)) {
            if (scheduled.contains(dependent) || awaiting.contains(dependent)) {
                continue;
            }
            if (!ok || cancelled) {
                skip(dependent, cancelled ? null : id);
            } else if (graph.dependenciesOf(dependent).stream().allMatch(d -> Boolean.TRUE.equals(succeeded.get(d)))) {
                ready.add(dependent);
            }
        }
        submitInPriorityOrder(ready);
        if (ok && !cancelled) {
            releaseAwaiting(); // what they await may be what this node just did
        }
    }

    private void releaseAwaiting() {
        List<String> released = List.copyOf(awaiting);
        awaiting.clear();
        rechecking.addAll(released);
        submitInPriorityOrder(released);
    }

    /**
     * An idle worker takes the first task offered before the queue can order it, so nodes that
     * become ready together are offered longest remaining path first.
     */
    private void submitInPriorityOrder(List<String> ready) {
        Map<String, Double> now = priority;
        ready.stream().sorted(Comparator.comparingDouble((String id) -> -now.getOrDefault(id, 0.0))
                .thenComparingInt(order::get)).forEach(this::submit);
    }

    /** Skips a node and, through {@link #done}, everything that depends on it. */
    private void skip(String id, String cause) {
        if (succeeded.containsKey(id)) {
            return;
        }
        scheduled.add(id);
        awaiting.remove(id);
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
