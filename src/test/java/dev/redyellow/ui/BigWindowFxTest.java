package dev.redyellow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.cycle.FeatureState;
import dev.redyellow.cycle.Transition;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless, on a generated 300-feature manifest: find, focus, groups, the state filter. */
@ExtendWith(ApplicationExtension.class)
class BigWindowFxTest {
    @TempDir
    Path dir;
    private final Preferences prefs = Preferences.userRoot().node("dev/redyellow/test/" + UUID.randomUUID());
    private RedYellowApp app;

    @Start
    void start(Stage stage) {
        app = new RedYellowApp(AppEnvironment.under(dir, prefs));
        app.start(stage);
    }

    @BeforeEach
    void openBig() throws Exception {
        Path manifest = BigManifest.write(dir.resolve("big/manifest.json"), 300, 20);
        WaitForAsyncUtils.asyncFx(() -> window().project().open(manifest)).get();
        waitFor(() -> window().project().items().size() == 300 && model().picture() != null
                && model().picture().boxes().size() == 12 && graph().box("sorts") != null);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> app.window().close()).get();
        prefs.removeNode();
    }

    private MainWindow window() {
        return app.window();
    }

    private GraphView graph() {
        return window().graph();
    }

    private GraphViewModel model() {
        return graph().model();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String selected() {
        FeatureItem item = window().project().selectedProperty().get();
        return item == null ? null : item.id();
    }

    private static String detailsTitle(FxRobot robot) {
        return robot.lookup(".details-title").queryAs(Label.class).getText();
    }

    @Test
    void opensWithItsTwelveGroupsCollapsedWithTheirSummaries(FxRobot robot) {
        VBox sorts = graph().box("sorts");
        Label header = (Label) sorts.getChildren().get(0);
        assertEquals("▸ sorts: 25 PENDING", header.getText());
        assertTrue(robot.lookup(".feature-node").queryAll().isEmpty(), "no feature drawn: all groups collapsed");
        assertTrue(robot.lookup(".edge-count").queryAll().size() > 5, "edges between groups with their counts");
    }

    @Test
    void findsAFeatureOutOfViewSelectsItAndShowsItInTheDetails(FxRobot robot) throws Exception {
        robot.clickOn("#groups"); // the whole graph, ungrouped: 300 features, most of them out of view
        waitFor(() -> model().picture().boxes().isEmpty() && graph().node(BigManifest.id(290)) != null);
        String target = BigManifest.id(290);
        assertFalse(graph().inView(target), "out of view before it is found");

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        waitFor(() -> graph().findOpen());
        robot.write("-29"); // type-ahead: the ids of 290 to 299 contain it
        waitFor(() -> model().matches().size() == 10);
        assertEquals("1 of 10", robot.lookup("#find-count").queryAs(Label.class).getText());
        robot.type(KeyCode.ENTER);
        waitFor(() -> target.equals(selected()));
        assertTrue(graph().inView(target), "brought into view");
        assertTrue(detailsTitle(robot).startsWith(target + " — "), detailsTitle(robot));

        robot.type(KeyCode.F3);
        waitFor(() -> BigManifest.id(291).equals(selected()));
        assertTrue(graph().inView(BigManifest.id(291)));
        robot.press(KeyCode.SHIFT, KeyCode.F3).release(KeyCode.F3, KeyCode.SHIFT);
        waitFor(() -> target.equals(selected()));

        robot.clickOn("#find-field").type(KeyCode.ESCAPE);
        waitFor(() -> !graph().findOpen());
        assertEquals(target, selected(), "closing the field keeps the selection");
    }

    @Test
    void findingAFeatureInACollapsedGroupExpandsIt(FxRobot robot) throws Exception {
        String target = BigManifest.id(13); // in strings
        assertNull(graph().node(target));
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write(target).type(KeyCode.ENTER);
        waitFor(() -> target.equals(selected()) && graph().node(target) != null && graph().inView(target));
        assertFalse(model().collapsed().contains("strings"));
        assertTrue(((Label) graph().box("strings").getChildren().get(0)).getText().startsWith("▾ strings: "));
    }

    @Test
    void focusShowsTheFeatureWithItsNeighbourhoodAndEscGoesBack(FxRobot robot) throws Exception {
        robot.clickOn("#groups");
        waitFor(() -> graph().node(BigManifest.id(250)) != null);
        String id = BigManifest.id(250);
        Set<String> expected = Neighbourhood.of(window().project().project().graph().graph(), id);
        WaitForAsyncUtils.asyncFx(() -> window().project().select(id)).get();
        robot.clickOn("#focus");
        waitFor(() -> model().picture().features().size() == expected.size());
        assertEquals(expected.size(), robot.lookup(".feature-node").queryAll().size());
        assertNotNull(graph().node(id));
        assertEquals("Whole graph", robot.lookup("#focus").queryButton().getText());

        robot.type(KeyCode.ESCAPE);
        waitFor(() -> model().picture().features().size() == 300);
        assertNull(model().focusProperty().get());

        // the button again goes back too
        robot.clickOn("#focus");
        waitFor(() -> model().picture().features().size() == expected.size());
        robot.clickOn("#focus");
        waitFor(() -> model().focusProperty().get() == null && model().picture().features().size() == 300);
        assertEquals("Focus", robot.lookup("#focus").queryButton().getText());

        // the F key, then a double click on another feature
        WaitForAsyncUtils.asyncFx(() -> window().project().select(id)).get();
        robot.clickOn(".graph-viewport").type(KeyCode.F);
        waitFor(() -> model().picture().features().size() == expected.size());
        String other = expected.stream().filter(f -> !f.equals(id) && graph().inView(f)).findFirst().orElseThrow();
        robot.doubleClickOn(graph().node(other));
        Set<String> otherExpected = Neighbourhood.of(window().project().project().graph().graph(), other);
        waitFor(() -> other.equals(model().focusProperty().get()) && model().picture().features().size() == otherExpected.size());
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> model().focusProperty().get() == null && model().picture().features().size() == 300);
    }

    @Test
    void aClickOnAGroupExpandsItAndAClickOnItsHeaderCollapsesIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(graph()::fit).get();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(graph().box("math"));
        waitFor(() -> graph().box("math") != null && !model().picture().box("math").collapsed());
        assertEquals(25, robot.lookup(".feature-node").queryAll().size());
        assertTrue(robot.lookup(".feature-node").queryAll().stream()
                .allMatch(n -> ((FeatureNode) n).item().id().startsWith("math-")));
        Node header = graph().box("math").getChildren().get(0);
        robot.clickOn(header);
        waitFor(() -> model().picture().box("math").collapsed());
        assertTrue(robot.lookup(".feature-node").queryAll().isEmpty());
    }

    @Test
    void theStateFilterShowsOnlyTheChosenStatesWithTheirCount(FxRobot robot) throws Exception {
        robot.clickOn("#groups");
        waitFor(() -> model().picture().features().size() == 300);
        String failed = BigManifest.id(7);
        String blocked = BigManifest.id(8);
        WaitForAsyncUtils.asyncFx(() -> {
            apply(failed, FeatureState.FAILED);
            apply(blocked, FeatureState.BLOCKED);
        }).get();
        assertEquals("300 features", robot.lookup("#filter-count").queryAs(Label.class).getText());
        WaitForAsyncUtils.asyncFx(graph()::fit).get(); // the whole 300 at once: a scale too small to read
        assertTrue(graph().scale() < GraphView.SMALLEST_FITTED_SCALE, "scale " + graph().scale());
        robot.clickOn("#filter-FAILED");
        waitFor(() -> "1 of 300 features".equals(robot.lookup("#filter-count").queryAs(Label.class).getText()));
        assertEquals(Set.of(failed), visibleFeatures(robot));
        robot.clickOn("#filter-BLOCKED");
        waitFor(() -> "2 of 300 features".equals(robot.lookup("#filter-count").queryAs(Label.class).getText()));
        assertEquals(Set.of(failed, blocked), visibleFeatures(robot));
        // the filtered picture is a new picture: its first view shows it, readable, not where the whole one was
        waitFor(() -> graph().inView(failed) && graph().inView(blocked));
        assertTrue(graph().scale() >= GraphView.SMALLEST_FITTED_SCALE, "scale " + graph().scale());
        assertTrue(robot.lookup(".edge-group").queryAll().stream().filter(Node::isVisible).count()
                <= robot.lookup(".edge-group").queryAll().size() / 10, "edges to hidden features are hidden");
        robot.clickOn("#filter-FAILED").clickOn("#filter-BLOCKED");
        waitFor(() -> "300 features".equals(robot.lookup("#filter-count").queryAs(Label.class).getText()));
        assertEquals(300, visibleFeatures(robot).size());
    }

    private void apply(String id, FeatureState to) {
        window().project().item(id).orElseThrow().apply(new Transition(id, FeatureState.PENDING, to, Instant.EPOCH, "test"));
    }

    private static Set<String> visibleFeatures(FxRobot robot) {
        return robot.lookup(".feature-node").queryAll().stream().filter(Node::isVisible)
                .map(n -> ((FeatureNode) n).item().id()).collect(java.util.stream.Collectors.toSet());
    }
}
