package dev.redyellow.bench;

import dev.redyellow.cache.CacheSettings;
import dev.redyellow.cache.OpenedCache;
import dev.redyellow.cache.TestCaches;
import dev.redyellow.cycle.AttemptRecord;
import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.cycle.FeatureState;
import dev.redyellow.cycle.Transition;
import dev.redyellow.exec.RunFolder;
import dev.redyellow.graph.EdgeKind;
import dev.redyellow.implement.ManualDecisions;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ManifestLoader;
import dev.redyellow.run.RunEngine;
import dev.redyellow.run.RunListener;
import dev.redyellow.run.RunOptions;
import dev.redyellow.run.RunResult;
import dev.redyellow.run.RunStreams;
import dev.redyellow.run.TimelineEntry;
import dev.redyellow.store.StampedHashes;
import dev.redyellow.testing.TestCase;
import dev.redyellow.testing.TestResult;
import dev.redyellow.testing.TestRunners;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A real JavaScript or Python project ({@link ScriptCase}: domutils with vitest, pyasn1 with pytest)
 * run two ways side by side in one process, in rounds: one plain run of the whole project with its own
 * runner, then RedYellow's whole cycle on the same code split into features (RED proofs, wrong first
 * attempts, the real modules), on a base that holds the project's node_modules or virtualenv. Prints
 * each feature's verdict against what the plain run says for that feature's test files (they must
 * agree, in every round), each round's two walls, their ratio and where the cycle's time went, the
 * target (at most 1.5x) judged by the median ratio of the rounds, and the command that reproduces the run.
 */
public final class RealScriptBench {

    /** The target of issue 23: the honest cycle at most this many times one plain run. */
    static final double TARGET_RATIO = 1.5;

    private final PrintWriter out;
    private final String benchName;
    private final Path caseFolder;
    private final int workers;
    private final int rounds;
    private final Path home;

    /**
     * @param benchName  {@code realjs} or {@code realpy}: names the cache folder and the reproducing command
     * @param caseFolder the case's folder, with its {@code case.json}
     */
    public RealScriptBench(PrintWriter out, String benchName, Path caseFolder, int workers, int rounds, Path home) {
        checkRounds(rounds);
        this.out = out;
        this.rounds = rounds;
        this.benchName = benchName;
        this.caseFolder = caseFolder;
        this.workers = workers;
        this.home = home;
    }

    /** Runs the benchmark; returns the number of features whose verdict differs from the plain run's. */
    public int run() throws Exception {
        ScriptCase project = ScriptCase.read(caseFolder);
        Path cache = home.resolve(".redyellow").resolve(benchName);
        Path work = cache.resolve("case-" + project.name());
        new RunFolder(work).delete();
        out.printf(Locale.ROOT, "Real %s benchmark: %d cores, Java %s, %d workers; %s%n", benchName,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), workers, BenchJvm.describe());
        out.println("project: " + project.project());
        ScriptCaseWriter writer = new ScriptCaseWriter(project);
        Path manifestFile = writer.writeManifest(work.resolve("case"), workers);
        writer.writePlainProject(work.resolve("plain"));
        ScriptEnvironment environment = new ScriptEnvironment(cache);
        out.println("base:    " + environment.provide(project, work.resolve("case/base")));
        environment.provide(project, work.resolve("plain"));
        long provided = System.nanoTime();
        long wrong = project.features().stream().filter(f -> f.wrongFirst().isPresent()).count();
        out.printf(Locale.ROOT, "case:    %d features (%d with a wrong first attempt), manifest %s%n", project.features().size(),
                wrong, manifestFile);
        out.println("test:    " + project.test());
        out.flush();

