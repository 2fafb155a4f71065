package dev.redyellow.ui;

import dev.redyellow.cycle.FeatureState;
import dev.redyellow.graph.DependencyEdge;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.util.Duration;

/**
 * The feature graph as its {@link GraphViewModel} has it worked out (off the FX thread):
 * dependencies left, dependents right, inferred edges dashed with their reason as a tooltip, the
 * critical path highlighted; group boxes with their state summaries; a find field (Ctrl+F), Focus,
 * the state filter and a minimap. Ctrl+wheel or the buttons zoom, dragging pans, a click selects,
 * a double click focuses.
 */
public final class GraphView extends StackPane {
    static final double CELL_WIDTH = GraphPicture.CELL_WIDTH;
    static final double CELL_HEIGHT = GraphPicture.CELL_HEIGHT;
    private static final double MIN_SCALE = 0.02;
    private static final double MAX_SCALE = 3;
    private static final double MINIMAP_WIDTH = 200;
    private static final double MINIMAP_HEIGHT = 130;
    /**
     * A project opens fitted to the window unless that takes a smaller scale than this one, below which
     * a node's title (11 px at 1x) is hard to read; then it opens at {@link #OPENING_SCALE} at its first
     * layers, and Fit shows the whole.
     */
    static final double SMALLEST_FITTED_SCALE = 0.5;
    static final double OPENING_SCALE = 0.9;

    private final ProjectViewModel project;
    private final GraphViewModel model;
    private final Pane viewport = new Pane();
    private final Group content = new Group();
    private final Group edges = new Group();
    private final Translate pan = new Translate();
    private final Scale zoom = new Scale(1, 1, 0, 0);
    /** The project's feature nodes, made once per project and placed again at each picture. */
    private final Map<String, FeatureNode> made = new HashMap<>();
    private final Map<String, FeatureNode> nodes = new HashMap<>();
    private final Map<String, VBox> boxes = new HashMap<>();
    private final List<Runnable> detach = new ArrayList<>();
    private final List<DrawnLine> lines = new ArrayList<>();
    private final Set<String> found = new HashSet<>();
    private double contentWidth;
    private double contentHeight;
    private Point2D dragFrom;
    private boolean fitPending;
    private String centerPending;
    /** A group just clicked, and where its box was in the window: it stays there when the picture changes. */
    private String anchorGroup;
    private Point2D anchorAt;
    private boolean filterPending;
    private final Label partHint = new Label();
    private final HBox findBar;
    private final TextField findField = new TextField();
    private final Canvas minimap = new Canvas(MINIMAP_WIDTH, MINIMAP_HEIGHT);
    private boolean minimapPending;
    private final PauseTransition filterLayout = new PauseTransition(Duration.millis(700));

    /** A drawn edge with its ends (null: a collapsed group), for the filter. */
    private record DrawnLine(String from, String to, Group shape) {
    }

