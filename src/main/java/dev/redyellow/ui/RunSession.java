package dev.redyellow.ui;

import dev.redyellow.cache.DisabledTestCache;
import dev.redyellow.cache.TestCache;
import dev.redyellow.exec.RunFolder;
import dev.redyellow.implement.ManualDecisions;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.run.RunEngine;
import dev.redyellow.run.DiscoveryMemory;
import dev.redyellow.run.RunHistory;
import dev.redyellow.run.RunListener;
import dev.redyellow.run.RunOptions;
import dev.redyellow.run.RunResult;
import dev.redyellow.run.RunStreams;
import dev.redyellow.store.DiscoveryStore;
import dev.redyellow.store.RunStore;
import dev.redyellow.stream.CallbackSubscriber;
import dev.redyellow.stream.Chunk;
import dev.redyellow.testing.TestRunners;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One run started from the window, wired as the command line wires it (run folder, streams, cache,
 * history), with the window's listener, output viewer and review desk. {@link #run} blocks, so the
 * window calls it through its task executor; {@link #cancel} works from any thread, before or during.
 */
public final class RunSession {
    /** Chunks the window's viewer may fall behind by before its queue drops (and counts) them. */
    static final int VIEWER_CAPACITY = 4096;

    private final Manifest manifest;
    private final int workers;
    private final boolean useCache;
    private final LocalData data;
    private final Path runsRoot;
    private final ManualDecisions decisions;
    private final RunListener listener;
    private final Consumer<Chunk> output;
    private volatile RunEngine engine;
    private volatile RunStreams streams;
    private volatile boolean cancelled;
    private volatile long storeBudgetBytes = RunOptions.DEFAULT_STORE_BUDGET_BYTES;

    public RunSession(Manifest manifest, int workers, boolean useCache, LocalData data, Path runsRoot,
                      ManualDecisions decisions, RunListener listener, Consumer<Chunk> output) {
        this.manifest = manifest;
        this.workers = workers;
        this.useCache = useCache;
        this.data = data;
        this.runsRoot = runsRoot;
        this.decisions = decisions;
        this.listener = listener;
        this.output = output;
    }

    /** The code store's memory budget for this run (before {@link #run}). */
    public RunSession storeBudget(long bytes) {
        this.storeBudgetBytes = bytes;
        return this;
    }

    public RunResult run() throws Exception {
        RunFolder folder = RunFolder.create(runsRoot, manifest.name(), Instant.now(), 20);
        RunStreams opened = new RunStreams(folder.path());
        streams = opened;
        opened.view("window", new CallbackSubscriber(output), VIEWER_CAPACITY);
        TestCache cache = useCache ? data.cacheForRun() : new DisabledTestCache("the cache is off in the window");
        Optional<RunStore> history = useCache ? data.runs() : Optional.empty();
        Map<String, Double> estimates = history.map(h -> h.featureEstimates(manifest.name())).orElse(Map.of());
        DiscoveryMemory memory = (useCache ? data.discoveries() : Optional.<DiscoveryStore>empty())
                .map(store -> DiscoveryMemory.stored(store, manifest.name(), Clock.systemUTC()))
                .orElse(DiscoveryMemory.NONE);
        // the run's warm test workers end with the run (Stop included), not only when the app exits
        TestRunners runners = TestRunners.standard();
        RunEngine created = new RunEngine(manifest, new RunOptions(workers, folder.path(), false, decisions, opened,
                cache, estimates, null, null).withMemory(memory).withStoreBudget(storeBudgetBytes), runners, listener,
                Clock.systemUTC());
        engine = created;
        if (cancelled) {
            created.cancel();
        }
        Instant started = Instant.now();
        try {
            RunResult result = created.run();
            String runId = folder.path().getFileName().toString();
            history.ifPresent(h -> h.save(RunHistory.record(runId, result, started, Instant.now(),
                    created::servedFromCache)));
            return result;
        } finally {
            runners.close();
            opened.close();
            folder.removeWorkspaces();
        }
    }

    public void cancel() {
        cancelled = true;
        RunEngine running = engine;
        if (running != null) {
            running.cancel();
        }
    }

    /** The full log of a feature's attempt (0 is the RED proof); empty before the run made its folder. */
    public Optional<Path> logFile(String featureId, int attempt) {
        RunStreams s = streams;
        return s == null ? Optional.empty() : Optional.of(s.logFile(featureId, attempt));
    }
}
