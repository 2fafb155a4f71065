package dev.redyellow.bench;

import dev.redyellow.cache.CacheSettings;
import dev.redyellow.cache.OpenedCache;
import dev.redyellow.cache.TestCaches;
import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.exec.RunFolder;
import dev.redyellow.implement.ManualDecisions;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ManifestLoader;
import dev.redyellow.run.RunEngine;
import dev.redyellow.run.RunListener;
import dev.redyellow.run.RunOptions;
import dev.redyellow.run.RunResult;
import dev.redyellow.run.RunStreams;
import dev.redyellow.store.RunStore;
import dev.redyellow.testing.CommandTestRunner;
import dev.redyellow.testing.JUnitConsoleJar;
import dev.redyellow.testing.JUnitTestRunner;
import dev.redyellow.testing.PhaseTimes;
import dev.redyellow.testing.TestRunners;
import dev.redyellow.testing.WarmJUnitRunner;
import dev.redyellow.testing.WarmWorkerPool;
import dev.redyellow.testing.worker.WorkspaceCompiler;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The real-code case (issues 19 and 24): Apache Commons libraries split into features by
 * {@link RealJavaProject}, run by RedYellow's whole cycle next to a plain Maven build of the same
 * sources. A first, untimed Maven build finds the test classes that fail on the real code; they make
 * no feature. Then, side by side: the timed plain build, the cycle with about half of the true edges
 * declared (fresh cache), the unchanged re-run (same cache), and the cycle with every true edge
 * declared (fresh cache), whose difference is what finding the undeclared edges costs. Every feature
 * whose verdict differs from the plain build is listed with its reason.
 */
public final class RealCodeBench {

    private final PrintWriter out;
    private final int features;
    private final int workers;
    private final long seed;
    private final Path home;

    public RealCodeBench(PrintWriter out, int features, int workers, long seed, Path home) {
        this.out = out;
        this.features = features;
        this.workers = workers;
        this.seed = seed;
        this.home = home;
    }

    /** One RedYellow run's figures. */
    private record Cycle(RunResult result, double wallSeconds) {
        long green() {
            return result.outcomes().stream().filter(FeatureOutcome::green).count();
        }

        int testRuns() {
            return result.outcomes().stream().mapToInt(FeatureOutcome::testRuns).sum();
        }

        int cacheHits() {
            return result.outcomes().stream().mapToInt(FeatureOutcome::cacheHits).sum();
        }

        long edges(dev.redyellow.graph.EdgeKind kind) {
            return result.edges().stream().filter(e -> e.kind() == kind).count();
        }

        int attempts() {
            return result.outcomes().stream().mapToInt(FeatureOutcome::attempts).sum();
        }
    }

