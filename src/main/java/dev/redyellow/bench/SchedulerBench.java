package dev.redyellow.bench;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.exec.ProcessSpec;
import dev.redyellow.graph.FeatureGraph;
import dev.redyellow.run.DependencyScheduler;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures the scheduler against the alternatives, side by side in one run: one worker, the
 * original's level-by-level waves, and ours (critical path first, with learned and with default
 * estimates), at several worker counts, on synthetic graphs whose features take a known time.
 */
public final class SchedulerBench {
    private static final long SEED = 42;
    private final PrintWriter out;
    private final double scale;

    /** @param scale multiplies every duration (1.0 is the documented run; smaller is quicker and noisier) */
    public SchedulerBench(PrintWriter out, double scale) {
        this.out = out;
        this.scale = scale;
    }

    /** What a feature's work is made of. */
    enum Load { SLEEP_IN_PROCESS, SLEEPING_CHILD_PROCESS }

    public void run() throws Exception {
        out.printf(Locale.ROOT, "Scheduler benchmark: %d cores, Java %s%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        header();
        compare(SyntheticGraphs.randomLayered(50, 6, SEED).scaledTo(12 * scale), Load.SLEEPING_CHILD_PROCESS);
        compare(SyntheticGraphs.chain(20, SEED).scaledTo(2 * scale), Load.SLEEP_IN_PROCESS);
        compare(SyntheticGraphs.fanOut(50, SEED).scaledTo(3 * scale), Load.SLEEP_IN_PROCESS);
        compare(SyntheticGraphs.diamondLattice(8, 6, SEED).scaledTo(3 * scale), Load.SLEEP_IN_PROCESS);
        for (int n : new int[] {50, 200, 500}) {
            compare(SyntheticGraphs.randomLayered(n, 8, SEED).scaledTo(4 * scale), Load.SLEEP_IN_PROCESS);
        }
        overhead(SyntheticGraphs.randomLayered(500, 8, SEED).zeroDurations());
        out.println();
        out.println("wall and bound in seconds; speedup = sum of feature times / wall; bound = max(critical path, sum / workers);");
        out.println("efficiency = bound / wall (1.00: no schedule could be faster).");
        out.println("Reproduce: java -jar target/redyellow.jar bench scheduler");
        out.flush();
    }

    private void header() {
        out.printf(Locale.ROOT, "%-16s %-7s %-22s %7s %8s %8s %7s %10s%n", "graph", "load", "strategy", "workers",
                "wall s", "speedup", "bound s", "efficiency");
    }

    private void compare(SyntheticGraphs.Shape shape, Load load) throws Exception {
        FeatureGraph graph = FeatureGraph.of(shape.manifest());
        row(shape, load, graph, "one worker", 1, ours(graph, shape, load, 1, true));
        for (int workers : new int[] {2, 3, 4, 8}) {
            row(shape, load, graph, "waves (original)", workers, waves(graph, shape, load, workers));
            row(shape, load, graph, "ours", workers, ours(graph, shape, load, workers, true));
            if (workers == 3) {
                row(shape, load, graph, "ours, no estimates", workers, ours(graph, shape, load, workers, false));
            }
        }
    }

    private void overhead(SyntheticGraphs.Shape shape) throws Exception {
        FeatureGraph graph = FeatureGraph.of(shape.manifest());
        ours(graph, shape, Load.SLEEP_IN_PROCESS, 3, true); // warm up the JIT
        double wall = ours(graph, shape, Load.SLEEP_IN_PROCESS, 3, true);
        out.printf(Locale.ROOT, "%nOverhead: %d zero-duration features, 3 workers: %.3f s in all, %.3f ms per feature%n",
                graph.ids().size(), wall, wall * 1000 / graph.ids().size());
    }

    private void row(SyntheticGraphs.Shape shape, Load load, FeatureGraph graph, String strategy, int workers, double wall) {
        double sum = shape.sumSeconds();
        double critical = graph.criticalPath(shape.seconds()::get).totalSeconds();
        double bound = Math.max(critical, sum / workers);
        out.printf(Locale.ROOT, "%-16s %-7s %-22s %7d %8.2f %8.2f %7.2f %10.2f%n", shape.name(),
                load == Load.SLEEP_IN_PROCESS ? "sleep" : "process", strategy, workers, wall, sum / wall, bound, bound / wall);
        out.flush();
    }

    private static double ours(FeatureGraph graph, SyntheticGraphs.Shape shape, Load load, int workers, boolean learned)
            throws InterruptedException {
        Map<String, Double> priority = graph.remainingPathSeconds(
                learned ? shape.seconds()::get : id -> FeatureGraph.DEFAULT_ESTIMATE_SECONDS);
        DependencyScheduler scheduler = new DependencyScheduler(graph, priority, workers, Clock.systemUTC());
        long start = System.nanoTime();
        scheduler.run(new DependencyScheduler.Work() {
            @Override
            public DependencyScheduler.Result run(String id, int worker) throws InterruptedException {
                work(load, shape.seconds().get(id));
                return DependencyScheduler.Result.SUCCEEDED;
            }

            @Override
            public void skip(String id, String cause) {
                throw new IllegalStateException("nothing fails in the benchmark, yet " + id + " was skipped");
            }
        });
        return (System.nanoTime() - start) / 1e9;
    }

    private static double waves(FeatureGraph graph, SyntheticGraphs.Shape shape, Load load, int workers) throws Exception {
        long start = System.nanoTime();
        WaveScheduler.run(graph, workers, id -> work(load, shape.seconds().get(id)));
        return (System.nanoTime() - start) / 1e9;
    }

    private static void work(Load load, double seconds) throws InterruptedException {
        if (seconds <= 0) {
            return;
        }
        if (load == Load.SLEEPING_CHILD_PROCESS) {
            try {
                new ProcessRunner().run(new ProcessSpec(List.of("sleep", String.format(Locale.ROOT, "%.3f", seconds)),
                        Path.of("."), Map.of(), Duration.ofMinutes(5)), OutputSink.DISCARD);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot run sleep: " + e.getMessage(), e);
            }
            return;
        }
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            LockSupport.parkNanos(deadline - System.nanoTime());
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