        // Each side runs once untimed, then timed: the disk cache is warm for both, and so is what each keeps
        // from one run to the next, as a developer's second run has it. Python keeps compiled code in
        // __pycache__ by default; an inherited PYTHONDONTWRITEBYTECODE (some CI images set it) would take that
        // from the plain run only, since RedYellow keeps its own (PythonCodeFolder), so it is unset for it.
        // What RedYellow keeps for a second run that re-tests everything: compiled code (see above), the copies
        // of the dependency folders (SharedDirs) and the stamps of the base's files in the RedYellow file; the
        // test results of the warm-up are dropped, so every test of the timed cycle runs. Like `redyellow run`,
        // which schedules by the feature times of the project's earlier runs (RunStore), the timed cycle gets the
        // warm-up's as its estimates.
        Map<String, String> plainEnv = plainEnv(project);
        PlainScriptRun.run(project.plain(), plainEnv, work.resolve("plain"), project.report());
        Manifest manifest = ManifestLoader.load(manifestFile);
        // The base was copied just now (cp -a: old modification times, new change times). Files changed
        // within StampedHashes.RACY are hashed but not kept, so without this wait the warm-up learnt no stamp
        // of node_modules and the timed cycle hashed all of it again (80 to 230 ms before any test ran),
        // which a developer's second run of a project installed earlier does not.
        long racy = provided + StampedHashes.RACY.toNanos() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(100)
                - System.nanoTime();
        if (racy > 0) {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(racy);
        }
        RunResult warmUp = cycle(manifest, work, "cache.db", Map.of());
        dropResults(work);
        out.printf(Locale.ROOT, "warm-up: one plain run and one cycle, untimed (the cycle: %d of %d features GREEN); its test"
                        + " results are then dropped, its file stamps, compiled code and dependency copies kept, and its"
                        + " feature times are the timed cycle's estimates (as redyellow run takes them from earlier runs)%n",
                warmUp.outcomes().stream().filter(FeatureOutcome::green).count(), warmUp.outcomes().size());
        Map<String, Double> estimates = new java.util.TreeMap<>();
        warmUp.outcomes().forEach(o -> estimates.put(o.id(), o.seconds()));
        out.println("estimates (s): " + estimates.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
                .collect(java.util.stream.Collectors.joining(", ")));
        List<Round> rounds = new ArrayList<>();
        int differing = 0;
        for (int round = 1; round <= this.rounds; round++) {
            if (round > 1) {
                dropResults(work); // every round's cycle runs every test again, from the state the first one had
            }
            if (this.rounds > 1) {
                out.printf(Locale.ROOT, "%nround %d of %d%n", round, this.rounds);
            }
            out.println("load average before the timed runs: " + load() + " (" + Runtime.getRuntime().availableProcessors() + " cores)");
            Cpu beforePlain = Cpu.now();
            PlainScriptRun.Result plain = PlainScriptRun.run(project.plain(), plainEnv, work.resolve("plain"), project.report());
            Cpu plainCpu = Cpu.now().minus(beforePlain);
            out.printf(Locale.ROOT, "plain:   %s%s in %s: exit %d, %.2f s, %d tests (%d passed, %d failed, %d skipped)%n",
                    plainEnv.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() + " ").reduce("", String::concat),
                    String.join(" ", project.plain()), work.resolve("plain"), plain.exitCode(), plain.wallSeconds(),
                    plain.tally().cases().size(), plain.tally().passed(), plain.tally().failed(), plain.tally().skipped());
            if (plain.tally().cases().isEmpty()) {
                out.println("the plain run wrote no report; its output ends with:\n" + plain.outputTail());
                if (!rounds.isEmpty()) {
                    out.println(roundsSummary(rounds, differing));
                }
                out.flush();
                return project.features().size();
            }
            out.flush();

