package dev.redyellow.bench;

import dev.redyellow.cache.CacheSettings;
import dev.redyellow.cache.OpenedCache;
import dev.redyellow.cache.TestCaches;
import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.exec.RunFolder;
import dev.redyellow.implement.ManualDecisions;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ManifestLoader;
import dev.redyellow.run.RunEngine;
import dev.redyellow.run.RunListener;
import dev.redyellow.run.RunOptions;
import dev.redyellow.run.RunResult;
import dev.redyellow.run.RunStreams;
import dev.redyellow.testing.MutationResult;
import dev.redyellow.testing.TestRunners;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What mutation testing costs (issue 22), on the real-code case of {@link RealCodeBench} (Apache
 * Commons split into features, every true edge declared): the same manifest run without mutation
 * testing, with it ({@code --mutation}: PIT's mutants of each feature's own classes against its own
 * tests, run on the warm test workers), the measured run again on the same cache (the scores served
 * from it), with it the way PIT runs mutants itself (its own JVM, coverage and minion JVMs: the
 * baseline of the warm workers' way, with the scores of both compared), and without it once more, so
 * the noise between two plain runs shows beside the extra wall. The target is at most 2x. With several
 * caps on the mutants per class, each cap gets its own measured run, compared with the first cap's:
 * what a smaller sample saves in wall and what it changes in the scores.
 */
public final class MutationBench {

    private final PrintWriter out;
    private final int features;
    private final int workers;
    private final long seed;
    private final Path home;
    private final List<Integer> caps;

    public MutationBench(PrintWriter out, int features, int workers, long seed, Path home) {
        this(out, features, workers, seed, home, List.of());
    }

    /** @param caps mutants per class for each measured run (the manifest's when empty) */
    public MutationBench(PrintWriter out, int features, int workers, long seed, Path home, List<Integer> caps) {
        this.out = out;
        this.features = features;
        this.workers = workers;
        this.seed = seed;
        this.home = home;
        this.caps = List.copyOf(caps);
    }

    private record Cycle(RunResult result, double wallSeconds) {
        List<MutationResult> scores() {
            return result.outcomes().stream().map(FeatureOutcome::mutation).flatMap(Optional::stream)
                    .filter(MutationResult::measured).toList();
        }
    }

    public void run() throws Exception {
        Path cache = home.resolve(".redyellow").resolve("realcode");
        List<String> maven = RealCodeBench.mavenCommand();
        out.printf(Locale.ROOT, "Mutation benchmark: %d cores, Java %s, %d workers, seed %d, %d features; %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), workers, seed, features,
                BenchJvm.describe());
        RealCodeSources.Roots roots = new RealCodeSources(home.resolve(".m2").resolve("repository"), cache, maven)
                .unpack(RealCodeSources.APACHE_COMMONS);
        JavaSourceIndex index = JavaSourceIndex.read(roots.main(), roots.test());
        Path work = cache.resolve("mutation-s" + seed + "-n" + features);
        new RunFolder(work).delete();
        Optional<Set<String>> failing = new RealCodeBench(out, features, workers, seed, home).screen(index, maven, cache, work);
        if (failing.isEmpty()) {
            return;
        }
        RealJavaProject project = new RealJavaProject(index, seed, failing.get(), features);
        Path manifestFile = new RealCaseWriter(project).writeManifest(work.resolve("case"),
                "realcode-mutation-" + project.units().size(), true, workers);
        Manifest manifest = ManifestLoader.load(manifestFile);
        out.printf(Locale.ROOT, "case: %d features of %s, every true edge declared; manifest %s%n",
                project.units().size(), RealCodeSources.APACHE_COMMONS.stream().map(a -> a.artifact()).toList(),
                manifestFile);
        out.flush();

        List<Integer> capsRun = caps.isEmpty() ? List.of(manifest.mutation().maxMutantsPerClass()) : caps;
        Cycle plain = cycle(manifest, work.resolve("cache-plain.db"), work, false, "without mutation testing (fresh cache)");
        Path measuredDb = work.resolve("cache-mutation.db");
        manifest = capped(manifest, capsRun.get(0));
        Cycle mutation = cycle(manifest, measuredDb, work, true, "with --mutation (fresh cache)" + capLabel(capsRun.get(0)));
        Cycle again = cycle(manifest, measuredDb, work, true, "with --mutation, unchanged re-run (same cache)");
        Cycle pitJvms = cycle(manifest, work.resolve("cache-mutation-pit.db"), work, true,
                "with --mutation in PIT's own JVMs (fresh cache)" + capLabel(capsRun.get(0)), true);
        List<Cycle> others = new java.util.ArrayList<>();
        for (int cap : capsRun.subList(1, capsRun.size())) {
            others.add(cycle(capped(manifest, cap), work.resolve("cache-mutation-" + cap + ".db"), work, true,
                    "with --mutation (fresh cache)" + capLabel(cap)));
        }
        Cycle plainAgain = cycle(manifest, work.resolve("cache-plain-2.db"), work, false, "without mutation testing, again");

        double base = (plain.wallSeconds() + plainAgain.wallSeconds()) / 2;
        List<MutationResult> scores = mutation.scores();
        int generated = scores.stream().mapToInt(MutationResult::generated).sum();
        int killed = scores.stream().mapToInt(MutationResult::killed).sum();
        out.println();
        out.printf(Locale.ROOT, "%-40s %s%n", "figure", "value");
        out.printf(Locale.ROOT, "%-40s %.1f s, %.1f s (first and last run; mean %.1f s)%n", "wall without mutation testing",
                plain.wallSeconds(), plainAgain.wallSeconds(), base);
        out.printf(Locale.ROOT, "%-40s %.1f s%n", "wall with --mutation", mutation.wallSeconds());
        out.printf(Locale.ROOT, "%-40s %+.1f s, %.2fx the run without (target: at most 2x)%n", "extra wall",
                mutation.wallSeconds() - base, mutation.wallSeconds() / base);
        compare("in PIT's own JVMs", pitJvms, "the warm workers'", mutation, base);
        out.printf(Locale.ROOT, "%-40s %.1f s (%d of %d scores from the cache)%n", "unchanged re-run with --mutation",
                again.wallSeconds(), again.scores().stream().filter(MutationResult::cached).count(), again.scores().size());
        out.printf(Locale.ROOT, "%-40s %d features measured, %d mutants, %d killed (%.0f%% overall)%n", "mutants",
                scores.size(), generated, killed, generated == 0 ? 100.0 : 100.0 * killed / generated);
        for (int i = 0; i < others.size(); i++) {
            compareCaps(capsRun.get(0), mutation, capsRun.get(i + 1), others.get(i), base);
        }
        out.printf(Locale.ROOT, "%-40s %s%n", "mutants per class", manifest.mutation().maxMutantsPerClass() == 0
                ? "every mutant (maxMutantsPerClass 0)"
                : "at most " + manifest.mutation().maxMutantsPerClass() + " (maxMutantsPerClass): a class with more is "
                        + "measured on PIT's evenly spread sample");
        mutation.result().outcomes().stream().filter(o -> o.mutation().isPresent() && !o.mutation().get().measured())
                .forEach(o -> out.printf(Locale.ROOT, "%-40s %s: %s%n", "not measured", o.id(),
                        o.mutation().get().summary()));
        out.printf(Locale.ROOT, "%-40s %d of %d (without), %d of %d (with)%n", "GREEN",
                plain.result().outcomes().stream().filter(FeatureOutcome::green).count(), plain.result().outcomes().size(),
                mutation.result().outcomes().stream().filter(FeatureOutcome::green).count(),
                mutation.result().outcomes().size());
        out.println();
        out.printf(Locale.ROOT, "%-28s %9s %7s %7s %8s%n", "feature (slowest first)", "mutants", "killed", "score", "s");
        mutation.result().outcomes().stream().filter(o -> o.mutation().isPresent())
                .sorted(Comparator.comparingLong((FeatureOutcome o) -> o.mutation().get().durationMillis()).reversed())
                .limit(10)
                .forEach(o -> {
                    MutationResult m = o.mutation().get();
                    out.printf(Locale.ROOT, "%-28s %9d %7d %7.2f %8.1f%s%n", o.id(), m.generated(), m.killed(), m.score(),
                            m.durationMillis() / 1000.0, m.measured() ? "" : "  " + m.summary());
                });
        out.printf(Locale.ROOT, "%nReproduce: %s bench mutation --features %d --workers %d --seed %d%s%n",
                BenchJvm.command(), features, workers, seed, caps.isEmpty() ? "" : " --max-mutants "
                        + String.join(",", caps.stream().map(String::valueOf).toList()));
        out.flush();
    }

    private static Manifest capped(Manifest manifest, int cap) {
        return manifest.withMutation(manifest.mutation().withMaxMutantsPerClass(cap));
    }

    private static String capLabel(int cap) {
        return cap == 0 ? ", every mutant" : ", at most " + cap + " a class";
    }

    /** A smaller sample's run against the reference's: its wall, and how far its scores moved. */
    private void compareCaps(int referenceCap, Cycle reference, int cap, Cycle sampled, double base) {
        compare("with" + capLabel(cap), sampled, referenceCap == 0 ? "every mutant" : "at most " + referenceCap,
                reference, base);
    }

    /** Another measured run against the reference's: its wall, and how far its scores are from the reference's. */
    private void compare(String label, Cycle sampled, String referenceLabel, Cycle reference, double base) {
        Map<String, Double> referenceScores = new java.util.HashMap<>();
        reference.result().outcomes().forEach(o -> o.mutation().filter(MutationResult::measured)
                .ifPresent(m -> referenceScores.put(o.id(), m.score())));
        List<Double> moved = sampled.result().outcomes().stream()
                .filter(o -> referenceScores.containsKey(o.id()) && o.mutation().filter(MutationResult::measured).isPresent())
                .map(o -> Math.abs(o.mutation().get().score() - referenceScores.get(o.id())))
                .toList();
        int generated = sampled.scores().stream().mapToInt(MutationResult::generated).sum();
        out.printf(Locale.ROOT, "%-40s %.1f s, %.2fx the run without; %d mutants; scores against %s: mean |difference| "
                        + "%.3f, largest %.3f, over %d features%n",
                label, sampled.wallSeconds(), sampled.wallSeconds() / base, generated, referenceLabel,
                moved.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                moved.stream().mapToDouble(Double::doubleValue).max().orElse(0), moved.size());
        sampled.result().outcomes().stream()
                .filter(o -> referenceScores.containsKey(o.id()) && o.mutation().filter(MutationResult::measured).isPresent())
                .filter(o -> Math.abs(o.mutation().get().score() - referenceScores.get(o.id())) > 1e-9)
                .forEach(o -> out.printf(Locale.ROOT, "%-40s %s: %s here, %.3f with %s%n", "  score differs", o.id(),
                        o.mutation().get().summary(), referenceScores.get(o.id()), referenceLabel));
    }

    private Cycle cycle(Manifest manifest, Path cacheDb, Path work, boolean measure, String label) throws Exception {
        return cycle(manifest, cacheDb, work, measure, label, false);
    }

    /** @param pitJvms whether PIT runs the mutants in its own JVMs rather than the warm workers */
    private Cycle cycle(Manifest manifest, Path cacheDb, Path work, boolean measure, String label, boolean pitJvms)
            throws Exception {
        try (OpenedCache opened = TestCaches.open(cacheDb, CacheSettings.defaults())) {
            RunFolder folder = RunFolder.create(work.resolve("runs"), manifest.name(), java.time.Instant.now(), 6);
            RunResult result;
            double wall;
            try (RunStreams streams = new RunStreams(folder.path());
                 TestRunners runners = TestRunners.standard(Optional.empty())) {
                RunOptions options = new RunOptions(workers, folder.path(), false, ManualDecisions.NOBODY, streams,
                        opened.cache(), Map.of(), null, null).withMutation(measure);
                if (!pitJvms) {
                    options = options.withMutationTesters(runners::mutationTesters);
                }
                long started = System.nanoTime();
                result = new RunEngine(manifest, options, runners, RunListener.NONE, Clock.systemUTC()).run();
                wall = (System.nanoTime() - started) / 1e9;
            }
            Cycle cycle = new Cycle(result, wall);
            out.printf(Locale.ROOT, "%-50s %7.1f s  %d of %d GREEN%n", label + ":", wall,
                    result.outcomes().stream().filter(FeatureOutcome::green).count(), result.outcomes().size());
            out.flush();
            return cycle;
        }
    }
}
