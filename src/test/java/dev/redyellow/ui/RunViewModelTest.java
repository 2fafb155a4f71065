package dev.redyellow.ui;

import dev.redyellow.testkit.PyManifest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.cycle.FeatureState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole run through the view models, without a window: the bridge is drained by hand. */
class RunViewModelTest {
    @TempDir
    Path dir;
    private LocalData data;

    @AfterEach
    void close() {
        data.close();
    }

    @Test
    void aRunTurnsEveryFeatureGreenAndFillsTheMetricsAndTheOutput() throws Exception {
        data = new LocalData(dir.resolve("redyellow.db"));
        ProjectViewModel project = new ProjectViewModel(new InlineTasks());
        StreamViewModel stream = new StreamViewModel();
        MetricsViewModel metrics = new MetricsViewModel();
        RunViewModel run = new RunViewModel(new InlineTasks(), data, dir.resolve("runs"), project, stream, metrics,
                System::nanoTime);
        project.open(new PyManifest().valueFeature("one", List.of(), "self.assertEqual(42, value)", "41", "42")
                .valueFeature("two", List.of("one"), "self.assertEqual(42, value)", "42").write(dir.resolve("p/manifest.json")));

        assertTrue(run.start(), "the inline executor runs it to the end here");

        assertEquals(RunViewModel.Phase.FINISHED, run.phaseProperty().get());
        assertTrue(project.items().stream().allMatch(i -> i.state() == FeatureState.GREEN));
        assertEquals(2, run.doneProperty().get());
        assertTrue(metrics.completeProperty().get());
        assertEquals(2, metrics.bars().size());
        assertFalse(stream.retained().isEmpty());
        FeatureItem one = project.item("one").orElseThrow();
        assertEquals(List.of(FeatureState.RED, FeatureState.RED, FeatureState.YELLOW, FeatureState.GREEN),
                one.transitions().stream().map(t -> t.to()).toList());
        assertTrue(run.logFile("one", 2).orElseThrow().toFile().isFile(), "the full log is one click away");
        assertEquals(1, data.runs().orElseThrow().recent(5).size(), "the run is in the history");
    }

    @Test
    void withTheCacheOffTheFileIsNeverOpened() throws Exception {
        data = new LocalData(dir.resolve("untouched.db"));
        ProjectViewModel project = new ProjectViewModel(new InlineTasks());
        RunViewModel run = new RunViewModel(new InlineTasks(), data, dir.resolve("runs"), project, new StreamViewModel(),
                new MetricsViewModel(), System::nanoTime);
        project.open(new PyManifest().valueFeature("one", List.of(), "self.assertEqual(42, value)", "42")
                .write(dir.resolve("p/manifest.json")));
        run.cacheOnProperty().set(false);

        run.start();

        assertEquals(FeatureState.GREEN, project.item("one").orElseThrow().state());
        assertFalse(dir.resolve("untouched.db").toFile().exists());
    }

    @Test
    void aDamagedCacheFileIsSaidOnceInTheStatusAndTheRunGoesOn() throws Exception {
        Path file = dir.resolve("redyellow.db");
        java.nio.file.Files.write(file, "this is not an SQLite file, whatever its name says".repeat(200).getBytes());
        data = new LocalData(file);
        ProjectViewModel project = new ProjectViewModel(new InlineTasks());
        RunViewModel run = new RunViewModel(new InlineTasks(), data, dir.resolve("runs"), project, new StreamViewModel(),
                new MetricsViewModel(), System::nanoTime);
        project.open(new PyManifest().valueFeature("one", List.of(), "self.assertEqual(42, value)", "42")
                .write(dir.resolve("p/manifest.json")));

        run.start();

        assertEquals(FeatureState.GREEN, project.item("one").orElseThrow().state());
        String status = run.messageProperty().get();
        assertTrue(status.startsWith("finished: 1 of 1 GREEN; warning: ") && status.contains("moved it to"), status);
        run.start();
        assertFalse(run.messageProperty().get().contains("warning"), "said once: " + run.messageProperty().get());
    }