            Cpu beforeCycle = Cpu.now();
            long started = System.nanoTime();
            RunResult result = cycle(manifest, work, "cache.db", estimates);
            double cycleWall = (System.nanoTime() - started) / 1e9;
            Cpu cycleCpu = Cpu.now().minus(beforeCycle);
            int differs = compare(project, plain, result, round == 1);
            differing = Math.max(differing, differs);
            summary(plain, result, cycleWall, differs, this.rounds > 1);
            out.printf(Locale.ROOT, "%-40s %8.2f s plain, %.2f s cycle (%.2fx)%n", "CPU of the test processes",
                    plainCpu.children(), cycleCpu.children(), cycleCpu.children() / Math.max(0.01, plainCpu.children()));
            out.printf(Locale.ROOT, "%-40s %8.2f s (workspaces, shared-folder checks, cache, scheduling)%n",
                    "CPU of the engine (this JVM) in the cycle", cycleCpu.self());
            out.println(cpuFloor(cycleCpu, Runtime.getRuntime().availableProcessors(), plain.wallSeconds()));
            out.println("load average after the cycle: " + load());
            out.println("test runs warm or not: " + scripts.describe());
            out.printf(Locale.ROOT, "verdicts that differ from the plain run: %d of %d%n", differs, project.features().size());
            rounds.add(new Round(plain.wallSeconds(), cycleWall, cycleCpu.floor(Runtime.getRuntime().availableProcessors())));
        }
        out.println();
        out.println(roundsSummary(rounds, differing));
        out.printf(Locale.ROOT, "The case stays in %s: run it yourself with%n  java -jar target/redyellow.jar run %s%n", work,
                manifestFile);
        out.printf(Locale.ROOT, "Reproduce: %s bench %s --workers %d --rounds %d --case %s%n", BenchJvm.command(), benchName,
                workers, this.rounds, caseFolder);
        out.flush();
        return differing;
    }

    /** Drops the test results and the runs of a cycle: the next cycle runs every test again. */
    private static void dropResults(Path work) throws Exception {
        new RunFolder(work.resolve("runs")).delete();
        try (OpenedCache opened = TestCaches.open(work.resolve("cache.db"), CacheSettings.defaults())) {
            opened.cache().clear();
        }
    }

    /** Refuses a number of rounds under one. */
    public static void checkRounds(int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1: " + rounds);
        }
    }

    /**
     * One round's plain wall, cycle wall and the cycle's CPU floor (its CPU over the cores; 0 when the
     * system gave no CPU figures), in seconds.
     */
    record Round(double plain, double cycle, double floor) {
        double ratio() {
            return cycle / plain;
        }
    }

    /**
     * The rounds side by side and the target judged by their median ratio: the plain run's wall moved
     * by up to two thirds from one minute to the next on the machine measured, and each round's ratio with it.
     */
    static String roundsSummary(List<Round> rounds, int differing) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%d round%s, plain then cycle each time:%n",
                rounds.size(), rounds.size() == 1 ? "" : "s"));
        for (int i = 0; i < rounds.size(); i++) {
            Round r = rounds.get(i);
            text.append(String.format(Locale.ROOT, "  round %d: plain %.2f s, cycle %.2f s, cycle / plain %.2fx, floor %s%n",
                    i + 1, r.plain(), r.cycle(), r.ratio(), floorText(r.floor() / r.plain())));
        }
        double median = median(rounds.stream().map(Round::ratio).toList());
        double floor = median(rounds.stream().map(r -> r.floor() / r.plain()).toList());
        text.append(String.format(Locale.ROOT, "%-40s %8.2fx (%.2fx to %.2fx; floor %s) (target at most %.1fx: %s)",
                "cycle / plain, median of the rounds", median,
                rounds.stream().mapToDouble(Round::ratio).min().orElse(0), rounds.stream().mapToDouble(Round::ratio).max().orElse(0),
                floorText(floor), TARGET_RATIO,
                differing > 0 ? "NOT met: " + differing + " verdict(s) differ from the plain run"
                        : median <= TARGET_RATIO ? "met" : "NOT met"));
        return text.toString();
    }

    private static String floorText(double floorRatio) {
        return floorRatio > 0 ? String.format(Locale.ROOT, "%.2fx", floorRatio) : "unknown";
    }

    /** The median: the middle value, or the mean of the two middle ones. */
    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return 0;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * CPU seconds of this JVM and of its finished child processes (with their own waited-for
     * children), from /proc/self/stat at 100 ticks a second; zeros where there is no /proc. Less
     * sensitive than wall time to other work on a shared machine.
     */
    record Cpu(double self, double children) {
        static Cpu now() {
            try {
                String stat = java.nio.file.Files.readString(Path.of("/proc/self/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return new Cpu((Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0,
                        (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0);
            } catch (java.io.IOException | RuntimeException e) {
                return new Cpu(0, 0); // not Linux: the CPU figures read zero, the walls stand
            }
        }

        Cpu minus(Cpu o) {
            return new Cpu(self - o.self, children - o.children);
        }

        double total() {
            return self + children;
        }

        /** This CPU spread evenly over {@code cores} (at least one): the wall no schedule of it can beat. */
        double floor(int cores) {
            return total() / Math.max(1, cores);
        }
    }

    /**
     * The wall no schedule can beat on {@code cores}: the cycle's CPU (engine and test processes)
     * spread evenly over them, against the plain wall, and the CPU the target leaves for the cycle.
     * When the floor is above the target, only less CPU per run can meet it, not more overlap.
     */
    static String cpuFloor(Cpu cycle, int cores, double plainWall) {
        if (cycle.total() <= 0) {
            return String.format(Locale.ROOT, "%-40s unknown: this system gave no CPU figures", "the cycle's CPU spread over the cores");
        }
        int n = Math.max(1, cores);
        double floor = cycle.floor(n);
        return String.format(Locale.ROOT, "%-40s %8.2f s at the least, however the runs are scheduled (%.2f s of CPU"
                        + " over %d core%s): %.2fx the plain wall; the target leaves the cycle %.2f s of CPU",
                "the cycle's CPU spread over the cores", floor, cycle.total(), n, n == 1 ? "" : "s",
                floor / Math.max(0.01, plainWall),
                TARGET_RATIO * plainWall * n);
    }

    private static String load() {
        try {
            String[] f = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** What the warm script servers did in the cycle: whether the runs were warm. */
    private dev.redyellow.testing.ScriptPoolState scripts;

    /** The plain run's environment: the case's, with Python's default of keeping compiled code for a Python case. */
    static Map<String, String> plainEnv(ScriptCase project) {
        Map<String, String> env = new java.util.LinkedHashMap<>(project.env());
        if (Path.of(project.plain().get(0)).getFileName().toString().startsWith("python")) {
            env.putIfAbsent("PYTHONDONTWRITEBYTECODE", ""); // empty is unset to Python
        }
        return env;
    }

    private RunResult cycle(Manifest manifest, Path work, String cacheFile, Map<String, Double> estimates) throws Exception {
        try (OpenedCache opened = TestCaches.open(work.resolve(cacheFile), CacheSettings.defaults())) {
            RunFolder folder = RunFolder.create(work.resolve("runs"), manifest.name(), Instant.now(), 6);
            Optional<StampedHashes> hashes = opened.database().map(d -> new StampedHashes(d, Clock.systemUTC()));
            try (RunStreams streams = new RunStreams(folder.path());
                 TestRunners runners = TestRunners.standard(Optional.empty())) {
                RunOptions options = new RunOptions(workers, folder.path(), false, ManualDecisions.NOBODY, streams,
                        opened.cache(), estimates, null, null).withHashes(hashes.orElse(null));
                RunResult result = new RunEngine(manifest, options, runners, RunListener.NONE, Clock.systemUTC()).run();
                scripts = runners.scriptPoolState();
                hashes.ifPresent(StampedHashes::save);
                return result;
            }
        }
    }

    /**
     * Prints each feature against the plain run (with {@code table}; else only those that differ);
     * returns how many differ.
     */
    private int compare(ScriptCase project, PlainScriptRun.Result plain, RunResult result, boolean table) throws java.io.IOException {
        if (table) {
            out.printf(Locale.ROOT, "%n%-14s %-8s %8s %6s %-24s %-6s %s%n", "feature", "ended", "attempts", "runs", "plain run says",
                    "agrees", "RED proof");
        }
        int differing = 0;
        for (ScriptCase.Feature feature : project.features()) {
            FeatureOutcome o = result.outcomes().stream().filter(x -> x.id().equals(feature.id())).findFirst().orElseThrow();
            List<String> tests = project.testFiles(feature).stream().filter(t -> !plain.casesOf(t).isEmpty()
                    || t.endsWith(".py") || t.matches(".*\\.(spec|test)\\.[cm]?[jt]sx?")).toList();
            boolean passes = tests.stream().allMatch(plain::passed);
            long plainPassed = tests.stream().flatMap(t -> plain.casesOf(t).stream())
                    .filter(c -> c.status() == TestCase.Status.PASSED).count();
            int lastPassed = o.lastResult().map(TestResult::passed).orElse(0);
            // Agreeing means the same verdict, and when both pass, the same number of passing tests.
            boolean agrees = o.green() == passes && (!passes || lastPassed == plainPassed);
            differing += agrees ? 0 : 1;
            if (!table && agrees) {
                continue;
            }
            out.printf(Locale.ROOT, "%-14s %-8s %8d %6d %-24s %-6s %s%n", o.id(), o.state(), o.attempts(), o.testRuns(),
                    (passes ? "passes" : "fails") + " (" + plainPassed + " passed)", agrees ? "yes" : "NO", redProof(o));
            if (!agrees) {
                out.printf(Locale.ROOT, "    %s (last run %d passed)%n", detail(o), lastPassed);
            }
        }
        if (table) {
            out.printf(Locale.ROOT, "edges: %d explicit, %d inferred, %d discovered: %s%n", edges(result, EdgeKind.EXPLICIT),
                    edges(result, EdgeKind.INFERRED), edges(result, EdgeKind.DISCOVERED), result.edges().stream()
                            .map(e -> e.dependent() + "->" + e.dependency() + " (" + e.kind().name().toLowerCase(Locale.ROOT) + ")").toList());
        }
        return differing;
    }

    private void summary(PlainScriptRun.Result plain, RunResult result, double cycleWall, int differing, boolean ofARound) {
        int runs = result.outcomes().stream().mapToInt(FeatureOutcome::testRuns).sum();
        int hits = result.outcomes().stream().mapToInt(FeatureOutcome::cacheHits).sum();
        long testMillis = result.outcomes().stream().flatMap(o -> o.history().stream()).map(AttemptRecord::result)
                .flatMap(Optional::stream).mapToLong(TestResult::durationMillis).sum();
        double ratio = cycleWall / plain.wallSeconds();
        out.println();
        out.printf(Locale.ROOT, "%-40s %8.2f s%n", "plain run wall (one whole-project run)", plain.wallSeconds());
        out.printf(Locale.ROOT, "%-40s %8.2f s%n", "RedYellow cycle wall", cycleWall);
        if (ofARound) {
            out.printf(Locale.ROOT, "%-40s %8.2fx (this round; the target is judged by the median of the rounds, below)%n",
                    "cycle / plain", ratio);
        } else {
            out.printf(Locale.ROOT, "%-40s %8.2fx (target at most %.1fx: %s)%n", "cycle / plain", ratio, TARGET_RATIO,
                    differing > 0 ? "NOT met: " + differing + " verdict(s) differ from the plain run"
                            : ratio <= TARGET_RATIO ? "met" : "NOT met");
        }
        out.printf(Locale.ROOT, "%-40s %8d (%d answered by the cache), %.2f s of runner time in all, %.2f s each on average%n",
                "test runs in the cycle", runs, hits, testMillis / 1e3, runs == 0 ? 0 : testMillis / 1e3 / Math.max(1, runs - hits));
        out.printf(Locale.ROOT, "%-40s %8.2f s (sum of feature times %.2f s over %d workers)%n", "engine-reported wall",
                result.metrics().wallSeconds(), result.metrics().sumFeatureSeconds(), result.metrics().workers());
        out.printf(Locale.ROOT, "%-40s %s%n", "schedule (worker: feature start-end s)", schedule(result));
    }

    /** Each worker's features in the order it ran them, with their start and end in seconds of the run. */
    static String schedule(RunResult result) {
        return result.metrics().timeline().stream()
                .sorted(java.util.Comparator.comparingInt(TimelineEntry::worker).thenComparingDouble(TimelineEntry::start))
                .collect(java.util.stream.Collectors.groupingBy(TimelineEntry::worker, java.util.TreeMap::new,
                        java.util.stream.Collectors.mapping(t -> String.format(Locale.ROOT, "%s %.2f-%.2f", t.feature(),
                                t.start(), t.end()), java.util.stream.Collectors.joining(", "))))
                .entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    private static long edges(RunResult result, EdgeKind kind) {
        return result.edges().stream().filter(e -> e.kind() == kind).count();
    }

    /** How RED was proved, from the reason of the feature's PENDING -> RED transition: the missing names or the counts. */
    private static String redProof(FeatureOutcome o) {
        String reason = o.transitions().stream().filter(t -> t.from() == FeatureState.PENDING && t.to() == FeatureState.RED)
                .map(Transition::reason).findFirst().orElse("-");
        int missing = reason.indexOf("(missing: ");
        String shown = reason.startsWith("red proved: the tests do not compile or load") && missing >= 0
                ? "does not load, missing " + reason.substring(missing + "(missing: ".length(), reason.length() - 1)
                : reason.replace("red proved: ", "");
        return shown.length() > 70 ? shown.substring(0, 70) + "..." : shown;
    }

    private static String detail(FeatureOutcome o) {
        String text = o.reason() + o.lastResult().map(r -> ": " + r.outcome() + " " + r.detail().lines().findFirst().orElse(""))
                .orElse("");
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
