package dev.redyellow.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.exec.WorkspaceFactory;
import dev.redyellow.implement.AttemptResult;
import dev.redyellow.implement.Implementer;
import dev.redyellow.implement.Verdict;
import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.FileSet;
import dev.redyellow.manifest.ImplementerSettings;
import dev.redyellow.manifest.ReviewSettings;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.testing.CommandTestRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RED proof beside the first attempt, with real python processes: the two runs overlap when a
 * worker is spare (each test module waits a moment for the other's marker), the verdicts and
 * transitions are those of the proof first, and the implementer is asked once whatever the proof says.
 */
class RedBesideFirstAttemptTest {

    @TempDir
    Path tmp;

    /** A spare worker every time it is asked, counting how often it was taken and given back. */
    private static final class Spare implements SpareWorker {
        final AtomicInteger taken = new AtomicInteger();
        final AtomicInteger out = new AtomicInteger();

        @Override
        public boolean take() {
            taken.incrementAndGet();
            out.incrementAndGet();
            return true;
        }

        @Override
        public void giveBack() {
            out.decrementAndGet();
        }
    }

    /** A test module that marks when it started, waits up to 3 s for the other run's mark, then imports plus. */
    private String testModule(boolean needsImpl) {
        Path markers = tmp.resolve("markers");
        return """
                import pathlib, time, unittest
                markers = pathlib.Path(%s)
                me = 'attempt' if (pathlib.Path(__file__).parent / 'plus.py').exists() else 'red'
                other = 'red' if me == 'attempt' else 'attempt'
                (markers / me).write_text('started')
                for _ in range(60):
                    if (markers / other).exists():
                        break
                    time.sleep(0.05)
                (markers / (me + '-saw-other')).write_text(str((markers / other).exists()))
                %s

                class PlusTest(unittest.TestCase):
                    def test_plus(self):
                        self.assertEqual(5, %s)
                """.formatted("'" + markers + "'", needsImpl ? "from plus import plus" : "",
                needsImpl ? "plus(2, 3)" : "2 + 3");
    }

    private record Conducted(FeatureOutcome outcome, FeatureConductor conductor, int asked) {
    }

    private Conducted conduct(boolean needsImpl, SpareWorker spare, DependencyDiscovery discovery, int calls)
            throws Exception {
        Files.createDirectories(tmp.resolve("markers"));
        TestSettings settings = new TestSettings.Command(List.of("python3", "-m", "unittest"), Map.of(), 60, null);
        Feature feature = new Feature("plus", "plus", "", List.of(), List.of(), settings, new ImplementerSettings.Replay(),
                new ReviewSettings.Auto(), FileSet.ofText(Map.of("test_plus.py", testModule(needsImpl))), List.of(), null);
        AtomicInteger asked = new AtomicInteger();
        Implementer implementer = request -> {
            asked.incrementAndGet();
            return new AttemptResult.Produced(FileSet.ofText(Map.of("plus.py", "def plus(a, b):\n    return a + b\n")));
        };
        FeatureConductor.Parts parts = new FeatureConductor.Parts(new WorkspaceFactory(tmp.resolve("run"), null),
                new CommandTestRunner(new ProcessRunner()), implementer, review -> Verdict.approve("fine"),
                StepOutput.DISCARD, false, DependencyFiles.NONE, discovery,
                new dev.redyellow.store.BlobStore(tmp.resolve("run/store"), 1 << 20));
        Clock clock = Clock.systemUTC();
        FeatureConductor conductor = new FeatureConductor(feature, new FeatureLifecycle(feature.id(), clock, t -> { }),
                new FeatureConductor.Limits(2, 2, null, spare), parts, clock);
        FeatureConductor.Step step = conductor.conduct();
        for (int i = 1; i < calls && step instanceof FeatureConductor.Step.Parked; i++) {
            step = conductor.conduct();
        }
        return new Conducted(((FeatureConductor.Step.Finished) step).outcome(), conductor, asked.get());
    }

    private static final DependencyDiscovery OWN = (id, phase, result, ws) -> new DependencyDiscovery.Finding.Own(List.of("plus"));

    private String saw(String run) throws Exception {
        return Files.readString(tmp.resolve("markers").resolve(run + "-saw-other"));
    }

    @Test
    void withASpareWorkerTheProofAndTheFirstAttemptRunTogetherAndTheStatesComeInOrder() throws Exception {
        Spare spare = new Spare();
        Conducted c = conduct(true, spare, OWN, 1);

        assertEquals(FeatureState.GREEN, c.outcome().state(), c.outcome().reason());
        assertEquals("True", saw("red"), "the proof ran while the attempt's tests ran");
        assertEquals("True", saw("attempt"));
        assertEquals(List.of(FeatureState.RED, FeatureState.YELLOW, FeatureState.GREEN),
                c.outcome().transitions().stream().map(Transition::to).toList());
        assertEquals(2, c.outcome().testRuns());
        assertEquals(1, c.outcome().attempts());
        assertEquals(1, c.asked());
        assertEquals(1, spare.taken.get());
        assertEquals(0, spare.out.get(), "the worker was given back");
    }

    @Test
    void withoutASpareWorkerTheProofComesFirst() throws Exception {
        Conducted c = conduct(true, SpareWorker.NONE, OWN, 1);

        assertEquals(FeatureState.GREEN, c.outcome().state(), c.outcome().reason());
        assertEquals("False", saw("red"), "the attempt had not started while the proof ran");
        assertEquals(2, c.outcome().testRuns());
    }

    @Test
    void aProofThatPassesEndsTheFeatureAndTheAttemptBesideItNeverCounts() throws Exception {
        Conducted c = conduct(false, new Spare(), OWN, 1);

        assertEquals(FeatureState.FAILED, c.outcome().state());
        assertTrue(c.outcome().reason().startsWith("red-violation: 1 tests passed without the implementation"),
                c.outcome().reason());
        assertEquals(0, c.outcome().attempts(), "no attempt is recorded");
        assertEquals(1, c.outcome().testRuns(), "only the proof counts");
        assertEquals(List.of(FeatureState.FAILED), c.outcome().transitions().stream().map(Transition::to).toList());
    }

    @Test
    void aProofThatMustWaitKeepsTheAttemptSoTheImplementerIsAskedOnce() throws Exception {
        AtomicInteger examined = new AtomicInteger();
        DependencyDiscovery waitOnce = (id, phase, result, ws) -> phase == DependencyDiscovery.Phase.RED
                && examined.getAndIncrement() == 0
                ? new DependencyDiscovery.Finding.Waiting(List.of("other"), "waits for other")
                : new DependencyDiscovery.Finding.Own(List.of("plus"));
        Conducted c = conduct(true, new Spare(), waitOnce, 2);

        assertEquals(FeatureState.GREEN, c.outcome().state(), c.outcome().reason());
        assertEquals(1, c.asked(), "the first attempt's answer was kept while the proof waited");
        assertEquals(3, c.outcome().testRuns(), "the proof twice, the attempt once counted");
        assertEquals(1, c.outcome().attempts());
    }
}
