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
 * testing, with it ({@code --mutation}: PIT on each feature's own classes against its own tests), the
 * measured run again on the same cache (the scores served from it), and without it once more, so the
 * noise between two plain runs shows beside the extra wall. The target is at most 2x.
 */
public final class MutationBench {

    private final PrintWriter out;
    private final int features;
    private final int workers;
    private final long seed;
    private final Path home;

    public MutationBench(PrintWriter out, int features, int workers, long seed, Path home) {
        this.out = out;
        this.features = features;
        this.workers = workers;
        this.seed = seed;
        this.home = home;
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
        out.printf(Locale.ROOT, "Mutation benchmark: %d cores, Java %s, %d workers, seed %d, %d features%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), workers, seed, features);
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

        Cycle plain = cycle(manifest, work.resolve("cache-plain.db"), work, false, "without mutation testing (fresh cache)");
        Path measuredDb = work.resolve("cache-mutation.db");
        Cycle mutation = cycle(manifest, measuredDb, work, true, "with --mutation (fresh cache)");
        Cycle again = cycle(manifest, measuredDb, work, true, "with --mutation, unchanged re-run (same cache)");
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
        out.printf(Locale.ROOT, "%-40s %.1f s (%d of %d scores from the cache)%n", "unchanged re-run with --mutation",
                again.wallSeconds(), again.scores().stream().filter(MutationResult::cached).count(), again.scores().size());
        out.printf(Locale.ROOT, "%-40s %d features measured, %d mutants, %d killed (%.0f%% overall)%n", "mutants",
                scores.size(), generated, killed, generated == 0 ? 100.0 : 100.0 * killed / generated);
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
        out.printf(Locale.ROOT, "%-28s %9s %7s %7s %8s%n", "feature (slowest first)", "mutants", "killed", "score", "PIT s");
        mutation.result().outcomes().stream().filter(o -> o.mutation().isPresent())
                .sorted(Comparator.comparingLong((FeatureOutcome o) -> o.mutation().get().durationMillis()).reversed())
                .limit(10)
                .forEach(o -> {
                    MutationResult m = o.mutation().get();
                    out.printf(Locale.ROOT, "%-28s %9d %7d %7.2f %8.1f%s%n", o.id(), m.generated(), m.killed(), m.score(),
                            m.durationMillis() / 1000.0, m.measured() ? "" : "  " + m.summary());
                });
        out.printf(Locale.ROOT, "%nReproduce: java -jar target/redyellow.jar bench mutation --features %d --workers %d --seed %d%n",
                features, workers, seed);
        out.flush();
    }

    private Cycle cycle(Manifest manifest, Path cacheDb, Path work, boolean measure, String label) throws Exception {
        try (OpenedCache opened = TestCaches.open(cacheDb, CacheSettings.defaults())) {
            RunFolder folder = RunFolder.create(work.resolve("runs"), manifest.name(), java.time.Instant.now(), 6);
            RunResult result;
            double wall;
            try (RunStreams streams = new RunStreams(folder.path());
                 TestRunners runners = TestRunners.standard(Optional.empty())) {
                RunOptions options = new RunOptions(workers, folder.path(), false, ManualDecisions.NOBODY, streams,
                        opened.cache(), Map.of(), null, null).withMutation(measure);
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
