package dev.redyellow.bench;

import dev.redyellow.cycle.AttemptRecord;
import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.cycle.StepOutput;
import dev.redyellow.exec.RunFolder;
import dev.redyellow.implement.ManualDecisions;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.run.RunEngine;
import dev.redyellow.run.RunListener;
import dev.redyellow.run.RunOptions;
import dev.redyellow.run.RunResult;
import dev.redyellow.testing.TestRunners;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Whether the junit kind's two fork modes give the same verdicts: runs a manifest whole with a JVM
 * per test run and with warm workers, several times each, with no test cache, and prints every
 * feature whose final state or test counts (per attempt) differ between any two runs. The same code
 * must get the same verdict however and however often it is run.
 */
public final class ParityBench {

    private static final List<TestSettings.Fork> MODES = List.of(TestSettings.Fork.PER_RUN, TestSettings.Fork.WARM);

    private final PrintWriter out;
    private final Manifest manifest;
    private final String manifestArgument;
    private final int runs;
    private final int workers;

    /**
     * @param manifestArgument the manifest as the user named it, for the command that reproduces the run
     * @param runs             runs per mode
     */
    public ParityBench(PrintWriter out, Manifest manifest, String manifestArgument, int runs, int workers) {
        if (runs < 1 || workers < 1) {
            throw new IllegalArgumentException("runs and workers must be at least 1, were " + runs + " and " + workers);
        }
        this.out = out;
        this.manifest = manifest;
        this.manifestArgument = manifestArgument;
        this.runs = runs;
        this.workers = workers;
    }

    /** One feature's differing results: each distinct result with the runs that gave it. */
    public record Difference(String feature, Map<String, List<String>> variants) {
    }

    /** Runs the manifest in both modes; prints and returns the features whose results differ. */
    public List<Difference> run() throws Exception {
        out.printf(Locale.ROOT, "Parity of the junit fork modes: %s, %d runs per mode, %d workers, no test cache%n",
                manifest.name(), runs, workers);
        out.flush();
        // feature -> result -> the runs that gave it, in the order they ran
        Map<String, Map<String, List<String>>> seen = new TreeMap<>();
        Path root = Files.createTempDirectory("redyellow-parity-");
        try {
            for (int run = 1; run <= runs; run++) {
                for (TestSettings.Fork fork : MODES) {
                    String label = fork.manifestName() + "#" + run;
                    long started = System.nanoTime();
                    RunResult result = runOnce(fork, root.resolve(fork.manifestName() + "-" + run));
                    long green = result.outcomes().stream().filter(FeatureOutcome::green).count();
                    out.printf(Locale.ROOT, "  %-9s %6.1f s  %d of %d GREEN%n", label, (System.nanoTime() - started) / 1e9, green,
                            result.outcomes().size());
                    out.flush();
                    for (FeatureOutcome outcome : result.outcomes()) {
                        seen.computeIfAbsent(outcome.id(), id -> new LinkedHashMap<>())
                                .computeIfAbsent(describe(outcome), d -> new ArrayList<>()).add(label);
                    }
                }
            }
        } finally {
            new RunFolder(root).delete();
        }
        List<Difference> differences = new ArrayList<>();
        seen.forEach((feature, variants) -> {
            if (variants.size() > 1) {
                differences.add(new Difference(feature, variants));
            }
        });
        print(differences, seen.size());
        return differences;
    }

    private RunResult runOnce(TestSettings.Fork fork, Path runDir) throws Exception {
        try (TestRunners runners = TestRunners.standard(Optional.of(fork))) {
            return new RunEngine(manifest, new RunOptions(workers, runDir, false, ManualDecisions.NOBODY, StepOutput.DISCARD),
                    runners, RunListener.NONE, Clock.systemUTC()).run();
        }
    }

    /** What must not differ: the final state, and each attempt's outcome and test counts. */
    static String describe(FeatureOutcome outcome) {
        StringBuilder text = new StringBuilder(outcome.state().toString());
        for (AttemptRecord attempt : outcome.history()) {
            attempt.result().ifPresent(r -> text.append("; ").append(attempt.attempt() == 0 ? "RED proof" : "attempt " + attempt.attempt())
                    .append(' ').append(r.outcome()).append(' ').append(r.passed()).append(" passed/").append(r.failed())
                    .append(" failed/").append(r.skipped()).append(" skipped"));
        }
        return text.toString();
    }

    private void print(List<Difference> differences, int features) {
        for (Difference difference : differences) {
            out.println("DIFFERS " + difference.feature() + ":");
            difference.variants().forEach((result, labels) -> out.println("    " + String.join(", ", new TreeSet<>(labels))
                    + ": " + result));
        }
        out.printf(Locale.ROOT, "parity: %d differences over %d features x %d runs%n", differences.size(), features,
                runs * MODES.size());
        out.println("reproduce: redyellow bench parity " + manifestArgument + " --runs " + runs + " --workers " + workers);
        out.flush();
    }
}
