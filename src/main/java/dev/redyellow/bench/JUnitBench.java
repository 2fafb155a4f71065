package dev.redyellow.bench;

import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.cycle.StepOutput;
import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.implement.ManualDecisions;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ManifestLoader;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.run.RunEngine;
import dev.redyellow.run.RunListener;
import dev.redyellow.run.RunOptions;
import dev.redyellow.run.RunResult;
import dev.redyellow.testing.CommandTestRunner;
import dev.redyellow.testing.JUnitConsoleJar;
import dev.redyellow.testing.JUnitTestRunner;
import dev.redyellow.testing.PhaseTimes;
import dev.redyellow.testing.TestRunners;
import dev.redyellow.testing.WarmJUnitRunner;
import dev.redyellow.testing.WarmPoolState;
import dev.redyellow.testing.WarmWorkerPool;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The junit kind's whole cycle on a generated project ({@link SyntheticJavaProject}), a fresh JVM
 * per run against warm workers, side by side: same project, same workers, no test cache. Prints the
 * wall time, the number of test runs and the median and 95th percentile of a run's time, its
 * compilation and its tests. The per-run mode is slow, so it may be measured on a smaller project;
 * both modes are then measured on that one too, for the ratio.
 */
public final class JUnitBench {

    private static final long SEED = 2024;

    private final PrintWriter out;
    private final int features;
    private final int perRunFeatures;
    private final int workers;
    private final int runsPerWorker;

    /**
     * @param perRunFeatures features of the project both modes run for the ratio (0: skip the per-run mode)
     */
    public JUnitBench(PrintWriter out, int features, int perRunFeatures, int workers, int runsPerWorker) {
        this.out = out;
        this.runsPerWorker = runsPerWorker;
        this.features = features;
        this.perRunFeatures = perRunFeatures;
        this.workers = workers;
    }

    /** The figures of one mode on one project. */
    record Measured(TestSettings.Fork fork, int features, long green, int runs, double wallSeconds,
                    List<PhaseTimes> times, WarmPoolState pool) {
    }

    public void run() throws Exception {
        out.printf(Locale.ROOT, "JUnit benchmark: %d cores, Java %s, %d workers, %d runs per warm worker, no test cache%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), workers, runsPerWorker);
        out.printf(Locale.ROOT, "%-7s %8s %6s %5s %8s %14s %14s %14s %8s %8s%n", "mode", "features", "green", "runs",
                "wall s", "run med/p95", "compile med/p95", "test med/p95", "workers", "recycles");
        out.flush();
        Path root = Files.createTempDirectory("redyellow-bench-junit-");
        try {
            if (perRunFeatures > 0) {
                Measured perRun = measure(perRunFeatures, TestSettings.Fork.PER_RUN, root);
                Measured warm = perRunFeatures == features ? null : measure(perRunFeatures, TestSettings.Fork.WARM, root);
                Measured full = measure(features, TestSettings.Fork.WARM, root);
                Measured sameSize = warm != null ? warm : full;
                out.println();
                out.printf(Locale.ROOT, "whole cycle, %d features: perRun / warm = %.1fx (wall %.1f s vs %.1f s)%n",
                        perRunFeatures, perRun.wallSeconds() / sameSize.wallSeconds(), perRun.wallSeconds(),
                        sameSize.wallSeconds());
            } else {
                measure(features, TestSettings.Fork.WARM, root);
            }
            out.println();
            out.println("times in ms per test run; run = compile + tests; tests: only runs that compiled (a RED proof");
            out.println("without the implementation stops at compilation). workers = worker JVMs started (warm mode).");
            out.printf(Locale.ROOT, "Reproduce: java -jar target/redyellow.jar bench junit --features %d --per-run-features %d"
                    + " --workers %d --runs-per-worker %d%n", features, perRunFeatures, workers, runsPerWorker);
            out.flush();
        } finally {
            dev.redyellow.files.Folders.deleteTree(root);
        }
    }

    private Measured measure(int size, TestSettings.Fork fork, Path root) throws Exception {
        Path folder = root.resolve(fork.manifestName() + "-" + size);
        String settings = "\"fork\": \"" + fork.manifestName() + "\", \"runsPerWorker\": " + runsPerWorker;
        Manifest manifest = ManifestLoader.load(new SyntheticJavaProject(size, SEED).writeTo(folder, settings));
        List<PhaseTimes> times = Collections.synchronizedList(new ArrayList<>());
        JUnitConsoleJar console = JUnitConsoleJar.shared();
        ProcessRunner processes = new ProcessRunner();
        RunResult result;
        double wall;
        WarmPoolState pool;
        try (TestRunners runners = new TestRunners(new JUnitTestRunner(processes, console, times::add),
                new WarmJUnitRunner(new WarmWorkerPool(console), times::add), new CommandTestRunner(processes),
                Optional.of(fork))) {
            long started = System.nanoTime();
            result = new RunEngine(manifest, new RunOptions(workers, folder.resolve("run"), false, ManualDecisions.NOBODY,
                    StepOutput.DISCARD), runners, RunListener.NONE, Clock.systemUTC()).run();
            wall = (System.nanoTime() - started) / 1e9;
            pool = runners.warmPoolState();
        }
        Measured measured = new Measured(fork, size, result.outcomes().stream().filter(FeatureOutcome::green).count(),
                result.outcomes().stream().mapToInt(FeatureOutcome::testRuns).sum(), wall, List.copyOf(times), pool);
        print(measured);
        // Every generated feature should end GREEN; say why any did not, so a figure is never read blind.
        result.outcomes().stream().filter(o -> !o.green()).limit(5).forEach(o -> out.printf(Locale.ROOT,
                "        not GREEN: %s %s %s: %s%n", o.id(), o.state(), o.reason(),
                o.lastResult().map(r -> r.outcome() + " " + r.detail().lines().findFirst().orElse("")).orElse("")));
        if (fork == TestSettings.Fork.WARM && pool.recycles() > 0) {
            out.printf(Locale.ROOT, "        workers replaced: %s%n", pool.recyclesByCause());
            pool.workers().stream().filter(w -> !w.endedBecause().isEmpty() && !w.endedBecause().equals("pool closed"))
                    .limit(3).forEach(w -> out.printf(Locale.ROOT, "        worker %d after %d runs: %s%n", w.id(), w.runs(),
                            w.endedBecause()));
        }
        out.flush();
        return measured;
    }

    private void print(Measured m) {
        List<PhaseTimes> tested = m.times().stream().filter(PhaseTimes::tested).toList();
        out.printf(Locale.ROOT, "%-7s %8d %6d %5d %8.1f %14s %14s %14s %8s %8s%n", m.fork().manifestName(), m.features(),
                m.green(), m.runs(), m.wallSeconds(),
                spread(m.times(), t -> t.compileMillis() + t.testMillis()),
                spread(m.times(), PhaseTimes::compileMillis),
                spread(tested, PhaseTimes::testMillis),
                m.fork() == TestSettings.Fork.WARM ? Integer.toString(m.pool().workersStarted()) : "-",
                m.fork() == TestSettings.Fork.WARM ? Integer.toString(m.pool().recycles()) : "-");
        out.flush();
    }

    private static String spread(List<PhaseTimes> times, ToLongFunction<PhaseTimes> value) {
        if (times.isEmpty()) {
            return "-";
        }
        List<Long> sorted = times.stream().map(value::applyAsLong).sorted(Comparator.naturalOrder()).toList();
        return percentile(sorted, 50) + " / " + percentile(sorted, 95);
    }

    /** The nearest-rank percentile. */
    static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
