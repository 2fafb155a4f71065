package dev.redyellow.cli;

import dev.redyellow.implement.ManualDecisions;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.run.DiscoveryMemory;
import dev.redyellow.run.RunEngine;
import dev.redyellow.run.RunOptions;
import dev.redyellow.run.RunReport;
import dev.redyellow.run.RunResult;
import dev.redyellow.run.RunStreams;
import dev.redyellow.run.RunHistory;
import dev.redyellow.cache.DisabledTestCache;
import dev.redyellow.cluster.ClusterRun;
import dev.redyellow.cache.OpenedCache;
import dev.redyellow.store.DiscoveryStore;
import dev.redyellow.store.RunStore;
import dev.redyellow.store.StoreFailure;
import java.util.Map;
import dev.redyellow.stream.ConsoleSubscriber;
import java.time.Instant;
import dev.redyellow.run.FeatureKinds;
import dev.redyellow.exec.RunFolder;
import dev.redyellow.testing.TestRunners;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code redyellow run MANIFEST}: every feature through RED, YELLOW, GREEN, with a report. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Runs every feature of the manifest through the RED-YELLOW-GREEN cycle.")
final class RunCommand implements Callable<Integer> {
    private static final System.Logger LOG = System.getLogger(RunCommand.class.getName());

    @Parameters(paramLabel = "MANIFEST", description = "the feature manifest (JSON)")
    Path manifestFile;

    @Option(names = "--workers", paramLabel = "N", description = "parallel workers (default: the manifest's workers)")
    Integer workers;

    @Option(names = "--report", paramLabel = "FILE", description = "write the JSON report here")
    Path report;

    @Option(names = "--no-cache", description = "do not use the test cache")
    boolean noCache;

    @Option(names = "--cache-db", paramLabel = "FILE", description = "the cache file (default: $REDYELLOW_DB or ~/.redyellow/redyellow.db)")
    Path cacheDb;

    @Option(names = "--approve-all", description = "approve every manual review")
    boolean approveAll;

    @Option(names = "--keep-workspaces", description = "leave every workspace on disk and print where")
    boolean keepWorkspaces;

    @Option(names = "--feature-timeout", paramLabel = "SECONDS",
            description = "end a feature FAILED (reason timeout) when it takes longer than this")
    Integer featureTimeout;

    @Option(names = "--run-timeout", paramLabel = "SECONDS", description = "stop the whole run after this long")
    Integer runTimeout;

    @Option(names = "--runs-dir", paramLabel = "DIR",
            description = "where run folders (logs of every attempt) go (default: ~/.redyellow/runs; the newest 20 are kept)")
    Path runsDir;

    @Option(names = "--fork", paramLabel = "warm|perRun",
            description = "where junit tests run: warm worker JVMs or a new JVM per run (default: the manifest's fork)")
    String fork;

    @Option(names = "--store-budget-mb", paramLabel = "MB", defaultValue = "64",
            description = "the most MiB of attempt files the code store keeps in memory; beyond it the least recently "
                    + "used are spilled to the run folder (default: ${DEFAULT-VALUE})")
    long storeBudgetMb;

    @Option(names = "--stream", description = "print every feature's output live, each line prefixed by its feature")
    boolean stream;