    public void run() throws Exception {
        Path cache = home.resolve(".redyellow").resolve("realcode");
        List<String> maven = mavenCommand();
        out.printf(Locale.ROOT, "Real-code benchmark: %d cores, Java %s, %d workers, seed %d, maven: %s; %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), workers, seed,
                String.join(" ", maven), BenchJvm.describe());
        RealCodeSources.Roots roots = new RealCodeSources(home.resolve(".m2").resolve("repository"), cache, maven)
                .unpack(RealCodeSources.APACHE_COMMONS);
        out.println("sources: " + RealCodeSources.APACHE_COMMONS.stream()
                .map(a -> a.artifact() + " " + a.version()).toList() + " (Apache License 2.0), unpacked in " + cache);
        out.flush();
        JavaSourceIndex index = JavaSourceIndex.read(roots.main(), roots.test());
        Path work = cache.resolve("case-s" + seed + "-n" + features);
        new RunFolder(work).delete();

        Optional<Set<String>> failing = screen(index, maven, cache, work);
        if (failing.isEmpty()) {
            return;
        }

        RealJavaProject project = new RealJavaProject(index, seed, failing.get(), features);
        RealCaseWriter writer = new RealCaseWriter(project);
        Path manifestFile = writer.writeManifest(work.resolve("case"), "realcode-" + project.units().size(), false, workers);
        Path allEdgesFile = writer.writeManifest(work.resolve("case-all-edges"), "realcode-all-edges-" + project.units().size(),
                true, workers);
        writer.writeMavenProject(work.resolve("plain"));
        describe(project, work);

        PlainMavenBuild.Result plain = PlainMavenBuild.run(maven, work.resolve("plain"));
        out.printf(Locale.ROOT, "plain build: %s -o -q test in %s: exit %d, %.1f s, %d tests in %d classes%n",
                String.join(" ", maven), work.resolve("plain"), plain.exitCode(), plain.wallSeconds(), plain.tests(),
                plain.classes().size());
        if (plain.exitCode() != 0) {
            out.println("  the plain build's output ends with:");
            plain.outputTail().lines().skip(Math.max(0, plain.outputTail().lines().count() - 15))
                    .forEach(line -> out.println("    " + line));
        }
        out.flush();

        // Every-edge runs come first and last: the first also warms this JVM (its javac serves the warm
        // workers), and the two give the noise the discovery overhead is to be read against.
        Manifest manifest = ManifestLoader.load(manifestFile);
        Manifest allEdgesManifest = ManifestLoader.load(allEdgesFile);
        Manifest discoveryOnly = new Manifest(manifest.file(), manifest.version(), manifest.name() + "-no-inference",
                manifest.baseDir(), manifest.maxAttempts(), manifest.workers(), manifest.stagnationLimit(), false,
                manifest.features(), manifest.contentHash(), manifest.sharedDirs());
        Cycle allEdges = cycle(allEdgesManifest, work.resolve("cache-all.db"), work.resolve("runs"),
                "cycle (every true edge declared, fresh cache)");
        Path cacheDb = work.resolve("cache-half.db");
        Cycle cycle = cycle(manifest, cacheDb, work.resolve("runs"), "cycle (half the edges declared, fresh cache)");
        Cycle rerun = cycle(manifest, cacheDb, work.resolve("runs"), "unchanged re-run (same cache)");
        Optional<Double> rerunProcess = rerunInNewProcess(manifestFile, cacheDb, work.resolve("runs"));
        Cycle discovered = cycle(discoveryOnly, work.resolve("cache-discovery.db"), work.resolve("runs"),
                "cycle (half declared, inference off, fresh cache)");
        Cycle allEdgesAgain = cycle(allEdgesManifest, work.resolve("cache-all-2.db"), work.resolve("runs"),
                "cycle (every true edge declared, again)");
        compare(project, plain, cycle, rerun, allEdges, allEdgesAgain, discovered);
        rerunProcess.ifPresent(seconds -> out.printf(Locale.ROOT, "%-34s %8.2f s (a new JVM with the installed command's"
                        + " options and a class-data archive), %.1f ms per cached feature%n", "unchanged re-run process wall", seconds,
                seconds * 1000 / project.units().size()));
        out.printf(Locale.ROOT, "%-34s %8.1f ms per cached feature (engine wall / features)%n", "unchanged re-run",
                rerun.wallSeconds() * 1000 / project.units().size());
        out.printf(Locale.ROOT, "%nThe case stays in %s: run it yourself with%n  java -jar target/redyellow.jar run %s%n",
                work, manifestFile);
        out.printf(Locale.ROOT, "Reproduce: %s bench realcode --features %d --workers %d --seed %d%n",
                BenchJvm.command(), features, workers, seed);
        out.flush();
    }

