package dev.redyellow.run;

import dev.redyellow.cycle.FeatureConductor;
import dev.redyellow.cycle.FeatureLifecycle;
import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.cycle.FeatureState;
import dev.redyellow.exec.WorkspaceFactory;
import dev.redyellow.graph.FeatureGraph;
import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.FileSet;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.testing.TestRunner;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs every feature of a manifest through its cycle on a pool of workers. A feature starts the
 * moment all its dependencies are GREEN and a worker is free; among ready features the one with the
 * longest remaining path goes first. Dependents of a feature that did not end GREEN end BLOCKED with
 * the reason, so nothing is dropped. {@link #cancel()} (from any thread) ends every feature CANCELLED
 * and kills the processes of the running ones.
 */
public final class RunEngine {
    private static final String NOT_STARTED = "cancelled: the run was stopped before it started";
    private final Manifest manifest;
    private final FeatureGraph graph;
    private final RunOptions options;
    private final RunListener listener;
    private final FeatureKinds kinds;
    private final Clock clock;
    private final Map<String, FeatureLifecycle> lifecycles = new LinkedHashMap<>();
    private final Map<String, FeatureOutcome> outcomes = new ConcurrentHashMap<>();
    private final Map<String, TimelineEntry> timeline = new ConcurrentHashMap<>();
    private final Set<String> submitted = new HashSet<>();
    private final Map<String, Double> priority;
    private final CountDownLatch finished;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final ThreadPoolExecutor pool;
    private volatile boolean cancelled;
    private WorkspaceFactory workspaces;
    private long startMillis;

    public RunEngine(Manifest manifest, RunOptions options, TestRunner tests, RunListener listener, Clock clock) {
        this.manifest = manifest;
        this.graph = FeatureGraph.of(manifest);
        this.options = options;
        this.listener = listener;
        this.kinds = new FeatureKinds(tests, options.decisions());
        this.clock = clock;
        this.priority = graph.remainingPathSeconds(id -> FeatureGraph.DEFAULT_ESTIMATE_SECONDS);
        this.finished = new CountDownLatch(manifest.features().size());
        for (Feature f : manifest.features()) {
            lifecycles.put(f.id(), new FeatureLifecycle(f.id(), clock, listener::transition));
        }
        this.pool = new ThreadPoolExecutor(options.workers(), options.workers(), 0, TimeUnit.SECONDS,
                new PriorityBlockingQueue<>(), new WorkerThreads());
    }

    public FeatureGraph graph() {
        return graph;
    }

    /** Runs to the end (or until cancelled) and returns the result; the pool is shut down after. */
    public RunResult run() throws IOException, InterruptedException {
        startMillis = clock.millis();
        workspaces = new WorkspaceFactory(options.runDir(), manifest.baseDir());
        try {
            synchronized (this) {
                graph.ids().stream().filter(id -> graph.dependenciesOf(id).isEmpty()).forEach(this::submit);
            }
            finished.await();
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        return result();
    }

    /** Stops the run: running features are interrupted (their process trees killed), the rest cancelled. */
    public synchronized void cancel() {
        cancelled = true;
        for (Runnable neverRan : pool.shutdownNow()) {
            endWithoutRunning(((FeatureTask) neverRan).id, FeatureState.CANCELLED, NOT_STARTED);
        }
        for (String id : graph.topologicalOrder()) {
            if (!submitted.contains(id)) {
                endWithoutRunning(id, FeatureState.CANCELLED, NOT_STARTED);
            }
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    private void submit(String id) {
        submitted.add(id);
        if (cancelled) {
            endWithoutRunning(id, FeatureState.CANCELLED, NOT_STARTED);
            return;
        }
        int order = graph.ids().indexOf(id);
        try {
            pool.execute(new FeatureTask(id, priority.getOrDefault(id, 0.0), order));
        } catch (RejectedExecutionException stopping) {
            endWithoutRunning(id, FeatureState.CANCELLED, NOT_STARTED);
        }
    }

    private void runFeature(String id) {
        Feature feature = manifest.feature(id).orElseThrow();
        FeatureLifecycle lifecycle = lifecycles.get(id);
        int now = running.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        int worker = WorkerThreads.workerNumber();
        double start = seconds();
        listener.featureStarted(id, worker);
        FeatureOutcome outcome;
        try {
            if (cancelled || Thread.currentThread().isInterrupted()) {
                lifecycle.cancelIfRunning(NOT_STARTED);
                outcome = notRun(id);
            } else {
                outcome = new FeatureConductor(feature, lifecycle,
                        new FeatureConductor.Limits(manifest.maxAttempts(), manifest.stagnationLimit()),
                        new FeatureConductor.Parts(workspaces, kinds.tests(), kinds.implementer(feature),
                                kinds.reviewer(feature), options.output(), options.keepWorkspaces()),
                        dependencyLayers(id), clock).conduct();
            }
        } finally {
            running.decrementAndGet();
        }
        timeline.put(id, new TimelineEntry(id, worker, start, seconds(), outcome.state().name()));
        finish(outcome);
    }

    private synchronized void finish(FeatureOutcome outcome) {
        outcomes.put(outcome.id(), outcome);
        listener.featureFinished(outcome);
        finished.countDown();
        if (outcome.green()) {
            for (String dependent : graph.dependentsOf(outcome.id())) {
                boolean ready = graph.dependenciesOf(dependent).stream()
                        .allMatch(d -> outcomes.containsKey(d) && outcomes.get(d).green());
                if (ready && !submitted.contains(dependent)) {
                    submit(dependent);
                }
            }
            return;
        }
        for (String dependent : graph.topologicalOrder()) {
            if (graph.dependenciesOf(dependent).contains(outcome.id()) && !submitted.contains(dependent)) {
                submitted.add(dependent);
                FeatureState state = cancelled ? FeatureState.CANCELLED : FeatureState.BLOCKED;
                String why = cancelled ? NOT_STARTED
                        : "dependency-failed: " + outcome.id() + " ended " + outcome.state();
                endWithoutRunning(dependent, state, why);
            }
        }
    }

    /** Ends a feature that never ran; its own dependents follow through {@link #finish}. */
    private void endWithoutRunning(String id, FeatureState state, String why) {
        submitted.add(id);
        FeatureLifecycle lifecycle = lifecycles.get(id);
        if (lifecycle.state().isTerminal()) {
            return;
        }
        lifecycle.moveTo(state, why);
        finish(notRun(id));
    }

    private FeatureOutcome notRun(String id) {
        FeatureLifecycle l = lifecycles.get(id);
        return new FeatureOutcome(id, l.state(), l.reason(), 0, 0, 0, 0.0, Optional.empty(), l.transitions(),
                FileSet.empty(), List.of());
    }

    /** The accepted code and tests of every dependency, direct or transitive, in dependency order. */
    private List<FileSet> dependencyLayers(String id) {
        List<FileSet> layers = new ArrayList<>();
        for (String dep : graph.transitiveDependenciesOf(id)) {
            FeatureOutcome o = outcomes.get(dep);
            layers.add(manifest.feature(dep).orElseThrow().tests().overlay(o.acceptedFiles()));
        }
        return layers;
    }

    private double seconds() {
        return (clock.millis() - startMillis) / 1000.0;
    }

    private RunResult result() {
        List<FeatureOutcome> ordered = new ArrayList<>();
        for (String id : graph.ids()) {
            FeatureOutcome o = outcomes.get(id);
            ordered.add(o != null ? o : notRun(id));
        }
        List<TimelineEntry> entries = timeline.values().stream()
                .sorted((a, b) -> Double.compare(a.start(), b.start())).toList();
        RunMetrics metrics = RunMetricsCalculator.compute(graph, ordered, entries, seconds(), options.workers(),
                peak.get(), CacheFigures.NONE);
        return new RunResult(manifest, ordered, metrics, cancelled);
    }

    /** A queued feature; the pool's priority queue takes the longest remaining path first. */
    private final class FeatureTask implements Runnable, Comparable<FeatureTask> {
        private final String id;
        private final double remaining;
        private final int order;

        FeatureTask(String id, double remaining, int order) {
            this.id = id;
            this.remaining = remaining;
            this.order = order;
        }

        @Override
        public void run() {
            runFeature(id);
        }

        @Override
        public int compareTo(FeatureTask o) {
            int c = Double.compare(o.remaining, remaining);
            return c != 0 ? c : Integer.compare(order, o.order);
        }
    }
}
