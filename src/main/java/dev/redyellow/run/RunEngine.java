package dev.redyellow.run;

import dev.redyellow.cache.CacheStats;
import dev.redyellow.cache.CachingMutationTester;
import dev.redyellow.cache.CachingTestRunner;
import dev.redyellow.cache.DisabledTestCache;
import dev.redyellow.cache.FileHashes;
import dev.redyellow.concurrent.Uninterruptibly;
import dev.redyellow.cycle.DependencyDiscovery;
import dev.redyellow.cycle.DependencyFiles;
import dev.redyellow.cycle.FeatureConductor;
import dev.redyellow.cycle.FeatureLifecycle;
import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.cycle.FeatureState;
import dev.redyellow.cycle.MutationCheck;
import dev.redyellow.exec.WorkspaceFactory;
import dev.redyellow.graph.CodeWriters;
import dev.redyellow.graph.DependencyEdge;
import dev.redyellow.graph.DependencyInference;
import dev.redyellow.graph.FeatureGraph;
import dev.redyellow.graph.InferenceKey;
import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.FileSet;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.MutationSettings;
import dev.redyellow.store.BlobStore;
import dev.redyellow.store.StoredFiles;
import dev.redyellow.testing.MutationTester;
import dev.redyellow.testing.TestResult;
import dev.redyellow.testing.TestRunner;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs every feature of a manifest through its cycle on a {@link DependencyScheduler}. Dependents of
 * a feature that did not end GREEN end BLOCKED with the reason, so nothing is dropped;
 * {@link #cancel()} (from any thread) ends every unfinished feature CANCELLED and kills the process
 * trees of the running ones. A feature whose run shows it needs another feature's code gets a
 * discovered edge and waits for that feature without holding a worker ({@link RunDiscovery}); the
 * edges found are remembered for the next runs of the manifest ({@link DiscoveryMemory}).
 */
public final class RunEngine {
    private static final System.Logger LOG = System.getLogger(RunEngine.class.getName());
    private static final String NOT_STARTED = "cancelled: the run was stopped before it started";

    private final Manifest manifest;
    private final RunOptions options;
    private final RunListener listener;
    private final FeatureKinds kinds;
    private final Clock clock;
    private final DependencyScheduler scheduler;
    private final DiscoveryMemory memory;
    private final CodeWriters writers;
    private final RunDiscovery discovery;
    /** Test runs at once: one per worker; a prepared first attempt is tested beside its RED proof in a free one. */
    private final dev.redyellow.cycle.TestSlots testSlots;
    private final Map<String, FeatureLifecycle> lifecycles = new LinkedHashMap<>();
    private final Map<String, FeatureConductor> conductors = new ConcurrentHashMap<>();
    private final Map<String, FeatureOutcome> outcomes = new ConcurrentHashMap<>();
    private final Map<String, List<CachingTestRunner>> cachedRunners = new ConcurrentHashMap<>();
    /** The test runner of each feature's current slice (its conductor outlives a slice). */
    private final Map<String, TestRunner> sliceRunners = new ConcurrentHashMap<>();
    private final FileHashes hashes = new FileHashes();
    /** What measures mutation scores, when the manifest or the options ask for them; made on first use. */
    private MutationTester mutationTester;
    private final ScheduledExecutorService alarms = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "redyellow-alarms");
        t.setDaemon(true);
        return t;
    });
    private volatile String stopReason;
    private WorkspaceFactory workspaces;
    /** Per feature, the paths its accepted code wrote in earlier runs, as the memory had them at the start. */
    private final Map<String, Set<String>> acceptedBefore;
    /** Every attempt's files, within the run's memory budget (spilled to the run folder beyond it). */
    private BlobStore store;
    /** The cache's counters when this run began: the cache may have served runs before it. */
    private CacheStats cacheAtStart = CacheStats.EMPTY;

    public RunEngine(Manifest manifest, RunOptions options, TestRunner tests, RunListener listener, Clock clock) {
        this.manifest = manifest;
        this.options = options;
        this.listener = listener;
        this.kinds = new FeatureKinds(tests, options.decisions());
        this.clock = clock;
        this.memory = options.memory();
        // Who writes which file reads the base, as the graph's inference reads the features' files: on a
        // thread of its own, the two overlap (a cached re-run's start, issue 19).
        java.util.concurrent.FutureTask<CodeWriters> writersRead = new java.util.concurrent.FutureTask<>(() -> CodeWriters.of(manifest));
        Thread reader = new Thread(writersRead, "redyellow-code-writers");
        reader.setDaemon(true);
        reader.start();
        FeatureGraph graph = FeatureGraph.of(manifest, recall(memory::edges, List.of()), () -> inferred(manifest, memory));
        for (Feature f : manifest.features()) {
            lifecycles.put(f.id(), new FeatureLifecycle(f.id(), clock, listener::transition));
        }
        this.scheduler = new DependencyScheduler(graph,
                id -> options.estimates().getOrDefault(id, FeatureGraph.DEFAULT_ESTIMATE_SECONDS), options.workers(), clock);
        this.writers = done(writersRead);
        this.acceptedBefore = recall(memory::acceptedPaths, Map.<String, Set<String>>of());
        acceptedBefore.forEach((feature, paths) -> {
            if (manifest.feature(feature).isPresent()) {
                paths.forEach(p -> writers.addPath(feature, p));
            }
        });
        this.discovery = new RunDiscovery(scheduler, writers, this::edgeFound);
        // with a time limit per feature, a wait for a run beside would count against it: such runs pre-empt
        this.testSlots = options.featureTimeout() != null ? dev.redyellow.cycle.TestSlots.preemptive(options.workers())
                : dev.redyellow.cycle.TestSlots.of(options.workers());
    }

    /**
     * What {@code task} gave, its failure thrown as it was; waiting for it is not interruptible (it reads
     * files for a moment: the interrupt is kept for the run).
     */
    private static <T> T done(java.util.concurrent.FutureTask<T> task) {
        try {
            return Uninterruptibly.get(task);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The graph as it is now: the manifest's edges, those remembered, and those found so far. */
    public FeatureGraph graph() {
        return scheduler.graph();
    }

    /** Runs to the end (or until cancelled) and returns the result. */
    public RunResult run() throws IOException, InterruptedException {
        workspaces = new WorkspaceFactory(options.runDir(), manifest.baseDir(), manifest.sharedDirs(), options.hashes(),
                dev.redyellow.exec.SharedDirs.defaultKept());
        store = new BlobStore(options.runDir().resolve("store"), options.storeBudgetBytes());
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
            workspaces.release();
        }
        scheduler.failure().ifPresent(e -> {
            if (stopReason == null) {
                stopReason = "the run could not go on: " + (e instanceof VirtualMachineError vm
                        ? FeatureConductor.outOfResources(vm) : e.toString());
            }
        });
        return result(schedule);
    }

    private DependencyScheduler.Schedule runScheduler() throws InterruptedException {
        return scheduler.run(new DependencyScheduler.Work() {
            @Override
            public DependencyScheduler.Result run(String id, int worker) {
                return runFeature(id, worker);
            }

            @Override
            public void skip(String id, String cause) {
                skipFeature(id, cause);
            }
        });
    }

    private RunResult result(DependencyScheduler.Schedule schedule) {
        FeatureGraph graph = scheduler.graph();
        List<FeatureOutcome> ordered = graph.ids().stream().map(id -> outcomes.getOrDefault(id, notRun(id))).toList();
        List<TimelineEntry> timeline = schedule.timeline().stream().map(e -> new TimelineEntry(e.feature(), e.worker(),
                e.start(), e.end(), "waiting".equals(e.state()) ? "WAITING" : lifecycles.get(e.feature()).state().name()))
                .toList();
        options.cache().flush(); // the remote tier's uploads end with the run, within its limit
        CacheStats cache = options.cache().sessionStats().since(cacheAtStart);
        RunMetrics metrics = RunMetricsCalculator.compute(graph, ordered, timeline, schedule.wallSeconds(),
                options.workers(), schedule.peakConcurrency(), new CacheFigures(cache.requests(), cache.hits(),
                        cache.misses(), cache.hitRate(), cache.savedSeconds(), options.cache().remoteStats()));
        return new RunResult(manifest, ordered, metrics, schedule.cancelled(), stopReason, graph.edges(),
                store.metrics());
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

    /** Runs a feature, or carries on with one that waited; returns how this slice of it ended. */
    private DependencyScheduler.Result runFeature(String id, int worker) {
        Feature feature = manifest.feature(id).orElseThrow();
        listener.featureStarted(id, worker);
        TestRunner tests = kinds.tests();
        if (!(options.cache() instanceof DisabledTestCache)) {
            // made anew for each slice: a discovered dependency's code is in the workspaces from now on
            CachingTestRunner cached = new CachingTestRunner(tests, options.cache(), hashes, id,
                    Set.copyOf(scheduler.graph().transitiveDependenciesOf(id)));
            cachedRunners.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(cached);
            tests = cached;
        }
        TestRunner slice = tests;
        FeatureConductor conductor = conductors.computeIfAbsent(id, k -> new FeatureConductor(feature,
                lifecycles.get(id),
                new FeatureConductor.Limits(manifest.maxAttempts(), manifest.stagnationLimit(), options.featureTimeout()),
                new FeatureConductor.Parts(workspaces, new SliceRunner(id), kinds.implementer(feature),
                        kinds.reviewer(feature), options.output(), options.keepWorkspaces(), dependencyFiles(id),
                        discovery, store, mutationCheck(id), testSlots), clock));
        sliceRunners.put(id, slice);
        FeatureAlarm alarm = FeatureAlarm.arm(alarms, options.featureTimeout());
        FeatureConductor.Step step;
        try {
            step = conductor.conduct(alarm::fired);
        } catch (VirtualMachineError e) {
            // the conductor ended the feature with the error; what other threads do now is not to be trusted
            // either (their allocations fail too): the run stops, and says why
            finish(withCacheHits(conductor.outcome()));
            cancel(FeatureConductor.outOfResources(e) + " (on feature " + id + ")");
            return DependencyScheduler.Result.FAILED;
        } finally {
            alarm.finish();
        }
        if (step instanceof FeatureConductor.Step.Parked parked) {
            return parked.finding() instanceof DependencyDiscovery.Finding.AwaitingWriter
                    ? DependencyScheduler.Result.AWAITING_OTHERS : DependencyScheduler.Result.WAITING;
        }
        FeatureOutcome outcome = withCacheHits(((FeatureConductor.Step.Finished) step).outcome());
        if (outcome.green()) {
            FileSet accepted = feature.tests().overlay(outcome.acceptedFiles().restore());
            writers.addAll(id, accepted);
            // a re-run accepts what earlier runs did: only new paths are worth a write to the file
            if (!acceptedBefore.getOrDefault(id, Set.of()).containsAll(accepted.paths())) {
                remember(() -> memory.rememberAccepted(id, accepted.paths()));
            }
        }
        finish(outcome);
        return DependencyScheduler.Result.of(outcome.green());
    }

    /**
     * The manifest's mutation settings, on for every feature with {@code --mutation}; measured through
     * the test cache like test runs, keyed on the content of the feature's workspace.
     */
    private MutationCheck mutationCheck(String id) {
        MutationSettings settings = options.measureMutation() ? manifest.mutation().measuring() : manifest.mutation();
        if (!settings.enabled()) {
            return MutationCheck.OFF;
        }
        MutationTester tester;
        synchronized (this) {
            if (mutationTester == null) {
                mutationTester = options.mutationTesters().apply(options.workers());
            }
            tester = mutationTester;
        }
        if (!(options.cache() instanceof DisabledTestCache)) {
            tester = new CachingMutationTester(tester, options.cache(), hashes,
                    Set.copyOf(scheduler.graph().transitiveDependenciesOf(id)));
        }
        return new MutationCheck(settings, tester);
    }

    /** The test runner of a feature's current slice (its cache runner is made anew for each slice). */
    private final class SliceRunner implements TestRunner {
        private final String id;

        SliceRunner(String id) {
            this.id = id;
        }

        @Override
        public TestResult run(dev.redyellow.testing.TestRequest request) throws InterruptedException {
            return sliceRunners.get(id).run(request);
        }

        @Override
        public TestResult run(dev.redyellow.testing.TestRequest request, dev.redyellow.exec.WorkspacePlan plan)
                throws java.io.IOException, InterruptedException {
            return sliceRunners.get(id).run(request, plan);
        }

        @Override
        public boolean knows(dev.redyellow.testing.TestRequest request, dev.redyellow.exec.WorkspacePlan plan)
                throws java.io.IOException {
            return sliceRunners.get(id).knows(request, plan);
        }

        @Override
        public dev.redyellow.manifest.TestSettings effectiveSettings(dev.redyellow.manifest.TestSettings settings) {
            return sliceRunners.get(id).effectiveSettings(settings);
        }
    }

    private FeatureOutcome withCacheHits(FeatureOutcome outcome) {
        List<CachingTestRunner> runners = cachedRunners.getOrDefault(outcome.id(), List.of());
        return runners.isEmpty() ? outcome : outcome.withCacheHits(runners.stream().mapToInt(CachingTestRunner::hits).sum());
    }

    /** Whether this result of the run was served from the test cache rather than run. */
    public boolean servedFromCache(String featureId, TestResult result) {
        return cachedRunners.getOrDefault(featureId, List.of()).stream().anyMatch(r -> r.servedFromCache(result));
    }

    private void skipFeature(String id, String cause) {
        FeatureLifecycle lifecycle = lifecycles.get(id);
        if (cause == null) {
            lifecycle.cancelIfRunning(NOT_STARTED);
        } else if (!lifecycle.state().isTerminal()) {
            lifecycle.moveTo(FeatureState.BLOCKED, "dependency-failed: " + cause + " ended " + lifecycles.get(cause).state());
        }
        FeatureConductor waited = conductors.get(id);
        finish(waited != null ? withCacheHits(waited.outcome()) : notRun(id));
    }

    private void finish(FeatureOutcome outcome) {
        outcomes.put(outcome.id(), outcome);
        listener.featureFinished(outcome);
    }

    private FeatureOutcome notRun(String id) {
        FeatureLifecycle l = lifecycles.get(id);
        return new FeatureOutcome(id, l.state(), l.reason(), 0, 0, 0, 0.0, Optional.empty(), l.transitions(),
                StoredFiles.empty(), List.of());
    }

    private void edgeFound(DependencyEdge edge) {
        remember(() -> memory.rememberEdge(edge));
        listener.edgeDiscovered(edge);
    }

    /** What a feature's GREEN dependencies, direct or transitive, put in its workspaces now. */
    private DependencyFiles dependencyFiles(String id) {
        return new DependencyFiles() {
            @Override
            public List<FileSet> layers() {
                return layered().layers();
            }

            @Override
            public Layered layered() {
                FeatureGraph graph = scheduler.graph();
                List<String> deps = List.copyOf(graph.transitiveDependenciesOf(id));
                Map<String, Integer> at = new HashMap<>();
                for (int i = 0; i < deps.size(); i++) {
                    at.put(deps.get(i), i);
                }
                List<FileSet> layers = new ArrayList<>();
                List<List<Integer>> needs = new ArrayList<>();
                for (int i = 0; i < deps.size(); i++) {
                    String dep = deps.get(i);
                    layers.add(manifest.feature(dep).orElseThrow().tests().overlay(outcomes.get(dep).acceptedFiles().restore()));
                    List<Integer> own = new ArrayList<>();
                    for (String needed : graph.transitiveDependenciesOf(dep)) {
                        // the closure holds each of its members' dependencies; one missing or later (never
                        // seen) makes it need every earlier layer, which the compile then treats safely
                        Integer j = at.get(needed);
                        own.add(j == null ? Integer.MAX_VALUE : j);
                    }
                    needs.add(own.contains(Integer.MAX_VALUE) ? java.util.stream.IntStream.range(0, i).boxed().toList()
                            : own.stream().sorted().toList());
                }
                return new Layered(layers, needs);
            }

            @Override
            public Set<String> testPaths() {
                Set<String> paths = new HashSet<>();
                for (String dep : scheduler.graph().transitiveDependenciesOf(id)) {
                    paths.addAll(manifest.feature(dep).orElseThrow().tests().paths());
                }
                return paths;
            }
        };
    }

    /**
     * The edges inference gives for the manifest's features: kept from an earlier run of the same
     * features (by their {@link InferenceKey}), else inferred now and kept.
     */
    private static List<DependencyEdge> inferred(Manifest manifest, DiscoveryMemory memory) {
        String key = InferenceKey.of(manifest);
        Optional<List<DependencyEdge>> kept = recall(() -> memory.inferred(key), Optional.empty());
        if (kept.isPresent()) {
            return kept.get();
        }
        List<DependencyEdge> edges = new DependencyInference(manifest).inferredEdges();
        remember(() -> memory.rememberInferred(key, edges));
        return edges;
    }

    /** Reads the memory; a memory that cannot be read is a warning, not a failed run. */
    private static <T> T recall(java.util.function.Supplier<T> read, T otherwise) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not read what earlier runs discovered: " + e, e);
            return otherwise;
        }
    }

    /** Writes to the memory; a memory that cannot be written is a warning, not a failed run. */
    private static void remember(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remember a discovered dependency: " + e, e);
        }
    }
}
