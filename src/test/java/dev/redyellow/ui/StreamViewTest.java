package dev.redyellow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.stream.ChunkKind;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The output pane on its own, in a real (headless) window. */
@ExtendWith(ApplicationExtension.class)
class StreamViewTest {
    @TempDir
    Path dir;
    private final StreamViewModel stream = new StreamViewModel();
    private LocalData data;

    @Start
    void start(Stage stage) {
        ProjectViewModel project = new ProjectViewModel(new InlineTasks());
        data = new LocalData(dir.resolve("redyellow.db"));
        RunViewModel run = new RunViewModel(new InlineTasks(), data, dir.resolve("runs"), project, stream,
                new MetricsViewModel(), System::nanoTime);
        stage.setScene(new Scene(new StreamView(stream, project, run, file -> { }), 420, 260));
        stage.show();
        this.stage = stage;
    }

    private Stage stage;

    @AfterEach
    void close() {
        data.close();
    }

    private static List<StreamLine> lines(String feature, int from, int to, int width) {
        return IntStream.range(from, to)
                .mapToObj(i -> new StreamLine(feature, 1, ChunkKind.TEST_OUTPUT, "line " + i + " " + "x".repeat(width)))
                .toList();
    }

    private TailView tail(FxRobot robot) {
        return robot.lookup(".tail-view").queryAs(TailView.class);
    }

    private static List<String> filled(List<String> rows) {
        return rows.stream().filter(r -> !r.isEmpty()).toList();
    }

    @Test
    void followingTheTailTheRowsShowTheNewestLinesInOrderAndTheLastRowIsInSight(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stream.append(lines("a", 0, 200, 5))).get();
        WaitForAsyncUtils.waitForFxEvents();

        TailView tail = tail(robot);
        List<String> rows = filled(tail.shownTexts());
        int fit = stream.tailRowsProperty().get();
        assertTrue(fit >= 3 && fit <= (int) (tail.getHeight() / TailView.ROW), "rows that fit the pane: " + fit);
        assertEquals(IntStream.range(200 - fit, 200).mapToObj(i -> "[a#1] line " + i + " xxxxx").toList(), rows);
        Node last = tail.getChildrenUnmodifiable().get(fit - 1);
        double bottom = last.localToScene(last.getBoundsInLocal()).getMaxY();
        double paneBottom = tail.localToScene(tail.getBoundsInLocal()).getMaxY();
        assertTrue(bottom <= paneBottom, "the newest row ends at " + bottom + ", the pane at " + paneBottom);

        WaitForAsyncUtils.asyncFx(() -> stream.append(lines("a", 200, 202, 5))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("[a#1] line 201 xxxxx", filled(tail.shownTexts()).get(fit - 1), "the rows moved on with the output");
    }

    @Test
    void aLineWiderThanThePaneIsCutAtItsEdge(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stream.append(lines("a", 0, 3, 3000))).get();
        WaitForAsyncUtils.waitForFxEvents();
        List<String> rows = filled(tail(robot).shownTexts());
        assertEquals(3, rows.size());
        assertTrue(rows.get(2).startsWith("[a#1] line 2 xxx"), rows.get(2));
        assertTrue(rows.get(2).length() < 400, "a 420-pixel pane is given " + rows.get(2).length() + " characters");

        WaitForAsyncUtils.asyncFx(() -> stage.setWidth(900)).get();
        WaitForAsyncUtils.waitForFxEvents();
        int wider = filled(tail(robot).shownTexts()).get(2).length();
        assertTrue(wider > rows.get(2).length() + 40, "a wider pane is given more: " + wider + " against " + rows.get(2).length());
    }

    @Test
    void notFollowingShowsEveryRetainedLineInAScrollableList(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stream.append(lines("a", 0, 200, 5))).get();
        robot.clickOn("Follow tail");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ListView<StreamLine> list = robot.lookup(".stream-view .list-view").queryAs(ListView.class);
        assertEquals(200, list.getItems().size());
        assertTrue(robot.lookup(".tail-view").tryQuery().isEmpty());
        assertTrue(shownTexts(robot).contains("[a#1] line 199 xxxxx"), "scrolled to the newest: " + shownTexts(robot));

        robot.clickOn("Follow tail");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("[a#1] line 199 xxxxx", filled(tail(robot).shownTexts()).get(stream.tailRowsProperty().get() - 1));
    }

    @Test
    void scrollingUpOverTheTailStopsFollowing(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        // The wheel turned away from the user (deltaY > 0, as a real mouse on JavaFX gives it; TestFX's
        // robot sends the opposite sign for UP under Monocle, so the event is made here).
        ScrollEvent up = new ScrollEvent(ScrollEvent.SCROLL, 10, 10, 10, 10, false, false, false, false, false, false,
                0, 40, 0, 40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.LINES, 1,
                0, null);
        WaitForAsyncUtils.asyncFx(() -> tail(robot).fireEvent(up)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stream.followTailProperty().get());
        assertTrue(robot.lookup(".tail-view").tryQuery().isEmpty(), "the scrollable list took its place");
    }

    @Test
    void theRowsPrefixFollowsTheFilterEvenWhenTheLinesStayTheSame(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stream.append(lines("a", 0, 30, 5))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(stream.tailRowsProperty().get(), filled(tail(robot).shownTexts()).size());
        assertTrue(filled(tail(robot).shownTexts()).stream().allMatch(t -> t.startsWith("[a#1] ")), tail(robot).shownTexts().toString());

        WaitForAsyncUtils.asyncFx(() -> stream.featureProperty().set("a")).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(stream.tailRowsProperty().get(), filled(tail(robot).shownTexts()).size());
        assertTrue(filled(tail(robot).shownTexts()).stream().allMatch(t -> t.startsWith("line ")), tail(robot).shownTexts().toString());

        robot.clickOn("Follow tail");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(shownTexts(robot).isEmpty());
        assertTrue(shownTexts(robot).stream().allMatch(t -> t.startsWith("line ")), shownTexts(robot).toString());
    }

    private List<String> shownTexts(FxRobot robot) {
        return robot.lookup(".list-cell").queryAllAs(IndexedCell.class).stream()
                .filter(c -> c.getItem() != null && ((Node) c).isVisible())
                .map(c -> c.getText())
                .toList();
    }
}
