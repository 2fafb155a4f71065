package dev.redyellow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.graph.DependencyEdge;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ManifestLoader;
import dev.redyellow.run.BundledSample;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.shape.Polyline;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The graph on its own, in a real (headless) window: the three styles of edge. */
@ExtendWith(ApplicationExtension.class)
class GraphViewTest {
    @TempDir
    Path dir;
    private ProjectViewModel project;

    @Start
    void start(Stage stage) {
        project = new ProjectViewModel(new InlineTasks());
        stage.setScene(new Scene(new GraphView(project), 900, 600));
        stage.show();
    }

    private Manifest sample() throws Exception {
        return ManifestLoader.load(BundledSample.extract(BundledSample.STRING_TOOLS, dir));
    }

    private static Set<Polyline> edges(FxRobot robot, String style) {
        return robot.lookup("." + style).queryAllAs(Polyline.class);
    }

    @Test
    void aRememberedDiscoveredEdgeIsLaidOutDottedAndOneFoundDuringARunIsAddedLive(FxRobot robot) throws Exception {
        Manifest manifest = sample();
        List<String> ids = manifest.features().stream().map(f -> f.id()).toList();
        String first = ids.get(0);
        String last = ids.get(ids.size() - 1);
        DependencyEdge remembered = DependencyEdge.discovered(first, last, last + " needs X, written by " + first);
        LoadedProject loaded = LoadedProject.of(manifest, List.of(remembered));
        WaitForAsyncUtils.asyncFx(() -> project.show(loaded)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, edges(robot, "edge-discovered").size(), "the remembered edge, laid out with the others");
        assertTrue(edges(robot, "edge-inferred").size() >= 1, "the sample has an inferred edge");
        Polyline dotted = edges(robot, "edge-discovered").iterator().next();
        assertEquals(List.of(1.5, 4.0), dotted.getStrokeDashArray());

        String other = ids.get(ids.size() - 2);
        DependencyEdge live = DependencyEdge.discovered(first, other, other + " needs Y, written by " + first);
        WaitForAsyncUtils.asyncFx(() -> {
            project.edgeDiscovered(live);
            project.edgeDiscovered(live); // told twice, drawn once
            project.edgeDiscovered(remembered); // already in the graph
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, edges(robot, "edge-discovered").size());
        assertEquals(1, robot.lookup(".edge-live").queryAll().size());
        assertEquals(List.of(live), project.discoveredEdges());
    }
}
