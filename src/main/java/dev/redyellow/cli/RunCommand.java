package dev.redyellow.cli;

import dev.redyellow.implement.ManualDecisions;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.run.RunLauncher;
import dev.redyellow.run.RunReport;
import dev.redyellow.run.RunResult;
import dev.redyellow.run.RunSettings;
import dev.redyellow.cache.DisabledTestCache;
import dev.redyellow.cluster.ClusterRun;
import dev.redyellow.cache.OpenedCache;
import dev.redyellow.stream.ConsoleSubscriber;
import dev.redyellow.run.FeatureKinds;
import dev.redyellow.exec.RunFolder;
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
    @Parameters(paramLabel = "MANIFEST", description = "the feature manifest (JSON)")
    Path manifestFile;

    @Option(names = "--workers", paramLabel = "N", description = "parallel workers (default: the manifest's workers)")
    Integer workers;

    @Option(names = "--report", paramLabel = "FILE", description = "write the JSON report here")
    Path report;

    @Option(names = "--no-cache", description = "do not open the cache file: every test runs, and the run"
            + " neither learns from earlier runs (feature times, dependencies found) nor is recorded")
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
            description = "where tests run: junit in warm worker JVMs or a new JVM per run; a command's pytest or vitest in"
                    + " warm servers or a new process per run (default: the manifest's fork)")
    String fork;

    @Option(names = "--store-budget-mb", paramLabel = "MB", defaultValue = "64",
            description = "the most MiB of attempt files the code store keeps in memory; beyond it the least recently "
                    + "used are spilled to the run folder (default: ${DEFAULT-VALUE})")
    long storeBudgetMb;

    @Option(names = "--mutation", description = "measure every feature's mutation score before review, even when the "
            + "manifest has no \"mutation\" (its minScore, if any, still gates)")
    boolean mutation;

    @Option(names = "--stream", description = "print every feature's output live, each line prefixed by its feature")
    boolean stream;

    @CommandLine.Mixin
    CacheTuning cacheTuning = new CacheTuning();

    @Option(names = "--cluster", paramLabel = "HOST:PORT[,...]", description = "send test runs to these worker members "
            + "(redyellow worker); secret in $REDYELLOW_CLUSTER_SECRET, see docs/cluster.md")
    String cluster;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunSettings settings = settings();
        if (report != null) {
            Optional<String> unwritable = OutputLocation.problem(report);
            if (unwritable.isPresent()) {
                err.println("redyellow: --report " + report + ": " + unwritable.get());
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
        }
        if (!noCache) {
            dev.redyellow.cache.TestCaches.preload();
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
        ConsoleProgress progress = new ConsoleProgress(out);
        OpenedCache opened = noCache ? new OpenedCache(new DisabledTestCache("--no-cache"), List.of(), Optional.empty())
                : CacheFile.open(cacheDb, err, cacheTuning.settings());
        RunLauncher launcher = new RunLauncher(manifest, settings, opened.cache(), opened.database(), decisions(),
                progress, warning -> {
                    err.println("redyellow: warning: " + warning);
                    err.flush();
                }, Clock.systemUTC());
        if (stream) {
            launcher.view("console", new ConsoleSubscriber(out, ConsoleSubscriber.Mode.ALL), 4096);
        }
        // Ctrl-C or SIGTERM (or a daemon's client stopped or gone) cancels the run; the stop waits until the
        // report is written and every child process is gone, because the JVM halts as soon as a hook returns.
        CountDownLatch wound = new CountDownLatch(1);
        CommandSession.Registration stopping = CommandSession.current().onStop(() -> {
            err.println("redyellow: stopping the run...");
            err.flush();
            launcher.cancel();
            try {
                wound.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            if (CommandSession.current().stopWanted()) {
                return ExitCodes.STOPPED; // stopped before it started: nothing is run or written, as in its own JVM
            }
            RunLauncher.Launched launched = launcher.run();
            RunResult result = launched.result();
            progress.printSummary(result);
            var pool = launched.pool();
            if (pool.workersStarted() > 0) {
                out.printf("Test workers: %d warm JVMs started, %d runs, %d recycled.%n", pool.workersStarted(), pool.runs(),
                        pool.recycles());
            }
            if (report != null) {
                writeReport(result, pool, launched.clusterMembers());
                out.println("Report: " + report.toAbsolutePath());
            }
            out.println("Logs: " + launched.logsDir());
            launched.keptWorkspaces().ifPresent(w -> out.println("Workspaces kept in " + w));
            out.flush();
            return result.allGreen() ? ExitCodes.ALL_GREEN : ExitCodes.NOT_ALL_GREEN;
        } finally {
            opened.close();
            wound.countDown();
            stopping.close();
        }
    }

    /** The options as run settings, checked once by {@link RunSettings}; a bad value is a usage error. */
    private RunSettings settings() {
        if (cluster != null) {
            ClusterRun.problem(cluster, System.getenv()).ifPresent(p -> {
                throw new CommandLine.ParameterException(spec.commandLine(), "--cluster: " + p);
            });
        }
        if (fork != null && TestSettings.Fork.named(fork).isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fork must be warm or perRun, was " + fork);
        }
        try {
            return new RunSettings(Optional.ofNullable(workers), runsDir != null ? runsDir : RunFolder.defaultRoot(),
                    RunSettings.DEFAULT_KEEP_RUNS, keepWorkspaces, seconds(featureTimeout), seconds(runTimeout),
                    Optional.ofNullable(fork).flatMap(TestSettings.Fork::named),
                    Math.max(Math.min(storeBudgetMb, Long.MAX_VALUE >> 21), Long.MIN_VALUE >> 21) << 20, !noCache)
                    .withRemoteCache(cacheTuning.remote(spec.commandLine(), System.getenv()), cacheTuning.settings())
                    .withMutation(mutation)
                    .withCluster(Optional.ofNullable(cluster).filter(c -> !c.isBlank()));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "invalid option: " + e.getMessage());
        }
    }

    /** Writes the report whole or not at all (no half-written file is left beside it). */
    private void writeReport(RunResult result, dev.redyellow.testing.WarmPoolState pool,
                             List<dev.redyellow.cluster.MemberFigures> members) throws java.io.IOException {
        try {
            RunReport.write(result, pool, members, report);
        } catch (java.io.IOException | RuntimeException e) {
            throw new java.io.IOException("cannot write the report " + report.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Duration> seconds(Integer value) {
        return Optional.ofNullable(value).map(Duration::ofSeconds);
    }

    private ManualDecisions decisions() {
        if (approveAll) {
            return ManualDecisions.APPROVE_ALL;
        }
        dev.redyellow.daemon.Terminal terminal = CommandSession.current().terminal();
        return terminal != null ? new ConsoleDecisions(terminal) : ManualDecisions.NOBODY;
    }

}