    public GraphView(ProjectViewModel project) {
        this.project = project;
        this.model = new GraphViewModel(project, project.tasks());
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
        findBar = findBar();
        StackPane.setAlignment(findBar, Pos.TOP_LEFT);
        minimap.setId("minimap");
        minimap.getStyleClass().add("graph-minimap");
        StackPane.setAlignment(minimap, Pos.BOTTOM_RIGHT);
        minimap.setOnMousePressed(this::minimapPressed);
        minimap.setOnMouseDragged(this::minimapPressed);
        StackPane graph = new StackPane(viewport, buttons, partHint, minimap, findBar);
        BorderPane frame = new BorderPane(graph);
        frame.setTop(tools());
        getChildren().add(frame);
        InvalidationListener moved = o -> {
            showPartHint();
            drawMinimapLater();
        };
        List.of(pan.xProperty(), pan.yProperty(), zoom.xProperty(), viewport.widthProperty(), viewport.heightProperty())
                .forEach(p -> p.addListener(moved));
        viewport.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        viewport.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> dragFrom = new Point2D(e.getX(), e.getY()));
        viewport.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        project.projectProperty().addListener((o, was, loaded) -> {
            if (was == null || loaded == null || was.manifest() != loaded.manifest()) {
                made.clear();
                fitPending = true;
            }
        });
        model.pictureProperty().addListener((o, was, now) -> draw(now));
        model.focusProperty().addListener((o, was, now) -> fitPending = true);
        // a filtered or (un)grouped picture is laid out anew: its first view is a new picture's, fitted
        model.filter().addListener((javafx.collections.SetChangeListener<dev.redyellow.cycle.FeatureState>) c ->
                fitPending = true);
        model.groupedProperty().addListener(o -> fitPending = true);
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
        model.filter().addListener((SetChangeListener<FeatureState>) c -> applyFilter());
        filterLayout.setOnFinished(e -> model.relayout());
        model.matches().addListener((ListChangeListener<String>) c -> markFound());
        model.matchProperty().addListener(o -> markFound());
        viewport.heightProperty().addListener(o -> model.maxRows((int) (viewport.getHeight() / (CELL_HEIGHT * OPENING_SCALE))));
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

    /** Focus, groups and the state filter, above the graph. */
    private HBox tools() {
        // One button, Focus or back to the whole graph, so the bar does not grow while focused.
        Button focus = button("Focus", "The selected feature with its dependencies and dependents (F, or a double click);"
                + " again for the whole graph (Esc)", () -> {
                    if (!model.unfocus()) {
                        focusSelected();
                    }
                });
        focus.setId("focus");
        focus.textProperty().bind(Bindings.when(model.focusProperty().isNull()).then("Focus").otherwise("Whole graph"));
        focus.disableProperty().bind(project.selectedProperty().isNull().and(model.focusProperty().isNull()));
        CheckBox groups = new CheckBox("Groups");
        groups.setId("groups");
        groups.setFocusTraversable(false);
        groups.selectedProperty().bindBidirectional(model.groupedProperty());
        groups.setTooltip(new Tooltip("Features grouped by the package or folder of their tests, or their manifest group"));
        Button expand = button("Expand all", "Expand every group", model::expandAll);
        Button collapse = button("Collapse all", "Collapse every group", model::collapseAll);
        expand.disableProperty().bind(model.groupedProperty().not());
        collapse.disableProperty().bind(model.groupedProperty().not());
        Label count = new Label();
        count.setId("filter-count");
        count.textProperty().bind(Bindings.createStringBinding(model::filterSummary, model.shownProperty(),
                model.filter(), project.items()));
        count.setMinWidth(USE_PREF_SIZE);
        HBox bar = new HBox(6, focus, groups, expand, collapse, count, new Label(" Only:"));
        for (FeatureState state : FeatureState.values()) {
            ToggleButton t = new ToggleButton(state.name());
            t.setId("filter-" + state.name());
            t.setFocusTraversable(false);
            t.getStyleClass().add("state-filter");
            t.selectedProperty().addListener((o, was, on) -> {
                if (on) {
                    model.filter().add(state);
                } else {
                    model.filter().remove(state);
                }
            });
            model.filter().addListener((SetChangeListener<FeatureState>) c -> t.setSelected(model.filter().contains(state)));
            bar.getChildren().add(t);
        }
        // Cut at the right edge of a narrow window rather than every label shortened to "…".
        bar.getChildren().forEach(n -> {
            if (n instanceof javafx.scene.control.Control c) {
                c.setMinWidth(USE_PREF_SIZE);
            }
        });
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("graph-tools");
        return bar;
    }