    @Option(names = "--cluster", paramLabel = "HOST:PORT[,...]", description = "send test runs to these worker members "
            + "(redyellow worker); secret in $REDYELLOW_CLUSTER_SECRET, see docs/cluster.md")
    String cluster;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (workers != null && (workers < 1 || workers > 64)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--workers must be between 1 and 64, was " + workers);
        }
        for (Integer t : new Integer[] {featureTimeout, runTimeout}) {
            if (t != null && t < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "timeouts are whole seconds, at least 1; was " + t);
            }
        }
        if (storeBudgetMb < 0 || storeBudgetMb > 1 << 20) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--store-budget-mb must be between 0 and 1048576, was " + storeBudgetMb);
        }
        if (fork != null && TestSettings.Fork.named(fork).isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fork must be warm or perRun, was " + fork);
        }
        if (cluster != null) {
            ClusterRun.problem(cluster, System.getenv()).ifPresent(p -> {
                throw new CommandLine.ParameterException(spec.commandLine(), "--cluster: " + p);
            });
        }
        if (report != null) {
            Optional<String> unwritable = OutputLocation.problem(report);
            if (unwritable.isPresent()) {
                err.println("redyellow: --report " + report + ": " + unwritable.get());
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
        }
        Optional<Manifest> loaded = ManifestArgument.load(manifestFile, err);
        if (loaded.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        Manifest manifest = loaded.get();
        List<String> unsupported = FeatureKinds.unsupported(manifest);
        if (!unsupported.isEmpty()) {
            unsupported.forEach(p -> err.println("redyellow: " + manifestFile + ": " + p));
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        RunFolder runFolder = RunFolder.create(runsDir != null ? runsDir : RunFolder.defaultRoot(), manifest.name(), Instant.now(), 20);
        ConsoleProgress progress = new ConsoleProgress(out);
        RunStreams streams = new RunStreams(runFolder.path());
        if (stream) {
            streams.view("console", new ConsoleSubscriber(out, ConsoleSubscriber.Mode.ALL), 4096);
        }
        OpenedCache opened = noCache ? new OpenedCache(new DisabledTestCache("--no-cache"), List.of(), Optional.empty())
                : CacheFile.open(cacheDb, err);
        Optional<RunStore> history = opened.database().map(RunStore::new);
        RunOptions options = new RunOptions(workers != null ? workers : manifest.workers(), runFolder.path(),
                keepWorkspaces, decisions(), streams, opened.cache(), estimates(history, manifest.name(), err),
                seconds(featureTimeout), seconds(runTimeout))
                .withMemory(opened.database().map(d -> DiscoveryMemory.stored(new DiscoveryStore(d), manifest.name(),
                        Clock.systemUTC())).orElse(DiscoveryMemory.NONE))
                .withStoreBudget(storeBudgetMb << 20);
        TestRunners runners = TestRunners.standard(Optional.ofNullable(fork).flatMap(TestSettings.Fork::named));
        ClusterRun clustered = ClusterRun.open(cluster, runners, System.getenv());
        RunEngine engine = new RunEngine(manifest, options, clustered.runner(), progress, Clock.systemUTC());
        Instant started = Instant.now();
        // Ctrl-C or SIGTERM cancels the run; the hook waits until the report is written and every
        // child process is gone, because the JVM halts as soon as the hook returns.
        CountDownLatch wound = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            err.println("redyellow: stopping the run...");
            err.flush();
            engine.cancel();
            try {
                wound.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "redyellow-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            RunResult result = engine.run();
            streams.close();
            progress.printSummary(result);
            var pool = runners.warmPoolState();
            if (pool.workersStarted() > 0) {
                out.printf("Test workers: %d warm JVMs started, %d runs, %d recycled.%n", pool.workersStarted(), pool.runs(),
                        pool.recycles());
            }
            String runId = runFolder.path().getFileName().toString();
            history.ifPresent(h -> saveHistory(h, RunHistory.record(runId, result, started, Instant.now(),
                    engine::servedFromCache), err));
            if (report != null) {
                writeReport(result, runners.warmPoolState(), clustered.members());
                out.println("Report: " + report.toAbsolutePath());
            }
            out.println("Logs: " + streams.logsDir());
            if (keepWorkspaces) {
                out.println("Workspaces kept in " + runFolder.path().resolve("workspaces"));
            } else {
                runFolder.removeWorkspaces();
            }
            out.flush();
            return result.allGreen() ? ExitCodes.ALL_GREEN : ExitCodes.NOT_ALL_GREEN;
        } finally {
            clustered.close();
            runners.close();
            opened.close();
            wound.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running; the JVM goes down once it returns
            }
        }
    }

    /** Durations learnt from earlier runs; none when the history cannot be read (the run goes on). */
    private static Map<String, Double> estimates(Optional<RunStore> history, String name, PrintWriter err) {
        try {
            return history.map(h -> h.featureEstimates(name)).orElse(Map.of());
        } catch (StoreFailure e) {
            LOG.log(System.Logger.Level.INFO, "reading run history failed", e);
            err.println("redyellow: warning: cannot read the run history (" + e.getMessage() + "); using default estimates");
            err.flush();
            return Map.of();
        }
    }

    /** A history that cannot be saved (a full disk) costs the history, not the report or the exit code. */
    private static void saveHistory(RunStore history, dev.redyellow.store.RunRecord run, PrintWriter err) {
        try {
            history.save(run);
        } catch (StoreFailure e) {
            LOG.log(System.Logger.Level.INFO, "saving run history failed", e);
            err.println("redyellow: warning: the run history was not saved (" + e.getMessage() + ")");
            err.flush();
        }
    }

    /** Writes the report; on failure no half-written temporary file is left beside it. */
    private void writeReport(RunResult result, dev.redyellow.testing.WarmPoolState pool,
                             List<dev.redyellow.cluster.MemberFigures> members) throws java.io.IOException {
        try {
            RunReport.write(result, pool, members, report);
        } catch (java.io.IOException | RuntimeException e) {
            Path target = report.toAbsolutePath();
            java.nio.file.Files.deleteIfExists(target.resolveSibling(target.getFileName() + ".tmp"));
            throw new java.io.IOException("cannot write the report " + target + ": " + e.getMessage(), e);
        }
    }

    private static Duration seconds(Integer value) {
        return value == null ? null : Duration.ofSeconds(value);
    }

    private ManualDecisions decisions() {
        if (approveAll) {
            return ManualDecisions.APPROVE_ALL;
        }
        return System.console() != null ? new ConsoleDecisions(System.console()) : ManualDecisions.NOBODY;
    }

}