    /**
     * The own test classes that fail or do not run on the real code in a plain build of every candidate
     * feature. They do not depend on the seed, so the answer is kept beside the unpacked sources and
     * reused; delete {@code screened-failing.txt} there to screen again. Empty when the build ran no test.
     */
    Optional<Set<String>> screen(JavaSourceIndex index, List<String> maven, Path cache, Path work)
            throws IOException, InterruptedException {
        Path kept = cache.resolve("screened-failing.txt");
        String sources = "# split " + RealJavaProject.VERSION + " of " + RealCodeSources.APACHE_COMMONS;
        if (Files.isRegularFile(kept) && Files.readAllLines(kept).get(0).equals(sources)) {
            Set<String> failing = new TreeSet<>(Files.readAllLines(kept).subList(1, Files.readAllLines(kept).size()));
            out.printf(Locale.ROOT, "screening: %d own test classes fail or do not run on the real code (left out; kept in %s): %s%n",
                    failing.size(), kept, abbreviate(failing));
            return Optional.of(failing);
        }
        RealJavaProject screened = new RealJavaProject(index, seed, Set.of(), Integer.MAX_VALUE);
        new RealCaseWriter(screened).writeMavenProject(work.resolve("screen"));
        PlainMavenBuild.Result screen = PlainMavenBuild.run(maven, work.resolve("screen"));
        if (screen.classes().isEmpty()) {
            out.println("the screening build ran no test (exit " + screen.exitCode() + "):\n" + screen.outputTail());
            out.flush();
            return Optional.empty();
        }
        Set<String> failing = new TreeSet<>();
        screened.units().forEach(u -> u.ownTests().stream().filter(t -> !screen.passed(t)).forEach(failing::add));
        out.printf(Locale.ROOT, "screening build (%.1f s): %d candidate features, %d own test classes fail or do not run on the"
                        + " real code in a plain build (left out): %s%n", screen.wallSeconds(), screened.units().size(),
                failing.size(), abbreviate(failing));
        Files.write(kept, java.util.stream.Stream.concat(java.util.stream.Stream.of(sources), failing.stream()).toList());
        new RunFolder(work.resolve("screen")).delete();
        return Optional.of(failing);
    }

    private void describe(RealJavaProject project, Path work) {
        long trueEdges = project.units().stream().mapToLong(u -> u.trueDeps().size()).sum();
        long declared = project.units().stream().mapToLong(u -> u.declared().size()).sum();
        long merged = project.units().stream().filter(u -> u.classes().size() > 1).count();
        long wrong = project.units().stream().filter(RealJavaProject.Unit::hasWrongFirst).count();
        out.printf(Locale.ROOT, "case: %d features (%d of them merged cycles of 2 to %d classes), %d base files,"
                        + " %d true edges, %d declared, %d wrong first attempts; manifest %s%n",
                project.units().size(), merged, RealJavaProject.MERGE_LIMIT, project.baseFiles().size(), trueEdges,
                declared, wrong, work.resolve("case/manifest.json"));
        out.flush();
    }

