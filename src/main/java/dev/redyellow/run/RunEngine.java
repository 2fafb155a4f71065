package dev.redyellow.run;

import dev.redyellow.cache.CacheStats;
import dev.redyellow.cache.CachingTestRunner;
import dev.redyellow.cache.DisabledTestCache;
import dev.redyellow.cache.FileHashes;
import dev.redyellow.cycle.FeatureConductor;
import dev.redyellow.cycle.FeatureLifecycle;
import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.cycle.FeatureState;
import dev.redyellow.exec.WorkspaceFactory;
import dev.redyellow.graph.FeatureGraph;
import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.FileSet;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.testing.TestResult;
import dev.redyellow.testing.TestRunner;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs every feature of a manifest through its cycle on a {@link DependencyScheduler}. Dependents of
 * a feature that did not end GREEN end BLOCKED with the reason, so nothing is dropped;
 * {@link #cancel()} (from any thread) ends every unfinished feature CANCELLED and kills the process
 * trees of the running ones.
 */
public final class RunEngine {
    private static final String NOT_STARTED = "cancelled: the run was stopped before it started";

    private final Manifest manifest;
    private final FeatureGraph graph;
    private final RunOptions options;
    private final RunListener listener;
    private final FeatureKinds kinds;
    private final Clock clock;
    private final DependencyScheduler scheduler;
    private final Map<String, FeatureLifecycle> lifecycles = new LinkedHashMap<>();
    private final Map<String, FeatureOutcome> outcomes = new ConcurrentHashMap<>();
    private final Map<String, CachingTestRunner> cachedRunners = new ConcurrentHashMap<>();
    private final FileHashes hashes = new FileHashes();
    private final ScheduledExecutorService alarms = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "redyellow-alarms");
        t.setDaemon(true);
        return t;
    });
    private volatile String stopReason;
    private WorkspaceFactory workspaces;
    /** The cache's counters when this run began: the cache may have served runs before it. */
    private CacheStats cacheAtStart = CacheStats.EMPTY;

    public RunEngine(Manifest manifest, RunOptions options, TestRunner tests, RunListener listener, Clock clock) {
        this.manifest = manifest;
        this.graph = FeatureGraph.of(manifest);
        this.options = options;
        this.listener = listener;
        this.kinds = new FeatureKinds(tests, options.decisions());
        this.clock = clock;
        for (Feature f : manifest.features()) {
            lifecycles.put(f.id(), new FeatureLifecycle(f.id(), clock, listener::transition));
        }
        Map<String, Double> priority = graph.remainingPathSeconds(
                id -> options.estimates().getOrDefault(id, FeatureGraph.DEFAULT_ESTIMATE_SECONDS));
        this.scheduler = new DependencyScheduler(graph, priority, options.workers(), clock);
    }

    public FeatureGraph graph() {
        return graph;
    }

    /** Runs to the end (or until cancelled) and returns the result. */
    public RunResult run() throws IOException, InterruptedException {
        workspaces = new WorkspaceFactory(options.runDir(), manifest.baseDir());
        cacheAtStart = options.cache().sessionStats();
        if (options.runTimeout() != null) {
            alarms.schedule(() -> cancel("the run timeout of " + options.runTimeout().toSeconds() + " s elapsed"),
                    options.runTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        DependencyScheduler.Schedule schedule;
        try {
            schedule = runScheduler();
        } finally {
            alarms.shutdownNow();
        }
        return result(schedule);
    }

    private DependencyScheduler.Schedule runScheduler() throws InterruptedException {
        return scheduler.run(new DependencyScheduler.Work() {
            @Override
            public boolean run(String id, int worker) {
                return runFeature(id, worker).green();
            }

            @Override
            public void skip(String id, String cause) {
                skipFeature(id, cause);
            }
        });
    }

    private RunResult result(DependencyScheduler.Schedule schedule) {
        List<FeatureOutcome> ordered = graph.ids().stream().map(id -> outcomes.getOrDefault(id, notRun(id))).toList();
        List<TimelineEntry> timeline = schedule.timeline().stream().map(e -> new TimelineEntry(e.feature(), e.worker(),
                e.start(), e.end(), lifecycles.get(e.feature()).state().name())).toList();
        CacheStats cache = options.cache().sessionStats().since(cacheAtStart);
        RunMetrics metrics = RunMetricsCalculator.compute(graph, ordered, timeline, schedule.wallSeconds(),
                options.workers(), schedule.peakConcurrency(), new CacheFigures(cache.requests(), cache.hits(),
                        cache.misses(), cache.hitRate(), cache.savedSeconds()));
        return new RunResult(manifest, ordered, metrics, schedule.cancelled(), stopReason);
    }

    /** Stops the run: running features are interrupted (their process trees killed), the rest cancelled. */
    public void cancel() {
        cancel("stopped by the user");
    }

    private void cancel(String why) {
        if (stopReason == null) {
            stopReason = why;
        }
        scheduler.cancel();
    }

    public boolean isCancelled() {
        return scheduler.isCancelled();
    }

    private FeatureOutcome runFeature(String id, int worker) {
        Feature feature = manifest.feature(id).orElseThrow();
        FeatureLifecycle lifecycle = lifecycles.get(id);
        listener.featureStarted(id, worker);
        TestRunner tests = kinds.tests();
        CachingTestRunner cached = null;
        if (!(options.cache() instanceof DisabledTestCache)) {
            cached = new CachingTestRunner(tests, options.cache(), hashes, id,
                    Set.copyOf(graph.transitiveDependenciesOf(id)));
            cachedRunners.put(id, cached);
            tests = cached;
        }
        FeatureAlarm alarm = FeatureAlarm.arm(alarms, options.featureTimeout());
        FeatureOutcome outcome;
        try {
            outcome = new FeatureConductor(feature, lifecycle,
                    new FeatureConductor.Limits(manifest.maxAttempts(), manifest.stagnationLimit(), options.featureTimeout()),
                    new FeatureConductor.Parts(workspaces, tests, kinds.implementer(feature), kinds.reviewer(feature),
                            options.output(), options.keepWorkspaces()),
                    dependencyLayers(id), clock).conduct();
        } finally {
            alarm.finish();
        }
        if (cached != null) {
            outcome = outcome.withCacheHits(cached.hits());
        }
        finish(outcome);
        return outcome;
    }

    /** Whether this result of the run was served from the test cache rather than run. */
    public boolean servedFromCache(String featureId, TestResult result) {
        CachingTestRunner runner = cachedRunners.get(featureId);
        return runner != null && runner.servedFromCache(result);
    }

    private void skipFeature(String id, String cause) {
        FeatureLifecycle lifecycle = lifecycles.get(id);
        if (cause == null) {
            lifecycle.cancelIfRunning(NOT_STARTED);
        } else if (!lifecycle.state().isTerminal()) {
            lifecycle.moveTo(FeatureState.BLOCKED, "dependency-failed: " + cause + " ended " + lifecycles.get(cause).state());
        }
        finish(notRun(id));
    }

    private void finish(FeatureOutcome outcome) {
        outcomes.put(outcome.id(), outcome);
        listener.featureFinished(outcome);
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
            layers.add(manifest.feature(dep).orElseThrow().tests().overlay(outcomes.get(dep).acceptedFiles()));
        }
        return layers;
    }
}
