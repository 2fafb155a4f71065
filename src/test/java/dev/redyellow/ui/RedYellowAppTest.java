package dev.redyellow.ui;

import dev.redyellow.testkit.PyManifest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.cache.CacheSettings;
import dev.redyellow.cache.OpenedCache;
import dev.redyellow.cache.TestCaches;
import dev.redyellow.cycle.FeatureState;
import dev.redyellow.cycle.Transition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.shape.Polyline;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless under Monocle, with its files in a temporary folder. */
@ExtendWith(ApplicationExtension.class)
class RedYellowAppTest {
    private static final String OK = "self.assertEqual(42, value)";

    @TempDir
    Path dir;
    private final Preferences prefs = Preferences.userRoot().node("dev/redyellow/test/" + UUID.randomUUID());
    private RedYellowApp app;

    @Start
    void start(Stage stage) {
        app = new RedYellowApp(AppEnvironment.under(dir, prefs));
        app.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> app.window().close()).get();
        prefs.removeNode();
    }

    private MainWindow window() {
        return app.window();
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    private void openAndWait(Path manifest, int features) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window().project().open(manifest)).get();
        waitFor(20, () -> window().project().project() != null
                && window().project().project().manifest().file().equals(manifest)
                && window().project().items().size() == features);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean allIn(FeatureState state) {
        return window().project().items().stream().allMatch(i -> i.state() == state);
    }

    private static long nodesShowing(FxRobot robot, FeatureState state) {
        return robot.lookup(".feature-node").queryAll().stream().filter(n -> StatePseudoClass.shows(n, state)).count();
    }

    @Test
    void opensTheBundledSampleAndDrawsEveryFeatureWithItsEdges(FxRobot robot) throws Exception {
        waitFor(20, () -> robot.lookup(".feature-node").queryAll().size() == 13);
        Set<String> ids = window().project().items().stream().map(FeatureItem::id).collect(Collectors.toSet());
        for (String id : ids) {
            assertTrue(robot.lookup(".feature-node").queryAll().stream()
                    .anyMatch(n -> ((FeatureNode) n).item().id().equals(id)), id);
        }
        assertEquals(10, robot.lookup(".edge").queryAll().size());
        Set<Node> inferred = robot.lookup(".edge-inferred").queryAll();
        assertEquals(1, inferred.size());
        assertFalse(((Polyline) inferred.iterator().next()).getStrokeDashArray().isEmpty(), "inferred edges are dashed");
        assertTrue(robot.lookup("#status-manifest").queryAs(Label.class).getText().startsWith("string-tools: 13 features"));
        assertEquals(13, nodesShowing(robot, FeatureState.PENDING), "every feature starts PENDING");
        assertFalse(robot.lookup("#run").queryButton().isDisabled(), "ready to Run");
    }

    @Test
    void aLargeGraphOpensReadableAtItsFirstLayersAndFitShowsTheWhole(FxRobot robot) throws Exception {
        waitFor(20, () -> robot.lookup(".feature-node").queryAll().size() == 13);
        WaitForAsyncUtils.waitForFxEvents();
        GraphView graph = window().graph();
        assertFalse(graph.showsPart(), "the sample fits the window");
        assertTrue(graph.scale() >= GraphView.SMALLEST_FITTED_SCALE, "the sample fitted at " + graph.scale());

        openAndWait(ScreenshotTour.manifest200(dir.resolve("big/manifest.json")), 200);

        assertEquals(GraphView.OPENING_SCALE, graph.scale(), "200 features fitted would be too small to read");
        assertTrue(graph.showsPart());
        assertTrue(robot.lookup("#graph-part-hint").queryAs(Label.class).getText().contains("200 features"));
        javafx.geometry.Bounds window = graph.localToScreen(graph.getBoundsInLocal());
        javafx.geometry.Bounds first = graph.node("f000").localToScreen(graph.node("f000").getBoundsInLocal());
        assertTrue(window.contains(first), "a feature of the first layer is in view: " + first + " in " + window);

        robot.clickOn("Fit");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(graph.showsPart(), "Fit shows the whole graph");
        assertTrue(graph.scale() < GraphView.SMALLEST_FITTED_SCALE, "fitted at " + graph.scale());
    }

    @Test
    void runAfterTrustTurnsEveryNodeGreenAndFillsTheMetrics(FxRobot robot) throws Exception {
        Path manifest = new PyManifest()
                .valueFeature("alpha", List.of(), OK, "41", "42")
                .valueFeature("beta", List.of(), OK, "42")
                .valueFeature("gamma", List.of("alpha", "beta"), OK, "42")
                .write(dir.resolve("py/manifest.json"));
        openAndWait(manifest, 3);
        WaitForAsyncUtils.asyncFx(() -> window().project().select("alpha")).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("No attempts yet.", robot.lookup("#attempts-list").queryAs(AttemptList.class).emptyText());

        robot.clickOn("#run");
        waitFor(10, () -> robot.lookup("#trust-commands").tryQuery().isPresent());
        robot.clickOn("Trust and run");
        waitFor(90, () -> window().metrics().completeProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(allIn(FeatureState.GREEN), () -> window().project().items().stream()
                .map(i -> i.id() + "=" + i.state()).toList().toString());
        assertEquals(3, nodesShowing(robot, FeatureState.GREEN), "the graph shows every node GREEN");
        assertTrue(window().trust().isTrusted(window().project().project().manifest().contentHash()));
        assertEquals(3, window().metrics().bars().size(), "one timeline bar per feature");
        assertTrue(window().metrics().speedupProperty().get() > 0);
        assertEquals("3 / 3 features done", robot.lookup("#status-done").queryAs(Label.class).getText());
        assertFalse(window().stream().retained().isEmpty(), "the tests' output was streamed");
        // Following the tail, the pane shows the newest lines; not following, every retained line. (The
        // last lines may still be coming a frame after the figures: both sides are read in one FX call.)
        TailView tail = robot.lookup(".tail-view").queryAs(TailView.class);
        List<Object> newestAndRows = WaitForAsyncUtils.asyncFx(() -> List.<Object>of(
                window().stream().retained().get(window().stream().retained().size() - 1), tail.shownTexts())).get();
        StreamLine newest = (StreamLine) newestAndRows.get(0);
        assertTrue(((List<?>) newestAndRows.get(1)).contains(newest.shown(true)),
                "the tail shows the newest line " + newest + ": " + newestAndRows.get(1));
        robot.clickOn("Follow tail");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ListView<StreamLine> pane = robot.lookup(".stream-view .list-view").queryAs(ListView.class);
        List<List<StreamLine>> both = WaitForAsyncUtils.asyncFx(() -> List.of(
                List.copyOf(window().stream().retained()), List.copyOf(pane.getItems()))).get();
        assertEquals(both.get(0), both.get(1));
        assertFalse(both.get(1).isEmpty());
        assertTrue(robot.lookup(".tail-view").tryQuery().isEmpty(), "not following, the tail is out of the window");
        assertEquals(2, window().project().item("alpha").orElseThrow().outcomeProperty().get().attempts());
        WaitForAsyncUtils.asyncFx(() -> window().project().select("alpha")).get();
        WaitForAsyncUtils.waitForFxEvents();
        AttemptList attempts = robot.lookup("#attempts-list").queryAs(AttemptList.class);
        assertEquals(2, attempts.attempts().size(), "the details list both attempts");
        assertEquals(2, attempts.getChildren().size());
        @SuppressWarnings("unchecked")
        ListView<dev.redyellow.testing.TestCase> cases = robot.lookup("#cases-list").queryAs(ListView.class);
        assertTrue(cases.getItems().isEmpty(), "no attempt selected yet: " + cases.getItems());
        assertEquals("Select an attempt above to see its tests.", ((Label) cases.getPlaceholder()).getText());
        robot.clickOn(attempts.getChildren().get(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, attempts.selectedProperty().get().attempt(), "a click selects the first attempt");
        robot.type(javafx.scene.input.KeyCode.DOWN);
        assertEquals(2, attempts.selectedProperty().get().attempt(), "the down key selects the next");
        robot.type(javafx.scene.input.KeyCode.UP);
        assertEquals(1, attempts.selectedProperty().get().attempt(), "the up key the one before");
        assertTrue(cases.getItems().stream().anyMatch(c -> c.status() == dev.redyellow.testing.TestCase.Status.FAILED),
                "the first attempt's failed test is listed: " + cases.getItems());
        assertTrue(Files.exists(dir.resolve("redyellow.db")), "the injected cache file, not the user's");

        // The hidden Metrics tab is not in the window (changes there would cost the window whole
        // repaints); shown, its timeline draws the run.
        assertTrue(robot.lookup(".timeline").tryQuery().isEmpty(), "a hidden tab's content is out of the window");
        assertTrue(robot.lookup("#attempts-table").tryQuery().isEmpty(), "a hidden tab's content is out of the window");
        robot.clickOn("Metrics");
        WaitForAsyncUtils.waitForFxEvents();
        TimelineChart chart = robot.lookup(".timeline").queryAs(TimelineChart.class);
        assertTrue(chart.draws() > 0, "the timeline draws once its tab is shown");
        assertFalse(robot.lookup("#speedup").queryAs(Label.class).getText().equals("–"), "the speedup is shown");
        assertTrue(robot.lookup(".tail-view").tryQuery().isEmpty(), "the Output tab left the window in its turn");

        // The run is in the history; shown in the graph from there, its attempts are counted, not listed.
        robot.clickOn("History");
        @SuppressWarnings("unchecked")
        ListView<dev.redyellow.store.RunRecord> runs = robot.lookup("#history-runs").queryAs(ListView.class);
        waitFor(20, () -> runs.getItems().size() == 1);
        WaitForAsyncUtils.asyncFx(() -> runs.getSelectionModel().select(0)).get();
        robot.clickOn("#history-open");
        waitFor(20, () -> window().project().item("alpha").map(i -> i.outcomeProperty().get() == null).orElse(false)
                && allIn(FeatureState.GREEN));
        WaitForAsyncUtils.asyncFx(() -> window().project().select("alpha")).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), attempts.attempts());
        assertEquals("Read back from the history: 2 attempts were made; the history keeps a run's transitions, not its attempts.",
                attempts.emptyText());
    }

    @Test
    void aDroppedBadManifestShowsItsLocatedErrorsAndKeepsTheGraph(FxRobot robot) throws Exception {
        waitFor(20, () -> robot.lookup(".feature-node").queryAll().size() == 13);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ \"version\": 1, \"name\": \"bad\",\n  \"features\": [ { \"id\": \"a\", \"dependsOn\": [\"nope\"],"
                + " \"tests\": { \"t.py\": \"x\" } } ] }\n");

        boolean accepted = WaitForAsyncUtils.asyncFx(() -> window().openDropped(List.of(bad.toFile()))).get();
        waitFor(20, () -> !window().project().errors().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(accepted);
        assertTrue(robot.lookup("#errors-panel").query().isVisible());
        @SuppressWarnings("unchecked")
        ListView<String> errors = robot.lookup("#errors-list").queryAs(ListView.class);
        assertTrue(errors.getItems().stream().anyMatch(e -> e.startsWith(bad.toString() + ":2:") && e.contains("nope")),
                errors.getItems().toString());
        assertEquals("string-tools", window().project().project().manifest().name(), "the open project is unchanged");
        assertEquals(13, robot.lookup(".feature-node").queryAll().size());
    }

    @Test
    void manualReviewRejectSendsTheCommentToTheNextAttemptAndApproveMakesItGreen(FxRobot robot) throws Exception {
        Path manifest = new PyManifest().review("manual").valueFeature("solo", List.of(), OK, "42", "42")
                .write(dir.resolve("manual/manifest.json"));
        openAndWait(manifest, 1);
        window().trust().trust(window().project().project().manifest().contentHash());
        FeatureItem solo = window().project().item("solo").orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> window().project().select("solo")).get();

        robot.clickOn("#run");
        waitFor(60, () -> solo.awaitingReviewProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#review-comment").write("please name it better");
        robot.clickOn("#reject");
        waitFor(60, () -> solo.awaitingReviewProperty().get() && solo.transitions().size() >= 4);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.0, robot.lookup(".details-view").queryAs(javafx.scene.control.ScrollPane.class).getVvalue(),
                "the details panel did not scroll away when the review box went");
        robot.clickOn("#approve");
        waitFor(60, () -> window().run().resultProperty().get() != null);

        assertEquals(FeatureState.GREEN, solo.state());
        List<String> moves = solo.transitions().stream().map(t -> t.from() + ">" + t.to()).toList();
        assertEquals(List.of("PENDING>RED", "RED>YELLOW", "YELLOW>RED", "RED>YELLOW", "YELLOW>GREEN"), moves);
        Transition rejected = solo.transitions().get(2);
        assertTrue(rejected.reason().contains("please name it better"), rejected.reason());
    }

    @Test
    void stopCancelsTheRunAndLeavesNoProcess(FxRobot robot) throws Exception {
        Path manifest = new PyManifest().valueFeature("slow", List.of(), "import time\ntime.sleep(120)\n" + OK, "42")
                .write(dir.resolve("slow/manifest.json"));
        runStopAndExpectNoProcess(robot, manifest, "test_slow", 0);
    }

    @Test
    void stopDuringAJavaRunEndsTheWarmTestWorkers(FxRobot robot) throws Exception {
        // The junit kind runs in warm worker JVMs (the default fork mode): Stop must end them too.
        Path manifest = dir.resolve("java-slow/manifest.json");
        Files.createDirectories(manifest.getParent());
        Files.writeString(manifest, """
                { "version": 1, "name": "java-slow", "implementer": { "kind": "replay" }, "review": { "kind": "auto" },
                  "workers": 1, "features": [ { "id": "slow", "title": "A test that sleeps",
                    "test": { "kind": "junit", "timeoutSeconds": 300 },
                    "tests": { "src/test/java/demo/SlowTest.java": "package demo;\\nclass SlowTest {\\n  @org.junit.jupiter.api.Test\\n  void sleeps() throws Exception {\\n    Thread.sleep(Slow.MILLIS);\\n  }\\n}\\n" },
                    "attempts": [ { "files": { "src/main/java/demo/Slow.java": "package demo;\\npublic class Slow {\\n  public static final long MILLIS = 120_000;\\n}\\n" } } ] } ] }
                """);
        // a second after the worker is seen, the attempt's tests are sleeping in it
        runStopAndExpectNoProcess(robot, manifest, "java", 1000);
    }

    /**
     * Runs the one-feature manifest whose feature "slow" sleeps in its test, waits until it is RED and
     * a process whose command line contains {@code processMark} runs (then {@code settleMillis} more),
     * presses Stop, and expects the feature CANCELLED and no process left.
     */
    private void runStopAndExpectNoProcess(FxRobot robot, Path manifest, String processMark, long settleMillis)
            throws Exception {
        openAndWait(manifest, 1);
        window().trust().trust(window().project().project().manifest().contentHash());
        robot.clickOn("#run");
        waitFor(90, () -> window().project().item("slow").orElseThrow().state() == FeatureState.RED
                && ProcessHandle.current().descendants().anyMatch(p -> p.info().commandLine().orElse("").contains(processMark)));
        Thread.sleep(settleMillis);

        robot.clickOn("#stop");
        waitFor(30, () -> window().run().resultProperty().get() != null);

        assertEquals(FeatureState.CANCELLED, window().project().item("slow").orElseThrow().state());
        waitFor(10, () -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse("?")).toList());
    }

    @Test
    void theCacheViewsClearEmptiesTheCacheFile(FxRobot robot) throws Exception {
        Path manifest = new PyManifest().valueFeature("cached", List.of(), OK, "42").write(dir.resolve("cached/manifest.json"));
        openAndWait(manifest, 1);
        window().trust().trust(window().project().project().manifest().contentHash());
        robot.clickOn("#run");
        waitFor(60, () -> window().run().resultProperty().get() != null);
        assertTrue(entriesInTheFile() > 0, "the run filled the cache");

        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(2)).get();
        waitFor(10, () -> !window().cache().features().isEmpty());
        robot.clickOn("#cache-clear");
        waitFor(10, () -> window().cache().features().isEmpty());

        assertEquals(0, entriesInTheFile());
        assertTrue(robot.lookup("#cache-totals").queryAs(Label.class).getText().startsWith("0 entries"));
    }

    private long entriesInTheFile() {
        try (OpenedCache other = TestCaches.open(dir.resolve("redyellow.db"), CacheSettings.defaults())) {
            return other.cache().stats().entries();
        }
    }
}
