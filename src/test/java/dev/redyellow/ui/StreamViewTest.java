package dev.redyellow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.stream.ChunkKind;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
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
    }

    @AfterEach
    void close() {
        data.close();
    }

    private static List<StreamLine> lines(String feature, int from, int to, int width) {
        return IntStream.range(from, to)
                .mapToObj(i -> new StreamLine(feature, 1, ChunkKind.TEST_OUTPUT, "line " + i + " " + "x".repeat(width)))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private ListView<StreamLine> pane(FxRobot robot) {
        return robot.lookup(".stream-view .list-view").queryAs(ListView.class);
    }

    @Test
    void followingTheTailTheNewestLineIsFullyInSightEvenBelowAWideLine(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stream.append(lines("a", 0, 200, 300))).get();
        WaitForAsyncUtils.waitForFxEvents();

        ListView<StreamLine> pane = pane(robot);
        ScrollBar horizontal = pane.lookupAll(".scroll-bar").stream().map(ScrollBar.class::cast)
                .filter(b -> b.getOrientation() == Orientation.HORIZONTAL).findFirst().orElseThrow();
        assertTrue(horizontal.isVisible(), "the lines are wider than the pane");
        StreamLine newest = stream.shown().get(stream.shown().size() - 1);
        assertEquals(newest, pane.getItems().get(pane.getItems().size() - 1));
        IndexedCell<?> last = robot.lookup(".list-cell").queryAllAs(IndexedCell.class).stream()
                .filter(c -> c.getItem() == newest).findFirst().orElseThrow();
        double bottom = last.localToScene(last.getBoundsInLocal()).getMaxY();
        double barTop = horizontal.localToScene(horizontal.getBoundsInLocal()).getMinY();
        assertTrue(bottom <= barTop + 0.5, "the newest row ends at " + bottom + ", the scroll bar starts at " + barTop);
    }

    @Test
    void theRowsPrefixFollowsTheFilterEvenWhenTheLinesStayTheSame(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stream.append(lines("a", 0, 30, 5))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shownTexts(robot).stream().allMatch(t -> t.startsWith("[a#1] ")), shownTexts(robot).toString());

        WaitForAsyncUtils.asyncFx(() -> stream.featureProperty().set("a")).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shownTexts(robot).stream().allMatch(t -> t.startsWith("line ")), shownTexts(robot).toString());
    }

    private List<String> shownTexts(FxRobot robot) {
        return robot.lookup(".list-cell").queryAllAs(IndexedCell.class).stream()
                .filter(c -> c.getItem() != null && ((Node) c).isVisible())
                .map(c -> c.getText())
                .toList();
    }
}