    private Cycle cycle(Manifest manifest, Path cacheDb, Path runsRoot, String label) throws Exception {
        OpenedCache opened = TestCaches.open(cacheDb, CacheSettings.defaults());
        try {
            Optional<RunStore> history = opened.database().map(RunStore::new);
            RunFolder folder = RunFolder.create(runsRoot, manifest.name(), java.time.Instant.now(), 6);
            RunResult result;
            long started;
            double wall;
            List<PhaseTimes> times = java.util.Collections.synchronizedList(new ArrayList<>());
            long reusedBefore = WorkspaceCompiler.compilesInReusedContexts();
            long newBefore = WorkspaceCompiler.compilesInNewContexts();
            Map<String, Long> whyBefore = WorkspaceCompiler.newContextReasons();
            long[] layersBefore = dev.redyellow.testing.worker.BaseCompile.layerCounts();
            long javacBefore = dev.redyellow.testing.worker.JavacTimes.count();
            long interruptedBefore = dev.redyellow.cycle.TestSlots.interruptedRuns();
            try (RunStreams streams = new RunStreams(folder.path());
                 TestRunners runners = runners(times::add)) {
                RunOptions options = new RunOptions(workers, folder.path(), false, ManualDecisions.NOBODY, streams,
                        opened.cache(), history.map(h -> h.featureEstimates(manifest.name())).orElse(Map.of()), null, null);
                started = System.nanoTime();
                result = new RunEngine(manifest, options, runners, RunListener.NONE, Clock.systemUTC()).run();
                wall = (System.nanoTime() - started) / 1e9;
            }
            Cycle cycle = new Cycle(result, wall);
            out.printf(Locale.ROOT, "%-48s %6.1f s  %d of %d GREEN, %d attempts, %d test runs, %d from the cache; "
                            + "edges %d explicit, %d inferred, %d discovered%n", label + ":",
                    wall, cycle.green(), result.outcomes().size(), cycle.attempts(), cycle.testRuns(), cycle.cacheHits(),
                    cycle.edges(dev.redyellow.graph.EdgeKind.EXPLICIT), cycle.edges(dev.redyellow.graph.EdgeKind.INFERRED),
                    cycle.edges(dev.redyellow.graph.EdgeKind.DISCOVERED));
            printCompile(times);
            printJavac(dev.redyellow.testing.worker.JavacTimes.since(javacBefore));
            out.printf(Locale.ROOT, "  %-46s %d (pre-empted, or stopped when the proof did not need them)%n",
                    "runs beside a RED proof interrupted:", dev.redyellow.cycle.TestSlots.interruptedRuns() - interruptedBefore);
            long[] layers = dev.redyellow.testing.worker.BaseCompile.layerCounts();
            out.printf(Locale.ROOT, "  %-46s %d compiled for a dependent, %d kept from a run's own compile%n",
                    "class folders of GREEN dependencies:", layers[0] - layersBefore[0], layers[1] - layersBefore[1]);
            long reused = WorkspaceCompiler.compilesInReusedContexts() - reusedBefore;
            long fresh = WorkspaceCompiler.compilesInNewContexts() - newBefore;
            if (reused + fresh > 0) {
                out.printf(Locale.ROOT, "  %-46s %d compiles reused one, %d got a new one%n", "javac contexts:", reused, fresh);
                if (fresh > 0) {
                    StringBuilder why = new StringBuilder();
                    WorkspaceCompiler.newContextReasons().forEach((reason, n) -> {
                        long inCycle = n - whyBefore.getOrDefault(reason, 0L);
                        if (inCycle > 0) {
                            why.append(why.length() == 0 ? "" : ", ").append(inCycle).append(' ').append(reason);
                        }
                    });
                    out.printf(Locale.ROOT, "  %-46s %s%n", "new contexts, why:", why);
                }
            }
            out.flush();
            return cycle;
        } finally {
            opened.close();
        }
    }

    /** The standard runners, telling {@code phases} each junit run's compile and test times. */
    private static TestRunners runners(PhaseTimes.Listener phases) {
        ProcessRunner processes = new ProcessRunner();
        JUnitConsoleJar console = JUnitConsoleJar.shared();
        return new TestRunners(new JUnitTestRunner(processes, console, phases),
                new WarmJUnitRunner(new WarmWorkerPool(console), phases), new CommandTestRunner(processes), Optional.empty());
    }

    /** The compile per test run (issue 19): median and p95, and how many runs shared the base's classes. */
    private void printCompile(List<PhaseTimes> times) {
        List<PhaseTimes> all;
        synchronized (times) {
            all = List.copyOf(times);
        }
        if (all.isEmpty()) {
            return;
        }
        long[] compile = all.stream().mapToLong(PhaseTimes::compileMillis).sorted().toArray();
        long[] shared = all.stream().filter(PhaseTimes::baseShared).mapToLong(PhaseTimes::compileMillis).sorted().toArray();
        long[] whole = all.stream().filter(t -> !t.baseShared()).mapToLong(PhaseTimes::compileMillis).sorted().toArray();
        out.printf(Locale.ROOT, "  %-46s median %d ms, p95 %d ms over %d test runs; base classes shared in %d"
                        + " (median %s ms), whole compile in %d (median %s ms)%n", "compile per test run:",
                compile[compile.length / 2], compile[Math.min(compile.length - 1, (int) Math.ceil(0.95 * compile.length) - 1)],
                compile.length, shared.length, shared.length == 0 ? "-" : Long.toString(shared[shared.length / 2]),
                whole.length, whole.length == 0 ? "-" : Long.toString(whole[whole.length / 2]));
        long[] failed = all.stream().filter(t -> !t.tested()).mapToLong(PhaseTimes::compileMillis).sorted().toArray();
        long[] passed = all.stream().filter(PhaseTimes::tested).mapToLong(PhaseTimes::compileMillis).sorted().toArray();
        // a compile that stops on errors (most RED proofs) ends before javac lowers and writes classes
        out.printf(Locale.ROOT, "  %-46s median %s ms over %d runs whose sources did not compile, %s ms over %d that"
                        + " went on to their tests%n", "", failed.length == 0 ? "-" : Long.toString(failed[failed.length / 2]),
                failed.length, passed.length == 0 ? "-" : Long.toString(passed[passed.length / 2]), passed.length);
        long[] reusing = all.stream().filter(t -> t.newContexts() == 0).mapToLong(PhaseTimes::compileMillis).sorted().toArray();
        long[] making = all.stream().filter(t -> t.newContexts() > 0).mapToLong(PhaseTimes::compileMillis).sorted().toArray();
        if (making.length > 0) {
            // where the median comes from: a compile on a class path no earlier compile had pays for a new context
            out.printf(Locale.ROOT, "  %-46s median %d ms over %d runs whose compiles reused javac contexts, %d ms over %d"
                            + " that made a new one%n", "", reusing.length == 0 ? 0 : reusing[reusing.length / 2],
                    reusing.length, making[making.length / 2], making.length);
        }
    }