    private HBox findBar() {
        findField.setId("find-field");
        findField.setPromptText("id or title");
        findField.setPrefColumnCount(18);
        findField.textProperty().bindBidirectional(model.queryProperty());
        findField.setOnAction(e -> {
            // Enter goes to the current match; again on the match already shown, to the next one.
            String current = model.currentMatch().orElse(null);
            boolean shown = current != null && project.selectedProperty().get() != null
                    && project.selectedProperty().get().id().equals(current);
            (shown ? model.nextMatch(true) : model.currentMatch()).ifPresent(this::reveal);
        });
        Label count = new Label();
        count.setId("find-count");
        count.textProperty().bind(Bindings.createStringBinding(model::matchSummary, model.matches(), model.matchProperty()));
        HBox bar = new HBox(6, new Label("Find"), findField, count,
                button("↑", "Previous match (Shift+F3)", () -> findNext(false)),
                button("↓", "Next match (F3)", () -> findNext(true)),
                button("×", "Close (Esc)", this::closeFind));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("graph-find");
        bar.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        bar.setVisible(false);
        return bar;
    }

    /**
     * The graph's keys: Ctrl+F find, F3 / Shift+F3 next and previous match, F focus the selected
     * feature, Esc close the find field or leave focus (before Esc stops a run).
     */
    public void installKeys(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean typing = e.getTarget() instanceof TextInputControl;
            if (e.getCode() == KeyCode.F && e.isShortcutDown()) {
                openFind();
            } else if (e.getCode() == KeyCode.F3) {
                findNext(!e.isShiftDown());
            } else if (e.getCode() == KeyCode.ESCAPE && findBar.isVisible() && findField.isFocused()) {
                closeFind();
            } else if (e.getCode() == KeyCode.ESCAPE && !typing && model.unfocus()) {
                return; // consumed below
            } else if (e.getCode() == KeyCode.F && !typing && !e.isShortcutDown() && !e.isAltDown()
                    && project.selectedProperty().get() != null) {
                focusSelected();
            } else {
                return;
            }
            e.consume();
        });
    }

    public void openFind() {
        findBar.setVisible(true);
        findField.requestFocus();
        findField.selectAll();
        markFound();
    }

    public void closeFind() {
        findBar.setVisible(false);
        found.forEach(id -> mark(id, false, false));
        found.clear();
        requestFocus();
    }

    boolean findOpen() {
        return findBar.isVisible();
    }

    /** The next (or previous) match: selected, in view and in the details panel. */
    public void findNext(boolean forward) {
        model.nextMatch(forward).ifPresent(this::reveal);
    }

    /** Selects a feature and brings it into view, expanding its group or leaving focus where needed. */
    void reveal(String id) {
        centerPending = id;
        if (!model.reveal(id)) {
            centerIfPending();
        }
    }

    public void focusSelected() {
        FeatureItem selected = project.selectedProperty().get();
        if (selected != null) {
            model.focus(selected.id());
        }
    }

    private void markFound() {
        found.forEach(id -> mark(id, false, false));
        found.clear();
        if (!findBar.isVisible()) {
            return;
        }
        String current = model.currentMatch().orElse(null);
        for (String id : model.matches()) {
            found.add(id);
            mark(id, true, id.equals(current));
        }
    }

    private void mark(String id, boolean on, boolean current) {
        FeatureNode node = nodes.get(id);
        if (node != null) {
            node.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("found"), on);
            node.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("found-current"), current);
        }
    }

    private void draw(GraphPicture picture) {
        detach.forEach(Runnable::run);
        detach.clear();
        nodes.clear();
        boxes.clear();
        lines.clear();
        edges.getChildren().clear();
        Group boxLayer = new Group();
        Group nodeLayer = new Group();
        // An expanded box lies under the edges inside it; a collapsed one over the edges to it, to be clicked.
        for (GraphPicture.Box b : picture.boxes()) {
            VBox box = box(b);
            boxes.put(b.group(), box);
            (b.collapsed() ? nodeLayer : boxLayer).getChildren().add(box);
        }
        for (GraphPicture.Line line : picture.lines()) {
            Group shape = edge(line);
            lines.add(new DrawnLine(line.from(), line.to(), shape));
            edges.getChildren().add(shape);
        }
        for (GraphPicture.Placed p : picture.features()) {
            FeatureNode node = made.computeIfAbsent(p.id(), id -> newNode(project.item(id).orElseThrow()));
            node.relocate(p.x(), p.y());
            node.getStyleClass().remove("critical");
            if (p.critical()) {
                node.getStyleClass().add("critical");
            }
            FeatureItem selected = project.selectedProperty().get();
            node.selected(selected != null && selected.id().equals(p.id()));
            nodes.put(p.id(), node);
            nodeLayer.getChildren().add(node);
        }
        content.getChildren().setAll(boxLayer, edges, nodeLayer);
        contentWidth = picture.width();
        contentHeight = picture.height();
        partHint.setText("Part of the graph (" + picture.features().size() + " features"
                + (picture.boxes().isEmpty() ? "" : ", " + picture.boxes().size() + " groups")
                + ") is out of view: drag to pan, Ctrl+wheel to zoom, Fit (Ctrl+0) for the whole");
        applyFilter();
        markFound();
        if (fitPending) {
            fitIfPending();
        } else {
            showPartHint();
        }
        GraphPicture.Box anchored = anchorGroup == null ? null : picture.box(anchorGroup);
        if (anchored != null) {
            pan.setX(anchorAt.getX() - anchored.x() * zoom.getX());
            pan.setY(anchorAt.getY() - anchored.y() * zoom.getY());
        }
        anchorGroup = null;
        centerIfPending();
        drawMinimapLater();
    }

    private FeatureNode newNode(FeatureItem item) {
        FeatureNode node = new FeatureNode(item);
        node.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                project.select(item.id());
                model.focus(item.id());
            } else {
                project.select(item.id());
            }
        });
        // A state change hides or shows the node under a filter, and recolours the minimap.
        item.stateProperty().addListener(o -> {
            if (!model.filter().isEmpty()) {
                applyFilterLater();
                filterLayout.playFromStart(); // the features now in the chosen states join once things settle
            }
            drawMinimapLater();
        });
        return node;
    }

    /** A group's box: its summary as the header (a click collapses or expands it). */
    private VBox box(GraphPicture.Box b) {
        Label header = new Label();
        header.getStyleClass().add("group-header");
        header.setMaxWidth(Double.MAX_VALUE);
        List<FeatureItem> members = b.members().stream().map(id -> project.item(id).orElseThrow()).toList();
        Runnable summary = () -> header.setText((b.collapsed() ? "▸ " : "▾ ")
                + FeatureGroups.summary(b.group(), members.stream().map(FeatureItem::state).toList()));
        summary.run();
        InvalidationListener changed = o -> summary.run();
        members.forEach(i -> i.stateProperty().addListener(changed));
        detach.add(() -> members.forEach(i -> i.stateProperty().removeListener(changed)));
        VBox box = new VBox(header);
        if (b.collapsed()) {
            Label size = new Label(members.size() + (members.size() == 1 ? " feature" : " features") + " — click to expand");
            size.getStyleClass().add("group-size");
            box.getChildren().add(size);
        }
        box.getStyleClass().addAll("group-box", b.collapsed() ? "group-collapsed" : "group-expanded");
        box.setUserData(b.group());
        box.relocate(b.x(), b.y());
        box.setPrefSize(b.width(), b.height());
        box.setMinSize(b.width(), b.height());
        box.setMaxSize(b.width(), b.height());
        LazyTooltip.install(header, () -> b.group() + ": " + members.size() + " features; click to "
                + (b.collapsed() ? "expand" : "collapse"));
        (b.collapsed() ? box : header).setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                anchorGroup = b.group();
                anchorAt = new Point2D(pan.getX() + b.x() * zoom.getX(), pan.getY() + b.y() * zoom.getY());
                model.toggle(b.group());
            }
        });
        return box;
    }

    private void applyFilterLater() {
        if (!filterPending) {
            filterPending = true;
            Platform.runLater(() -> {
                filterPending = false;
                applyFilter();
            });
        }
    }

    /** Hides the features the state filter leaves out, and the edges to them. */
    private void applyFilter() {
        nodes.values().forEach(n -> n.setVisible(model.passes(n.item())));
        for (DrawnLine line : lines) {
            line.shape().setVisible(shown(line.from()) && shown(line.to()));
        }
        drawMinimapLater();
    }

    private boolean shown(String id) {
        return id == null || !nodes.containsKey(id) || nodes.get(id).isVisible();
    }

    /**
     * An edge found while running, drawn straight from its dependency to its dependent where the
     * nodes are: the layout is not redone under the user's eyes (the end of the run lays it out).
     */
    private void drawDiscovered(DependencyEdge edge) {
        GraphPicture picture = model.picture();
        if (picture == null) {
            return;
        }
        GraphPicture.Placed from = picture.placed(edge.dependency());
        GraphPicture.Placed to = picture.placed(edge.dependent());
        if (from == null || to == null) {
            return;
        }
        double mid = GraphPicture.NODE_HEIGHT / 2;
        Group line = edge(new GraphPicture.Line(edge.dependency(), edge.dependent(),
                List.of(from.x() + GraphPicture.NODE_WIDTH, from.y() + mid, to.x(), to.y() + mid), edge.kind(), 1, false,
                GraphPicture.tip(edge)));
        line.getStyleClass().add("edge-live");
        lines.add(new DrawnLine(edge.dependency(), edge.dependent(), line));
        edges.getChildren().add(line);
    }

    private static Group edge(GraphPicture.Line edge) {
        List<Double> points = edge.points();
        double tipX = points.get(points.size() - 2);
        double tipY = points.get(points.size() - 1);
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
        if (edge.critical()) {
            line.getStyleClass().add("edge-critical");
            head.getStyleClass().add("edge-critical");
        }
        if (edge.count() > 1) {
            line.getStyleClass().add("edge-bundle");
            line.setStrokeWidth(Math.min(6, 1.4 + Math.log(edge.count())));
            Label count = new Label(String.valueOf(edge.count()));
            count.getStyleClass().add("edge-count");
            count.setMouseTransparent(true);
            count.relocate((points.get(0) + tipX) / 2 - 8, (points.get(1) + tipY) / 2 - 9);
            g.getChildren().add(count);
        }
        LazyTooltip.install(line, edge::tip);
        return g;
    }

    private void fitIfPending() {
        if (fitPending && contentWidth > 0 && viewport.getWidth() > 0 && viewport.getHeight() > 0) {
            fitPending = false;
            openView();
        }
    }

    private void centerIfPending() {
        String id = centerPending;
        if (id == null || !nodes.containsKey(id) || viewport.getWidth() == 0) {
            return;
        }
        centerPending = null;
        FeatureNode node = nodes.get(id);
        double s = Math.max(zoom.getX(), SMALLEST_FITTED_SCALE);
        zoom.setX(s);
        zoom.setY(s);
        pan.setX(viewport.getWidth() / 2 - (node.getLayoutX() + GraphPicture.NODE_WIDTH / 2) * s);
        pan.setY(viewport.getHeight() / 2 - (node.getLayoutY() + GraphPicture.NODE_HEIGHT / 2) * s);
        showPartHint();
    }

    /** A new picture's first view: the whole graph if it can be read so, else its top left corner, readable. */
    private void openView() {
        if (fitScale() >= SMALLEST_FITTED_SCALE) {
            fit();
            return;
        }
        zoom.setX(OPENING_SCALE);
        zoom.setY(OPENING_SCALE);
        pan.setX(0);
        pan.setY(0);
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
        minimap.setVisible(!whole);
    }

    /** Whether the window shows only part of the graph (and says so). */
    boolean showsPart() {
        return partHint.isVisible();
    }

    private void drawMinimapLater() {
        if (!minimapPending) {
            minimapPending = true;
            Platform.runLater(() -> {
                minimapPending = false;
                drawMinimap();
            });
        }
    }

    private double minimapScale() {
        return Math.min(MINIMAP_WIDTH / Math.max(1, contentWidth), MINIMAP_HEIGHT / Math.max(1, contentHeight));
    }

    /** The whole picture in small, each feature in its state's colour, and the window's part of it. */
    private void drawMinimap() {
        GraphicsContext g = minimap.getGraphicsContext2D();
        g.setFill(Color.rgb(255, 255, 255, 0.9));
        g.fillRect(0, 0, MINIMAP_WIDTH, MINIMAP_HEIGHT);
        GraphPicture picture = model.picture();
        if (picture == null) {
            return;
        }
        double k = minimapScale();
        g.setFill(Color.rgb(200, 200, 200));
        for (GraphPicture.Box b : picture.boxes()) {
            g.fillRect(b.x() * k, b.y() * k, Math.max(1, b.width() * k), Math.max(1, b.height() * k));
        }
        for (GraphPicture.Placed p : picture.features()) {
            FeatureNode node = nodes.get(p.id());
            if (node != null && node.isVisible()) {
                g.setFill(COLOURS.get(node.item().state()));
                g.fillRect(p.x() * k, p.y() * k, Math.max(1.5, GraphPicture.NODE_WIDTH * k),
                        Math.max(1.5, GraphPicture.NODE_HEIGHT * k));
            }
        }
        double s = zoom.getX();
        g.setStroke(Color.rgb(31, 111, 235));
        g.setLineWidth(1.5);
        g.strokeRect(-pan.getX() / s * k, -pan.getY() / s * k, viewport.getWidth() / s * k, viewport.getHeight() / s * k);
        g.setStroke(Color.rgb(150, 150, 150));
        g.setLineWidth(1);
        g.strokeRect(0.5, 0.5, MINIMAP_WIDTH - 1, MINIMAP_HEIGHT - 1);
    }

    private static final Map<FeatureState, Color> COLOURS = new EnumMap<>(Map.of(
            FeatureState.PENDING, Color.web("#a0a0a0"), FeatureState.RED, Color.web("#e5534b"),
            FeatureState.YELLOW, Color.web("#f2cc4b"), FeatureState.GREEN, Color.web("#57ab5a"),
            FeatureState.FAILED, Color.web("#5a1a1a"), FeatureState.BLOCKED, Color.web("#4a4a4a"),
            FeatureState.CANCELLED, Color.web("#2e2e2e")));

    /** A press on the minimap centres the window on that place. */
    private void minimapPressed(MouseEvent e) {
        double k = minimapScale();
        double s = zoom.getX();
        pan.setX(viewport.getWidth() / 2 - e.getX() / k * s);
        pan.setY(viewport.getHeight() / 2 - e.getY() / k * s);
        e.consume();
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

    /** Whether a feature's node lies wholly inside the window (for tests). */
    boolean inView(String featureId) {
        FeatureNode node = nodes.get(featureId);
        if (node == null || !node.isVisible()) {
            return false;
        }
        double s = zoom.getX();
        double x = pan.getX() + node.getLayoutX() * s;
        double y = pan.getY() + node.getLayoutY() * s;
        return x >= 0 && y >= 0 && x + GraphPicture.NODE_WIDTH * s <= viewport.getWidth()
                && y + GraphPicture.NODE_HEIGHT * s <= viewport.getHeight();
    }

    /** The drawn node of a feature, null when it is not drawn (for tests). */
    FeatureNode node(String featureId) {
        return nodes.get(featureId);
    }

    /** The drawn box of a group, null when there is none (for tests). */
    VBox box(String group) {
        return boxes.get(group);
    }

    GraphViewModel model() {
        return model;
    }
}
