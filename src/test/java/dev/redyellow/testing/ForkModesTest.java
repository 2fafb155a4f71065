package dev.redyellow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.cycle.AttemptRecord;
import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.cycle.StepOutput;
import dev.redyellow.implement.ManualDecisions;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ManifestLoader;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.run.RunEngine;
import dev.redyellow.run.RunListener;
import dev.redyellow.run.RunOptions;
import dev.redyellow.run.RunResult;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled sample run whole in both junit fork modes: every feature must end alike, by the same
 * path, with the same test results per attempt, test by test.
 */
class ForkModesTest {

    @TempDir
    static Path tmp;

    private static Map<String, FeatureOutcome> perRun;
    private static Map<String, FeatureOutcome> warm;
    private static WarmPoolState warmPool;
    private static List<Long> leftWorkers;

    @BeforeAll
    static void runTheSampleInBothModes() throws Exception {
        Manifest sample = ManifestLoader.load(Path.of("samples/string-tools/manifest.json"));
        perRun = run(sample, TestSettings.Fork.PER_RUN, "per-run");
        try (TestRunners runners = TestRunners.standard(Optional.of(TestSettings.Fork.WARM))) {
            warm = run(sample, runners, "warm");
            warmPool = runners.warmPoolState();
        }
        leftWorkers = ProcessHandle.current().descendants().filter(h -> !dev.redyellow.exec.ProcessTree.hasExited(h))
                .map(ProcessHandle::pid).filter(pid -> warmPool.workers().stream().anyMatch(w -> w.pid() == pid)).toList();
    }

    private static Map<String, FeatureOutcome> run(Manifest manifest, TestSettings.Fork fork, String folder)
            throws Exception {
        try (TestRunners runners = TestRunners.standard(Optional.of(fork))) {
            return run(manifest, runners, folder);
        }
    }

    private static Map<String, FeatureOutcome> run(Manifest manifest, TestRunners runners, String folder)
            throws Exception {
        RunResult result = new RunEngine(manifest, new RunOptions(3, tmp.resolve(folder), false, ManualDecisions.NOBODY,
                StepOutput.DISCARD), runners, RunListener.NONE, Clock.systemUTC()).run();
        return result.outcomes().stream().collect(Collectors.toMap(FeatureOutcome::id, Function.identity()));
    }

    @Test
    void everyFeatureEndsInTheSameStateForTheSameReason() {
        assertEquals(perRun.keySet(), warm.keySet());
        assertEquals(describe(perRun, o -> o.state() + " " + o.reason() + " attempts=" + o.attempts() + " runs=" + o.testRuns()),
                describe(warm, o -> o.state() + " " + o.reason() + " attempts=" + o.attempts() + " runs=" + o.testRuns()));
        assertTrue(warm.values().stream().allMatch(FeatureOutcome::green), "the sample ends all GREEN");
    }

    @Test
    void everyFeatureTakesTheSamePath() {
        Function<FeatureOutcome, String> path = o -> o.transitions().stream()
                .map(t -> t.from() + "->" + t.to() + ": " + t.reason()).collect(Collectors.joining("\n"));
        assertEquals(describe(perRun, path), describe(warm, path));
    }

    @Test
    void everyAttemptHasTheSameTestResultsTestByTest() {
        assertEquals(describe(perRun, ForkModesTest::results), describe(warm, ForkModesTest::results));
    }

    @Test
    void theWarmRunUsedNoMoreWorkersThanTheSchedulerHas() {
        assertTrue(warmPool.workersStarted() >= 1 && warmPool.workersStarted() <= 3, warmPool.toString());
        assertEquals(warm.values().stream().mapToInt(FeatureOutcome::testRuns).sum(), warmPool.runs(), warmPool.toString());
        assertEquals(0, warmPool.recycles(), warmPool.toString());
    }

    @Test
    void noWorkerProcessOutlivesTheRun() {
        assertEquals(List.of(), leftWorkers);
    }

    private static String results(FeatureOutcome outcome) {
        StringBuilder text = new StringBuilder();
        for (AttemptRecord attempt : outcome.history()) {
            text.append("attempt ").append(attempt.attempt()).append(": ");
            attempt.result().ifPresent(r -> {
                text.append(r.outcome()).append(" passed=").append(r.passed()).append(" failed=").append(r.failed())
                        .append(" skipped=").append(r.skipped()).append("\n").append(r.detail()).append("\n");
                r.cases().stream().map(c -> c.name() + " " + c.status() + " " + c.message()).sorted()
                        .forEach(c -> text.append("  ").append(c).append("\n"));
            });
        }
        return text.toString();
    }

    private static String describe(Map<String, FeatureOutcome> outcomes, Function<FeatureOutcome, String> aspect) {
        return outcomes.values().stream().sorted(java.util.Comparator.comparing(FeatureOutcome::id))
                .map(o -> o.id() + ": " + aspect.apply(o)).collect(Collectors.joining("\n"));
    }
}