    /** javac's own part of the compiles: each call's wall and its thread's CPU (the rest is RedYellow's, or a wait for a core). */
    private void printJavac(List<dev.redyellow.testing.worker.JavacTimes.Call> calls) {
        if (calls.isEmpty()) {
            return;
        }
        long[] wall = calls.stream().mapToLong(c -> c.wallNanos() / 1_000_000).sorted().toArray();
        long[] cpu = calls.stream().filter(c -> c.cpuNanos() >= 0).mapToLong(c -> c.cpuNanos() / 1_000_000).sorted().toArray();
        out.printf(Locale.ROOT, "  %-46s median %d ms wall, %s ms of its thread's CPU, over %d javac calls%n",
                "javac itself:", wall[wall.length / 2], cpu.length == 0 ? "-" : Long.toString(cpu[cpu.length / 2]), calls.size());
    }

    private void compare(RealJavaProject project, PlainMavenBuild.Result plain, Cycle cycle, Cycle rerun, Cycle allEdges,
                         Cycle allEdgesAgain, Cycle discovered) {
        double bound = (allEdges.wallSeconds() + allEdgesAgain.wallSeconds()) / 2;
        out.println();
        out.printf(Locale.ROOT, "%-34s %10s%n", "figure", "value");
        out.printf(Locale.ROOT, "%-34s %8.1f s%n", "plain mvn -o test wall", plain.wallSeconds());
        out.printf(Locale.ROOT, "%-34s %8.1f s%n", "RedYellow cycle wall", cycle.wallSeconds());
        out.printf(Locale.ROOT, "%-34s %8.2fx%n", "cycle / plain", cycle.wallSeconds() / plain.wallSeconds());
        out.printf(Locale.ROOT, "%-34s %8.1f s (engine wall, in this process)%n", "unchanged re-run wall", rerun.wallSeconds());
        out.printf(Locale.ROOT, "%-34s %8.1f s, %.1f s (first and last run)%n", "every edge declared wall",
                allEdges.wallSeconds(), allEdgesAgain.wallSeconds());
        out.printf(Locale.ROOT, "%-34s %8.1f s (%d edges discovered)%n", "inference off, discovery only",
                discovered.wallSeconds(), discovered.edges(dev.redyellow.graph.EdgeKind.DISCOVERED));
        out.printf(Locale.ROOT, "%-34s %+8.1f %% against the mean of the two every-edge runs (which differ by %.1f %%)%n",
                "half declared, inference on", 100 * (cycle.wallSeconds() - bound) / bound,
                100 * Math.abs(allEdges.wallSeconds() - allEdgesAgain.wallSeconds()) / bound);
        out.printf(Locale.ROOT, "%-34s %+8.1f %% against the same%n", "discovery overhead (inference off)",
                100 * (discovered.wallSeconds() - bound) / bound);
        out.printf(Locale.ROOT, "%-34s %8d of %d (inference off), %d of %d (every edge)%n", "GREEN",
                discovered.green(), discovered.result().outcomes().size(), allEdges.green(),
                allEdges.result().outcomes().size());
        RealCodeVerdicts.print(out, project, plain, cycle.result().outcomes(), allEdges.result().outcomes());
        out.flush();
    }

