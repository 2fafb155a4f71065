package dev.redyellow.bench;

import dev.redyellow.cluster.ClusterSettings;
import dev.redyellow.cluster.ClusterTestRunner;
import dev.redyellow.cluster.LocalWorker;
import dev.redyellow.exec.OutputSink;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.testing.TestOutcome;
import dev.redyellow.testing.TestRequest;
import dev.redyellow.testing.TestResult;
import dev.redyellow.testing.TestRunner;
import dev.redyellow.testing.TestRunners;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The cluster on loopback: the overhead of one remote test run over the same run here (trivial
 * python tests, one at a time), and the wall time of a batch of test runs on 1, 2 and 3 worker
 * members of one slot each, with as many runs at once as members, for tests that wait (sleep) and
 * tests that compute (a busy loop). One machine of two cores cannot show real scaling for the
 * second: docs/cluster.md says what to expect on separate machines.
 */
public final class ClusterBench {
    private final PrintWriter out;
    private final Path work;
    private final int runs;

    public ClusterBench(PrintWriter out, Path work, int runs) {
        this.out = out;
        this.work = work;
        this.runs = runs;
    }

    public void run() throws IOException, InterruptedException, java.util.concurrent.ExecutionException {
        out.println("redyellow bench cluster --runs " + runs + "   (members on loopback, " + Runtime.getRuntime()
                .availableProcessors() + " cores)");
        Path trivial = workspace("trivial", "pass");
        Files.writeString(trivial.resolve("summary.txt"), "Ran 1 test in 0.000s\n\nOK\n");
        Path sleeping = workspace("sleeping", "time.sleep(0.5)");
        Path computing = workspace("computing", "sum(i * i for i in range(3_000_000))");
        List<LocalWorker> workers = new ArrayList<>();
        try (TestRunners local = TestRunners.standard()) {
            workers.add(LocalWorker.start("w1", "", null, 1));
            ClusterTestRunner cluster = ClusterTestRunner.start(ClusterSettings.coordinator(workers.get(0).address(),
                    Map.of()), local);
            try {
                // warm both sides first (the member's first fetch, the JIT), then alternate, so a
                // busy moment of the machine falls on both
                sequential(local, trivial, 3);
                sequential(cluster, trivial, 3);
                double[] here = new double[runs];
                double[] remote = new double[runs];
                for (int i = 0; i < runs; i++) {
                    here[i] = sequential(local, trivial, 1);
                    remote[i] = sequential(cluster, trivial, 1);
                }
                java.util.Arrays.sort(here);
                java.util.Arrays.sort(remote);
                out.printf(Locale.ROOT, "%nOne trivial test run (cat of a unittest summary), %d times each, alternating (median):%n", runs);
                out.printf(Locale.ROOT, "  here                 %7.1f ms per run%n", here[runs / 2]);
                out.printf(Locale.ROOT, "  on a member          %7.1f ms per run%n", remote[runs / 2]);
                out.printf(Locale.ROOT, "  overhead             %7.1f ms per remote run%n", remote[runs / 2] - here[runs / 2]);

                out.printf(Locale.ROOT, "%n%d test runs, as many at once as members (1 slot each):%n", runs);
                out.printf(Locale.ROOT, "  %-8s %14s %8s %14s %8s%n", "members", "sleep 0.5 s", "speedup",
                        "busy loop", "speedup");
                double sleep1 = 0;
                double busy1 = 0;
                for (int members = 1; members <= 3; members++) {
                    if (members > 1) {
                        workers.add(LocalWorker.start("w" + members, workers.get(0).address(), null, 1));
                        awaitMembers(cluster, members);
                    }
                    parallel(cluster, sleeping, members, members); // warm: each member fetches the workspace
                    parallel(cluster, computing, members, members);
                    double sleep = parallel(cluster, sleeping, runs, members);
                    double busy = parallel(cluster, computing, runs, members);
                    if (members == 1) {
                        sleep1 = sleep;
                        busy1 = busy;
                    }
                    out.printf(Locale.ROOT, "  %-8d %12.2f s %7.2fx %12.2f s %7.2fx%n", members, sleep, sleep1 / sleep,
                            busy, busy1 / busy);
                }
                out.printf(Locale.ROOT, "%nTest runs per member (all of the above):%n");
                cluster.members().forEach(m -> out.printf(Locale.ROOT, "  %-22s %4d runs %8.1f s%n", m.address(),
                        m.testRuns(), m.seconds()));
            } finally {
                cluster.close();
            }
        } finally {
            for (LocalWorker w : workers) {
                w.close();
            }
        }
        out.flush();
    }

    /** Milliseconds per run, one at a time. */
    private static double sequential(TestRunner runner, Path workspace, int count) throws InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            check(runner.run(trivialRequest(workspace)));
        }
        return (System.nanoTime() - start) / 1e6 / count;
    }

    /** Seconds for {@code count} runs, {@code atOnce} at a time. */
    private static double parallel(TestRunner runner, Path workspace, int count, int atOnce)
            throws InterruptedException, java.util.concurrent.ExecutionException {
        ExecutorService threads = Executors.newFixedThreadPool(atOnce);
        try {
            long start = System.nanoTime();
            List<Future<TestResult>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                results.add(threads.submit(() -> runner.run(request(workspace))));
            }
            for (Future<TestResult> f : results) {
                check(f.get());
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            threads.shutdownNow();
        }
    }

    private static void awaitMembers(ClusterTestRunner cluster, int members) throws InterruptedException {
        for (int i = 0; i < 300 && cluster.workers().size() < members; i++) {
            Thread.sleep(100);
        }
        if (cluster.workers().size() < members) {
            throw new IllegalStateException("only " + cluster.workers() + " joined");
        }
    }

    private static void check(TestResult result) {
        if (result.outcome() != TestOutcome.PASSED) {
            throw new IllegalStateException("a benchmark run did not pass: " + result.outcome() + " " + result.detail());
        }
    }

    private Path workspace(String name, String body) throws IOException {
        Path workspace = Files.createDirectories(work.resolve(name));
        Files.writeString(workspace.resolve("test_it.py"), "import time, unittest\nclass T(unittest.TestCase):\n"
                + "    def test_it(self):\n        " + body + "\n");
        return workspace;
    }

    /** A test run that costs almost nothing itself ({@code cat} of a unittest summary), so the overhead shows. */
    private static TestRequest trivialRequest(Path workspace) {
        return new TestRequest(workspace, new TestSettings.Command(List.of("cat", "summary.txt"), Map.of(), 120, null),
                List.of("test_it.py"), OutputSink.DISCARD, "bench");
    }

    private static TestRequest request(Path workspace) {
        return new TestRequest(workspace, new TestSettings.Command(List.of("python3", "-m", "unittest", "{testModules}"),
                Map.of(), 120, null), List.of("test_it.py"), OutputSink.DISCARD, "bench");
    }
}