    @Test
    void edgesFoundWhileRunningAreLaidOutWhenTheRunEndsAndTheRunsFiguresStay() throws Exception {
        data = new LocalData(dir.resolve("redyellow.db"));
        ProjectViewModel project = new ProjectViewModel(new InlineTasks());
        MetricsViewModel metrics = new MetricsViewModel();
        RunViewModel run = new RunViewModel(new InlineTasks(), data, dir.resolve("runs"), project, new StreamViewModel(),
                metrics, System::nanoTime);
        // "two" imports one's module in its code only; nothing declares it (PyManifest turns inference off)
        Path manifest = new PyManifest().valueFeature("two", List.of(), "self.assertEqual(42, value)",
                        "__import__('one').value")
                .valueFeature("one", List.of(), "self.assertEqual(42, value)", "42").write(dir.resolve("p/manifest.json"));
        project.open(manifest);
        LoadedProject before = project.project();
        assertEquals(0, before.graph().edges().size());

        run.start();

        assertTrue(project.items().stream().allMatch(i -> i.state() == FeatureState.GREEN));
        LoadedProject after = project.project();
        assertTrue(after != before, "laid out again");
        assertEquals(dev.redyellow.graph.EdgeKind.DISCOVERED, after.graph().edge("one", "two").orElseThrow().kind());
        assertEquals(1, after.layout().positions().get("two").x(), 0.0, "two now right of one");
        assertTrue(project.discoveredEdges().isEmpty(), "the found edge is in the graph now");
        assertTrue(metrics.completeProperty().get(), "the run's figures stay");
        assertTrue(run.messageProperty().get().startsWith("finished: 2 of 2 GREEN"), run.messageProperty().get());
    }

    @Test
    void theClusterSettingSendsTheTestsToAWorkerAndABadAddressDoesNotStart() throws Exception {
        data = new LocalData(dir.resolve("redyellow.db"));
        ProjectViewModel project = new ProjectViewModel(new InlineTasks());
        MetricsViewModel metrics = new MetricsViewModel();
        RunViewModel run = new RunViewModel(new InlineTasks(), data, dir.resolve("runs"), project, new StreamViewModel(),
                metrics, System::nanoTime);
        project.open(new PyManifest().valueFeature("one", List.of(), "self.assertEqual(42, value)", "42")
                .write(dir.resolve("p/manifest.json")));

        run.clusterProperty().set("127.0.0.1");
        assertFalse(run.start());
        assertEquals(RunViewModel.Phase.IDLE, run.phaseProperty().get());
        assertTrue(run.messageProperty().get().startsWith("not started: cluster: \"127.0.0.1\" is not HOST:PORT"),
                run.messageProperty().get());

        try (dev.redyellow.cluster.LocalWorker worker = dev.redyellow.cluster.LocalWorker.start("w", "", null, 1)) {
            run.clusterProperty().set(worker.address());
            run.cacheOnProperty().set(false); // every test run really runs, on the worker
            assertTrue(run.start());
            assertEquals(FeatureState.GREEN, project.item("one").orElseThrow().state());
            assertTrue(run.messageProperty().get().startsWith("finished: 1 of 1 GREEN"), run.messageProperty().get());
            assertEquals(1, run.clusterMembers().size());
            assertEquals(worker.address(), run.clusterMembers().get(0).address());
            assertEquals(2, run.clusterMembers().get(0).testRuns(), "the RED proof and the attempt ran on the worker");
            assertEquals(List.of(worker.address()), metrics.membersOf("one"), "the timeline names the member");
            assertTrue(metrics.clusterProperty().get().startsWith(worker.address() + ": 2 test runs"),
                    metrics.clusterProperty().get());
            TimelineBar bar = metrics.bars().get(0);
            assertTrue(TimelineChart.describe(bar, metrics.membersOf(bar.featureId())).endsWith("; tests on "
                    + worker.address()), TimelineChart.describe(bar, metrics.membersOf(bar.featureId())));
        }
    }
}
