package dev.redyellow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.ProjectFiles;
import dev.redyellow.manifest.ManifestLoader;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless under Monocle: it opens on the sample and draws every feature. */
@ExtendWith(ApplicationExtension.class)
class RedYellowAppTest {
    private RedYellowApp app;

    @Start
    void start(Stage stage) {
        app = new RedYellowApp();
        app.createWindow(stage);
        app.loadInBackground(() -> ManifestLoader.load(ProjectFiles.samples().resolve("string-tools/manifest.json")));
    }

    @Test
    void drawsEveryFeatureOfTheSampleWithItsEdges(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".feature-node").queryAll().size() == 13);
        Set<String> ids = robot.lookup(".feature-node").queryAllAs(VBox.class).stream()
                .map(box -> ((Label) box.getChildren().get(0)).getText()).collect(Collectors.toSet());
        assertTrue(ids.containsAll(Set.of("normalize", "slugify", "toc", "command-match")), ids.toString());
        assertEquals(10, robot.lookup(".edge").queryAll().size());
        Set<Node> inferred = robot.lookup(".edge-inferred").queryAll();
        assertEquals(1, inferred.size());
        assertTrue(((Line) inferred.iterator().next()).getStrokeDashArray().size() > 0, "inferred edges are dashed");
        assertTrue(robot.lookup(".status-bar").queryAs(Label.class).getText().startsWith("string-tools: 13 features"));
    }
}
