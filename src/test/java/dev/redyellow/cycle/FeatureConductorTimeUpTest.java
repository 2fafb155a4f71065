package dev.redyellow.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.exec.WorkspaceFactory;
import dev.redyellow.implement.AttemptResult;
import dev.redyellow.implement.Verdict;
import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.FileSet;
import dev.redyellow.manifest.ImplementerSettings;
import dev.redyellow.manifest.ReviewSettings;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.testing.TestRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupt ends a feature FAILED with reason timeout when the caller says its time is up, even
 * though the conductor's own clock reads under the limit (it starts after the caller's alarm), and
 * CANCELLED when the run was stopped.
 */
class FeatureConductorTimeUpTest {

    @TempDir
    Path tmp;

    @Test
    void aTestRunThatTimesOutSaysSoInItsStepsOutputEvenWhenItPrintedNothing() throws Exception {
        TestSettings settings = new TestSettings.Command(List.of("python3", "-m", "unittest"), Map.of(), 1, null);
        Feature feature = new Feature("hangs", "hangs", "", List.of(), List.of(), settings, new ImplementerSettings.Replay(),
                new ReviewSettings.Auto(), FileSet.ofText(Map.of("test_hangs.py", "import time\ntime.sleep(60)\n")),
                List.of(), null);
        StringBuffer red = new StringBuffer();
        StepOutput output = (featureId, attempt, step) -> attempt == 0 && step.equals("test")
                ? (stream, bytes, offset, length) -> red.append(new String(bytes, offset, length,
                        java.nio.charset.StandardCharsets.UTF_8))
                : dev.redyellow.exec.OutputSink.DISCARD;
        FeatureConductor.Parts parts = new FeatureConductor.Parts(new WorkspaceFactory(tmp.resolve("run"), null),
                new dev.redyellow.testing.CommandTestRunner(new dev.redyellow.exec.ProcessRunner()),
                request -> new AttemptResult.Produced(FileSet.ofText(Map.of("hangs.py", "x = 1\n"))),
                review -> Verdict.approve("fine"), output, false, DependencyFiles.NONE,
                (id, phase, result, ws) -> new DependencyDiscovery.Finding.Own(List.of("hangs")),
                new dev.redyellow.store.BlobStore(tmp.resolve("run/store"), 1 << 20));
        Clock clock = Clock.systemUTC();
        FeatureConductor.Step step = new FeatureConductor(feature, new FeatureLifecycle(feature.id(), clock, t -> { }),
                new FeatureConductor.Limits(2, 2, null), parts, clock).conduct();
        FeatureOutcome outcome = ((FeatureConductor.Step.Finished) step).outcome();

        assertEquals(FeatureState.FAILED, outcome.state(), outcome.reason());
        assertTrue(red.toString().contains("[redyellow] TIMEOUT: timed out after 1 s"), red.toString());
    }

    private FeatureOutcome conduct(boolean timeUp) throws Exception {
        TestSettings settings = new TestSettings.Command(List.of("python3", "-m", "unittest"), Map.of(), 60, null);
        Feature feature = new Feature("slow", "slow", "", List.of(), List.of(), settings, new ImplementerSettings.Replay(),
                new ReviewSettings.Auto(), FileSet.ofText(Map.of("test_slow.py", "x = 1\n")), List.of(), null);
        TestRunner interrupted = request -> {
            throw new InterruptedException("the alarm");
        };
        FeatureConductor.Parts parts = new FeatureConductor.Parts(new WorkspaceFactory(tmp.resolve("run"), null),
                interrupted, request -> new AttemptResult.Produced(FileSet.ofText(Map.of("slow.py", "x = 1\n"))),
                review -> Verdict.approve("fine"), StepOutput.DISCARD, false, DependencyFiles.NONE,
                (id, phase, result, ws) -> new DependencyDiscovery.Finding.Own(List.of("slow")),
                new dev.redyellow.store.BlobStore(tmp.resolve("run/store"), 1 << 20));
        Clock clock = Clock.systemUTC();
        // a limit of an hour: the conductor's own clock never reaches it in this test
        FeatureConductor conductor = new FeatureConductor(feature, new FeatureLifecycle(feature.id(), clock, t -> { }),
                new FeatureConductor.Limits(2, 2, Duration.ofHours(1)), parts, clock);
        FeatureConductor.Step step = conductor.conduct(() -> timeUp);
        Thread.interrupted(); // the cancelled path keeps the interrupt for its caller
        return ((FeatureConductor.Step.Finished) step).outcome();
    }

    @Test
    void anInterruptFromTheAlarmIsATimeoutWhateverTheConductorsClockSays() throws Exception {
        FeatureOutcome outcome = conduct(true);
        assertEquals(FeatureState.FAILED, outcome.state(), outcome.reason());
        assertTrue(outcome.reason().startsWith("timeout: the feature took longer than its limit of 3600 s"),
                outcome.reason());
    }

    @Test
    void anInterruptWithoutTheAlarmIsACancel() throws Exception {
        FeatureOutcome outcome = conduct(false);
        assertEquals(FeatureState.CANCELLED, outcome.state(), outcome.reason());
    }
}
