package dev.redyellow.ui;

import dev.redyellow.graph.DependencyEdge;
import dev.redyellow.graph.LayeredLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The feature graph, drawn from the {@link LayeredLayout} computed when the project was loaded (off
 * the FX thread): dependencies left, dependents right, inferred edges dashed with their reason as a
 * tooltip, the critical path highlighted. Ctrl+wheel or the buttons zoom, dragging pans, a click selects.
 */
public final class GraphView extends StackPane {
    static final double CELL_WIDTH = FeatureNode.WIDTH + 70;
    static final double CELL_HEIGHT = FeatureNode.HEIGHT + 22;
    private static final double MARGIN = 30;
    private static final double MIN_SCALE = 0.02;
    private static final double MAX_SCALE = 3;
    /**
     * A project opens fitted to the window unless that takes a smaller scale than this one, below which
     * a node's title (11 px at 1x) is hard to read; then it opens at {@link #OPENING_SCALE} at its first
     * layers, and Fit shows the whole.
     */
    static final double SMALLEST_FITTED_SCALE = 0.5;
    static final double OPENING_SCALE = 0.9;

    private final ProjectViewModel project;
    private final Pane viewport = new Pane();
    private final Group content = new Group();
    private final Translate pan = new Translate();
    private final Scale zoom = new Scale(1, 1, 0, 0);
    private final Map<String, FeatureNode> nodes = new HashMap<>();
    private double contentWidth;
    private double contentHeight;
    /** The middle, top to bottom, of the first layer's nodes: where a graph too large to fit opens. */
    private double firstLayerMiddle;
    private Point2D dragFrom;
    private boolean fitPending;
    private final Label partHint = new Label();