    /**
     * The unchanged re-run as the installed command runs it: a new JVM with the command line's options
     * ({@link BenchJvm#commandLineOptions}) and a class-data archive of this jar's classes, made by an
     * untimed run first as the package makes one at install, on the same cache, timed from start to
     * exit. Empty when this benchmark does not run from the jar or a run fails.
     */
    private Optional<Double> rerunInNewProcess(Path manifestFile, Path cacheDb, Path runs)
            throws IOException, InterruptedException {
        Optional<Path> jar = RerunBench.ownJar();
        if (jar.isEmpty()) {
            out.println("unchanged re-run in a new process: skipped, this benchmark does not run from the jar");
            return Optional.empty();
        }
        Path archive = Files.createTempFile("redyellow-rerun", ".jsa");
        Files.delete(archive); // the JVM writes it anew
        try {
            if (!ran(rerunProcess(jar.get(), "-XX:ArchiveClassesAtExit=" + archive, manifestFile, cacheDb, runs).exit())
                    || !Files.isRegularFile(archive)) {
                out.println("unchanged re-run in a new process: skipped, the run that makes the class-data archive failed");
                return Optional.empty();
            }
            ProcessRun timed = rerunProcess(jar.get(), "-XX:SharedArchiveFile=" + archive, manifestFile, cacheDb, runs);
            out.printf(Locale.ROOT, "%-48s %6.2f s  exit %d, process wall of a new JVM: %s%n",
                    "unchanged re-run (the installed command's JVM):", timed.seconds(), timed.exit(), timed.command());
            out.flush();
            return ran(timed.exit()) ? Optional.of(timed.seconds()) : Optional.empty();
        } finally {
            Files.deleteIfExists(archive);
        }
    }

    private record ProcessRun(double seconds, int exit, String command) {
    }

    /**
     * Whether a {@code redyellow run} with this exit code ran its features: 0, all GREEN, or 1, some not
     * (the 261-feature case always has one); 2 and 3 are bad input and internal errors.
     */
    private static boolean ran(int exit) {
        return exit == 0 || exit == 1;
    }

    private static ProcessRun rerunProcess(Path jar, String archiveOption, Path manifestFile, Path cacheDb, Path runs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(BenchJvm.commandLineOptions());
        command.add(archiveOption);
        command.addAll(List.of("-jar", jar.toString(), "run", manifestFile.toString(), "--cache-db", cacheDb.toString(),
                "--runs-dir", runs.toString()));
        Path log = Files.createTempFile("redyellow-rerun", ".log");
        try {
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int exit = process.waitFor();
            return new ProcessRun((System.nanoTime() - started) / 1e9, exit, String.join(" ", command));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String abbreviate(Set<String> names) {
        List<String> shown = names.stream().map(n -> n.substring(n.lastIndexOf('.') + 1)).limit(12).toList();
        return shown + (names.size() > shown.size() ? " and " + (names.size() - shown.size()) + " more" : "");
    }

    /**
     * The Maven wrapper in the working directory (RedYellow's own checkout: its Maven resolves the
     * plugins this project's build already put in ~/.m2), else {@code mvn} on the PATH.
     */
    static List<String> mavenCommand() throws IOException {
        Path wrapper = Path.of("mvnw").toAbsolutePath();
        if (Files.isExecutable(wrapper)) {
            return List.of(wrapper.toString());
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path mvn = Path.of(dir, "mvn");
            if (!dir.isEmpty() && Files.isExecutable(mvn)) {
                return List.of(mvn.toString());
            }
        }
        throw new IOException("the real-code benchmark needs Maven: no ./mvnw here and no mvn on the PATH");
    }
}
