package dev.redyellow.run;

import dev.redyellow.cache.DisabledTestCache;
import dev.redyellow.cache.RemoteCaches;
import dev.redyellow.cache.TestCache;
import dev.redyellow.cluster.ClusterRun;
import dev.redyellow.cluster.MemberFigures;
import dev.redyellow.cluster.MemberRun;
import dev.redyellow.concurrent.Uninterruptibly;
import dev.redyellow.exec.RunFolder;
import dev.redyellow.implement.ManualDecisions;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.store.Database;
import dev.redyellow.store.DiscoveryStore;
import dev.redyellow.store.RunRecord;
import dev.redyellow.store.RunStore;
import dev.redyellow.store.StampedHashes;
import dev.redyellow.store.StoreFailure;
import dev.redyellow.stream.Chunk;
import dev.redyellow.testing.TestRunners;
import dev.redyellow.testing.WarmPoolState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * Sets up, runs and cleans up one run, the same way for the command line and the window: the run
 * folder and its streams, estimates and discoveries from earlier runs, the test runners, the engine,
 * the history, and the clean-up (warm workers ended, workspaces removed unless kept). What only one
 * front end does (a report file, the console summary, the window's review desk) stays with it.
 *
 * <p>{@link #run} blocks; {@link #cancel} works from any thread, before or during the run. A problem
 * with the history or discovery memory costs that memory, not the run: it goes to {@code warnings}.
 */
public final class RunLauncher {
    private static final System.Logger LOG = System.getLogger(RunLauncher.class.getName());

    /** A viewer of the run's output, attached before the run starts. */
    private record View(String name, Flow.Subscriber<? super Chunk> viewer, int capacity) {
    }

    /** How a run ended, with where its files are and what each cluster member ran (none without a cluster). */
    public record Launched(RunResult result, WarmPoolState pool, Path runFolder, Path logsDir,
                           Optional<Path> keptWorkspaces, List<MemberFigures> clusterMembers,
                           List<MemberRun> clusterRuns) {
    }

    private final Manifest manifest;
    private final RunSettings settings;
    private final TestCache cache;
    private final Optional<Database> database;
    private final ManualDecisions decisions;
    private final RunListener listener;
    private final Consumer<String> warnings;
    private final Clock clock;
    private final List<View> views = new ArrayList<>();
    private volatile RunEngine engine;
    private volatile RunStreams streams;
    private volatile boolean cancelled;

    /**
     * @param cache    the local test cache (ignored when the settings turn it off); the settings' remote
     *                 tier, when one is set, is put behind it for this run
     * @param database the file the cache lives in, for the history and discoveries; empty: none
     * @param warnings one line per problem that costs a memory of the run but not the run
     */
    public RunLauncher(Manifest manifest, RunSettings settings, TestCache cache, Optional<Database> database,
                       ManualDecisions decisions, RunListener listener, Consumer<String> warnings, Clock clock) {
        this.manifest = manifest;
        this.settings = settings;
        // a fresh remote tier per run: a remote that failed in one run is tried again in the next
        this.cache = settings.useCache()
                ? RemoteCaches.wrap(cache, settings.remoteCache(), settings.cachePolicy(), System.getenv(), warnings)
                : new DisabledTestCache("the cache is off for this run");
        this.database = settings.useCache() ? database : Optional.empty();
        this.decisions = decisions;
        this.listener = listener;
        this.warnings = warnings;
        this.clock = clock;
    }

    /** Attaches a viewer of every feature's output (before {@link #run}); it may fall {@code capacity} chunks behind. */
    public RunLauncher view(String name, Flow.Subscriber<? super Chunk> viewer, int capacity) {
        views.add(new View(name, viewer, capacity));
        return this;
    }

    public Launched run() throws IOException, InterruptedException {
        // what keys read of the machine once, read again: the app and a daemon run many runs in one JVM
        dev.redyellow.cache.CacheKey.forgetProbes();
        RunFolder folder = RunFolder.create(settings.runsRoot(), manifest.name(), Instant.now(clock));
        Thread pruner = pruneBeside(folder);
        RunStreams opened = new RunStreams(folder.path());
        streams = opened;
        views.forEach(v -> opened.view(v.name(), v.viewer(), v.capacity()));
        Optional<RunStore> history = database.map(RunStore::new);
        Optional<StampedHashes> hashes = database.map(d -> new StampedHashes(d, clock));
        RunOptions options = new RunOptions(settings.workersFor(manifest), folder.path(), settings.keepWorkspaces(),
                decisions, opened, cache, estimates(history), settings.featureTimeout().orElse(null),
                settings.runTimeout().orElse(null))
                .withMemory(database.map(d -> DiscoveryMemory.stored(new DiscoveryStore(d), manifest.name(), clock))
                        .orElse(DiscoveryMemory.NONE))
                .withStoreBudget(settings.storeBudgetBytes())
                .withMutation(settings.measureMutation())
                .withHashes(hashes.map(h -> (dev.redyellow.files.KnownHashes) h).orElse(null));
        TestRunners runners = TestRunners.standard(settings.fork());
        options = options.withMutationTesters(runners::mutationTesters);
        ClusterRun cluster = null;
        boolean workspacesRemoved = false;
        boolean streamsClosed = false;
        try {
            // the local runners alone, or a coordinator that sends test runs to the members
            cluster = ClusterRun.open(settings.cluster().orElse(null), runners, System.getenv());
            RunEngine created = new RunEngine(manifest, options, cluster.runner(), listener, clock);
            engine = created;
            if (cancelled) {
                created.cancel();
            }
            Instant started = Instant.now(clock);
            RunResult result = created.run();
            streamsClosed = true;
            opened.close();
            String runId = folder.path().getFileName().toString();
            history.ifPresent(h -> save(h, RunHistory.record(runId, result, started, Instant.now(clock),
                    created::servedFromCache)));
            hashes.ifPresent(StampedHashes::save);
            WarmPoolState pool = runners.warmPoolState();
            if (!settings.keepWorkspaces()) {
                folder.removeWorkspaces();
                workspacesRemoved = true;
            }
            return new Launched(result, pool, folder.path(), opened.logsDir(),
                    settings.keepWorkspaces() ? Optional.of(folder.path().resolve("workspaces")) : Optional.empty(),
                    cluster.members(), cluster.runs());
        } finally {
            if (cluster != null) {
                cluster.close();
            }
            runners.close();
            if (!streamsClosed) {
                closeQuietly(opened);
            }
            if (!workspacesRemoved && !settings.keepWorkspaces()) {
                removeQuietly(folder);
            }
            // an interrupted run still leaves no deleting behind it
            Uninterruptibly.join(pruner);
        }
    }

    /**
     * Removes the old run folders beyond {@code keepRuns} while the run works: deleting a run's
     * hundreds of log files is I/O the run need not wait for. A folder that cannot be removed costs
     * a warning, not the run.
     */
    private Thread pruneBeside(RunFolder folder) {
        Thread pruner = new Thread(() -> {
            try {
                folder.pruneOlder(settings.runsRoot(), settings.keepRuns());
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.INFO, "pruning old runs failed", e);
                warnings.accept("old run folders were not all removed (" + e.getMessage() + ")");
            }
        }, "redyellow-prune-runs");
        pruner.setDaemon(true);
        pruner.start();
        return pruner;
    }

    /** Stops the run (every unfinished feature ends CANCELLED); before {@link #run}, the run stops as it starts. */
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

    /** Durations learnt from earlier runs; none when the history cannot be read (the run goes on). */
    private Map<String, Double> estimates(Optional<RunStore> history) {
        try {
            return history.map(h -> h.featureEstimates(manifest.name())).orElse(Map.of());
        } catch (StoreFailure e) {
            LOG.log(System.Logger.Level.INFO, "reading run history failed", e);
            warnings.accept("cannot read the run history (" + e.getMessage() + "); using default estimates");
            return Map.of();
        }
    }

    /** A history that cannot be saved (a full disk) costs the history, not the run's result. */
    private void save(RunStore history, RunRecord run) {
        try {
            history.save(run);
        } catch (StoreFailure e) {
            LOG.log(System.Logger.Level.INFO, "saving run history failed", e);
            warnings.accept("the run history was not saved (" + e.getMessage() + ")");
        }
    }

    /** After a failed run the streams are closed too, without hiding the run's own error. */
    private static void closeQuietly(RunStreams opened) {
        try {
            opened.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the run's streams failed", e);
        }
    }

    /** After a failed run the workspaces go too; failing to remove them must not hide the run's own error. */
    private static void removeQuietly(RunFolder folder) {
        try {
            folder.removeWorkspaces();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove the workspaces of " + folder.path(), e);
        }
    }
}