    public GraphView(ProjectViewModel project) {
        this.project = project;
        getStyleClass().add("graph-view");
        content.getTransforms().addAll(pan, zoom);
        viewport.getChildren().add(content);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(viewport.widthProperty());
        clip.heightProperty().bind(viewport.heightProperty());
        viewport.setClip(clip);
        viewport.getStyleClass().add("graph-viewport");
        HBox buttons = new HBox(4, button("+", "Zoom in (Ctrl+=)", () -> zoomBy(1.25)),
                button("−", "Zoom out (Ctrl+-)", () -> zoomBy(0.8)), button("Fit", "Fit to window (Ctrl+0)", this::fit));
        buttons.setPickOnBounds(false);
        buttons.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        StackPane.setAlignment(buttons, Pos.TOP_RIGHT);
        buttons.getStyleClass().add("graph-buttons");
        partHint.getStyleClass().add("graph-part-hint");
        partHint.setId("graph-part-hint");
        partHint.setMouseTransparent(true);
        partHint.setVisible(false);
        StackPane.setAlignment(partHint, Pos.BOTTOM_LEFT);
        getChildren().addAll(viewport, buttons, partHint);
        InvalidationListener moved = o -> showPartHint();
        List.of(pan.xProperty(), pan.yProperty(), zoom.xProperty(), viewport.widthProperty(), viewport.heightProperty())
                .forEach(p -> p.addListener(moved));
        viewport.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        viewport.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> dragFrom = new Point2D(e.getX(), e.getY()));
        viewport.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        project.projectProperty().addListener((o, was, loaded) -> draw(loaded));
        project.discoveredEdges().addListener((ListChangeListener<DependencyEdge>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::drawDiscovered);
            }
        });
        project.selectedProperty().addListener((o, was, now) -> {
            if (was != null && nodes.containsKey(was.id())) {
                nodes.get(was.id()).selected(false);
            }
            if (now != null && nodes.containsKey(now.id())) {
                nodes.get(now.id()).selected(true);
            }
        });
        viewport.widthProperty().addListener(o -> fitIfPending());
        viewport.heightProperty().addListener(o -> fitIfPending());
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    private void draw(LoadedProject loaded) {
        nodes.clear();
        Group edges = new Group();
        Group boxes = new Group();
        LayeredLayout.Result layout = loaded.layout();
        Set<String> critical = new HashSet<>(loaded.criticalPath().ids());
        Set<List<String>> criticalEdges = new HashSet<>();
        List<String> path = loaded.criticalPath().ids();
        for (int i = 0; i + 1 < path.size(); i++) {
            criticalEdges.add(List.of(path.get(i), path.get(i + 1)));
        }
        layout.routes().forEach((edge, route) ->
                edges.getChildren().add(edge(edge, route, criticalEdges.contains(List.of(edge.dependency(), edge.dependent())))));
        for (FeatureItem item : project.items()) {
            FeatureNode node = new FeatureNode(item);
            LayeredLayout.Point p = layout.positions().get(item.id());
            node.relocate(x(p.x()), y(p.y()));
            if (critical.contains(item.id()) && path.size() > 1) {
                node.getStyleClass().add("critical");
            }
            node.setOnMouseClicked(e -> project.select(item.id()));
            nodes.put(item.id(), node);
            boxes.getChildren().add(node);
        }
        content.getChildren().setAll(edges, boxes);
        firstLayerMiddle = layout.positions().values().stream().filter(p -> p.x() == 0)
                .mapToDouble(p -> y(p.y()) + FeatureNode.HEIGHT / 2).average().orElse(0);
        contentWidth = 2 * MARGIN + Math.max(0, layout.layers() - 1) * CELL_WIDTH + FeatureNode.WIDTH;
        contentHeight = 2 * MARGIN + Math.max(0, layout.rows() - 1) * CELL_HEIGHT + FeatureNode.HEIGHT;
        partHint.setText("Part of the graph (" + nodes.size() + " features) is out of view: drag to pan,"
                + " Ctrl+wheel to zoom, Fit (Ctrl+0) for the whole");
        fitPending = true;
        fitIfPending();
    }

    private static double x(double cell) {
        return MARGIN + cell * CELL_WIDTH;
    }

    private static double y(double cell) {
        return MARGIN + cell * CELL_HEIGHT;
    }

    /** A polyline from the dependency's right side, straight through each bend's column, to the dependent's left side. */
    /**
     * An edge found while running, drawn straight from its dependency to its dependent where the
     * nodes are: the layout is not redone under the user's eyes (the next opening lays it out).
     */
    private void drawDiscovered(DependencyEdge edge) {
        LoadedProject loaded = project.project();
        if (loaded == null || content.getChildren().isEmpty()) {
            return;
        }
        LayeredLayout.Point from = loaded.layout().positions().get(edge.dependency());
        LayeredLayout.Point to = loaded.layout().positions().get(edge.dependent());
        if (from == null || to == null) {
            return;
        }
        Group line = edge(edge, List.of(from, to), false);
        line.getStyleClass().add("edge-live");
        ((Group) content.getChildren().get(0)).getChildren().add(line);
    }

    private static Group edge(DependencyEdge edge, List<LayeredLayout.Point> route, boolean critical) {
        List<Double> points = new ArrayList<>();
        double mid = FeatureNode.HEIGHT / 2;
        LayeredLayout.Point from = route.get(0);
        points.addAll(List.of(x(from.x()) + FeatureNode.WIDTH, y(from.y()) + mid));
        for (LayeredLayout.Point bend : route.subList(1, route.size() - 1)) {
            points.addAll(List.of(x(bend.x()), y(bend.y()) + mid, x(bend.x()) + FeatureNode.WIDTH, y(bend.y()) + mid));
        }
        LayeredLayout.Point to = route.get(route.size() - 1);
        double tipX = x(to.x());
        double tipY = y(to.y()) + mid;
        points.addAll(List.of(tipX, tipY));
        Polyline line = new Polyline();
        line.getPoints().setAll(points);
        line.getStyleClass().addAll("edge", "edge-" + edge.kind().label());
        switch (edge.kind()) {
            case INFERRED -> line.getStrokeDashArray().setAll(6.0, 5.0);
            case DISCOVERED -> line.getStrokeDashArray().setAll(1.5, 4.0);
            case EXPLICIT -> { }
        }
        double fromX = points.get(points.size() - 4);
        double fromY = points.get(points.size() - 3);
        double angle = Math.atan2(tipY - fromY, tipX - fromX);
        Polygon head = new Polygon(tipX, tipY,
                tipX - 9 * Math.cos(angle - 0.4), tipY - 9 * Math.sin(angle - 0.4),
                tipX - 9 * Math.cos(angle + 0.4), tipY - 9 * Math.sin(angle + 0.4));
        head.getStyleClass().add("edge-head");
        Group g = new Group(line, head);
        g.getStyleClass().add("edge-group");
        if (critical) {
            line.getStyleClass().add("edge-critical");
            head.getStyleClass().add("edge-critical");
        }
        Tooltip.install(line, new Tooltip(edge.reason() + switch (edge.kind()) {
            case INFERRED -> " (inferred)";
            case DISCOVERED -> " (discovered while running)";
            case EXPLICIT -> "";
        }));
        return g;
    }

    private void fitIfPending() {
        if (fitPending && viewport.getWidth() > 0 && viewport.getHeight() > 0) {
            fitPending = false;
            openView();
        }
    }

    /** A new project's first view: the whole graph if it can be read so, else its first layers, readable. */
    private void openView() {
        if (fitScale() >= SMALLEST_FITTED_SCALE) {
            fit();
            return;
        }
        zoom.setX(OPENING_SCALE);
        zoom.setY(OPENING_SCALE);
        pan.setX(0);
        double height = contentHeight * OPENING_SCALE;
        double window = viewport.getHeight();
        if (height <= window) {
            pan.setY((window - height) / 2);
        } else { // the first layer's middle in the window's middle, but no blank above or below the graph
            pan.setY(Math.max(window - height, Math.min(0, window / 2 - firstLayerMiddle * OPENING_SCALE)));
        }
        showPartHint();
    }

    private double fitScale() {
        return Math.max(MIN_SCALE, Math.min(1.2, Math.min(viewport.getWidth() / contentWidth,
                viewport.getHeight() / contentHeight)));
    }

    /** Says so while part of the graph is out of the window (runs at every pan and zoom: arithmetic only). */
    private void showPartHint() {
        double s = zoom.getX();
        boolean whole = contentWidth == 0 || (pan.getX() >= -0.5 && pan.getY() >= -0.5
                && pan.getX() + contentWidth * s <= viewport.getWidth() + 0.5
                && pan.getY() + contentHeight * s <= viewport.getHeight() + 0.5);
        partHint.setVisible(!whole);
    }

    /** Whether the window shows only part of the graph (and says so). */
    boolean showsPart() {
        return partHint.isVisible();
    }

    /** Scales the whole graph into the window (never above 1.2x) and centres it. */
    public void fit() {
        if (contentWidth == 0 || viewport.getWidth() == 0) {
            fitPending = true;
            return;
        }
        double s = fitScale();
        zoom.setX(s);
        zoom.setY(s);
        pan.setX((viewport.getWidth() - contentWidth * s) / 2);
        pan.setY(Math.max(0, (viewport.getHeight() - contentHeight * s) / 2));
        showPartHint();
    }

    /** Zooms about the centre of the window. */
    public void zoomBy(double factor) {
        zoomAbout(factor, viewport.getWidth() / 2, viewport.getHeight() / 2);
    }

    private void zoomAbout(double factor, double px, double py) {
        double s = zoom.getX();
        double next = Math.max(MIN_SCALE, Math.min(MAX_SCALE, s * factor));
        pan.setX(px - (px - pan.getX()) * next / s);
        pan.setY(py - (py - pan.getY()) * next / s);
        zoom.setX(next);
        zoom.setY(next);
    }

    private void scrolled(ScrollEvent e) {
        if (e.isControlDown()) {
            zoomAbout(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1, e.getX(), e.getY());
        } else {
            pan.setX(pan.getX() + e.getDeltaX());
            pan.setY(pan.getY() + e.getDeltaY());
        }
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (dragFrom != null) {
            pan.setX(pan.getX() + e.getX() - dragFrom.getX());
            pan.setY(pan.getY() + e.getY() - dragFrom.getY());
            dragFrom = new Point2D(e.getX(), e.getY());
        }
    }

    public double scale() {
        return zoom.getX();
    }

    /** The drawn node of a feature (for tests). */
    FeatureNode node(String featureId) {
        return nodes.get(featureId);
    }
}
