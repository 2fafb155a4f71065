package dev.redyellow.ui;

import dev.redyellow.graph.DependencyEdge;
import dev.redyellow.graph.EdgeKind;
import dev.redyellow.graph.FeatureGraph;
import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.Manifest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;

/**
 * The feature graph drawn by levels: a column per level, dependencies to the left. A first,
 * simple drawing; nodes carry the style class {@code feature-node} and their state's class.
 */
public final class GraphPane extends Pane {
    static final double NODE_WIDTH = 170;
    static final double NODE_HEIGHT = 54;
    private static final double COLUMN_GAP = 90;
    private static final double ROW_GAP = 24;
    private static final double MARGIN = 24;

    private final Map<String, VBox> nodes = new HashMap<>();

    public GraphPane(Manifest manifest, FeatureGraph graph) {
        getStyleClass().add("graph-pane");
        Map<String, Point2D> positions = new HashMap<>();
        List<List<String>> levels = graph.levels();
        for (int level = 0; level < levels.size(); level++) {
            List<String> ids = levels.get(level);
            for (int row = 0; row < ids.size(); row++) {
                positions.put(ids.get(row), new Point2D(MARGIN + level * (NODE_WIDTH + COLUMN_GAP),
                        MARGIN + row * (NODE_HEIGHT + ROW_GAP)));
            }
        }
        for (DependencyEdge e : graph.edges()) {
            getChildren().add(edge(e, positions.get(e.dependency()), positions.get(e.dependent())));
        }
        for (Feature f : manifest.features()) {
            VBox node = node(f);
            Point2D p = positions.get(f.id());
            node.relocate(p.getX(), p.getY());
            nodes.put(f.id(), node);
            getChildren().add(node);
        }
    }

    /** The node of a feature, for tests and for later state updates. */
    public VBox node(String featureId) {
        return nodes.get(featureId);
    }

    private static VBox node(Feature f) {
        Label id = new Label(f.id());
        id.getStyleClass().add("feature-id");
        Label title = new Label(f.title());
        title.getStyleClass().add("feature-title");
        VBox box = new VBox(2, id, title);
        box.getStyleClass().addAll("feature-node", "state-pending");
        box.setPrefSize(NODE_WIDTH, NODE_HEIGHT);
        box.setMaxSize(NODE_WIDTH, NODE_HEIGHT);
        Tooltip.install(box, new Tooltip(f.description().isEmpty() ? f.title() : f.description()));
        return box;
    }

    private static Line edge(DependencyEdge e, Point2D from, Point2D to) {
        Line line = new Line(from.getX() + NODE_WIDTH, from.getY() + NODE_HEIGHT / 2, to.getX(), to.getY() + NODE_HEIGHT / 2);
        line.getStyleClass().addAll("edge", e.kind() == EdgeKind.INFERRED ? "edge-inferred" : "edge-explicit");
        if (e.kind() == EdgeKind.INFERRED) {
            line.getStrokeDashArray().setAll(6.0, 5.0);
        }
        Tooltip.install(line, new Tooltip(e.reason()));
        return line;
    }
}
