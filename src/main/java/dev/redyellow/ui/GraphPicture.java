package dev.redyellow.ui;

import dev.redyellow.graph.DependencyEdge;
import dev.redyellow.graph.EdgeKind;
import dev.redyellow.graph.LayeredLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsSubgraph;

/**
 * What the graph view draws, in pixels, worked out off the FX thread: the features shown, the group
 * boxes, the edges. Without groups it is the project's layered layout (or, in focus, the layout of
 * the focused features alone), tall layers wrapped ({@link ColumnWrap}). With groups, each group is a
 * box: collapsed, one box with its summary; expanded, its features laid out inside it. The boxes
 * stand in a grid in dependency order, and an edge between two groups, or
 * between a feature and a collapsed group, is drawn once with how many dependencies it stands for.
 */
record GraphPicture(List<Placed> features, List<Box> boxes, List<Line> lines, double width, double height) {
    static final double NODE_WIDTH = FeatureNode.WIDTH;
    static final double NODE_HEIGHT = FeatureNode.HEIGHT;
    static final double CELL_WIDTH = NODE_WIDTH + 70;
    static final double CELL_HEIGHT = NODE_HEIGHT + 22;
    static final double MARGIN = 30;
    static final double GROUP_WIDTH = 230;
    static final double GROUP_HEIGHT = 64;
    static final double HEADER = 26;
    static final double PAD = 12;
    static final double GAP_X = 90;
    static final double GAP_Y = 30;

    GraphPicture {
        features = List.copyOf(features);
        boxes = List.copyOf(boxes);
        lines = List.copyOf(lines);
    }

    /** A feature drawn at (x, y), its top left corner. */
    record Placed(String id, double x, double y, boolean critical) {
    }

    /** A group's box; a collapsed one stands for all its features. */
    record Box(String group, double x, double y, double width, double height, boolean collapsed, List<String> members) {
        Box {
            members = List.copyOf(members);
        }
    }

    /**
     * An edge: its points, x y x y...; {@code from} and {@code to} are feature ids, or null where the
     * end is a collapsed group; {@code count} the dependencies it stands for.
     */
    record Line(String from, String to, List<Double> points, EdgeKind kind, int count, boolean critical, String tip) {
        Line {
            points = List.copyOf(points);
        }
    }

    /**
     * What to draw.
     *
     * @param only      the features to show (focus, filter), or null for all
     * @param groupOf   each feature's group, or null to draw no groups
     * @param collapsed the groups drawn collapsed
     * @param maxRows   the rows a column may take before it wraps
     */
    record Request(LoadedProject project, Set<String> only, Map<String, String> groupOf, Set<String> collapsed,
                   int maxRows) {
    }

    /**
     * Each picture is its own: one worked out again for a manifest opened again comes out equal to the
     * last, and a property would not pass it on, yet its features are new items to draw.
     */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    Placed placed(String id) {
        return features.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    Box box(String group) {
        return boxes.stream().filter(b -> b.group().equals(group)).findFirst().orElse(null);
    }

    static GraphPicture of(Request request) {
        if (request.only() != null && request.only().isEmpty()) {
            return new GraphPicture(List.of(), List.of(), List.of(), 2 * MARGIN, 2 * MARGIN);
        }
        return request.groupOf() == null ? plain(request) : grouped(request);
    }

    private static GraphPicture plain(Request request) {
        LoadedProject project = request.project();
        LayeredLayout.Result layout = request.only() == null ? project.layout()
                : LayeredLayout.layout(new AsSubgraph<>(project.graph().graph(), request.only()));
        layout = ColumnWrap.wrap(layout, request.maxRows());
        Critical critical = new Critical(project);
        List<Placed> placed = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        place(layout, MARGIN, MARGIN, critical, placed, lines);
        double width = 2 * MARGIN + Math.max(0, layout.layers() - 1) * CELL_WIDTH + NODE_WIDTH;
        double height = 2 * MARGIN + Math.max(0, layout.rows() - 1) * CELL_HEIGHT + NODE_HEIGHT;
        return new GraphPicture(placed, List.of(), lines, width, height);
    }

    /** Places a layout's features and edges with its top left cell at (left, top). */
    private static void place(LayeredLayout.Result layout, double left, double top, Critical critical,
                              List<Placed> placed, List<Line> lines) {
        layout.positions().forEach((id, p) ->
                placed.add(new Placed(id, left + p.x() * CELL_WIDTH, top + p.y() * CELL_HEIGHT, critical.node(id))));
        layout.routes().forEach((edge, route) -> {
            List<Double> points = new ArrayList<>();
            double mid = NODE_HEIGHT / 2;
            LayeredLayout.Point from = route.get(0);
            points.addAll(List.of(left + from.x() * CELL_WIDTH + NODE_WIDTH, top + from.y() * CELL_HEIGHT + mid));
            for (LayeredLayout.Point bend : route.subList(1, route.size() - 1)) {
                double x = left + bend.x() * CELL_WIDTH;
                double y = top + bend.y() * CELL_HEIGHT + mid;
                points.addAll(List.of(x, y, x + NODE_WIDTH, y));
            }
            LayeredLayout.Point to = route.get(route.size() - 1);
            points.addAll(List.of(left + to.x() * CELL_WIDTH, top + to.y() * CELL_HEIGHT + mid));
            lines.add(new Line(edge.dependency(), edge.dependent(), points, edge.kind(), 1, critical.edge(edge),
                    tip(edge)));
        });
    }

    static String tip(DependencyEdge edge) {
        return edge.reason() + switch (edge.kind()) {
            case INFERRED -> " (inferred)";
            case DISCOVERED -> " (discovered while running)";
            case EXPLICIT -> "";
        };
    }

    private static GraphPicture grouped(Request request) {
        LoadedProject project = request.project();
        Graph<String, DependencyEdge> graph = project.graph().graph();
        Map<String, String> groupOf = request.groupOf();
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (String id : project.graph().ids()) {
            if (request.only() == null || request.only().contains(id)) {
                members.computeIfAbsent(groupOf.getOrDefault(id, FeatureGroups.TOP), g -> new ArrayList<>()).add(id);
            }
        }
        // Groups in the order of their leftmost feature in the whole layout: edges between groups go
        // from earlier to later ones (an edge the other way is drawn, but does not push a column).
        Map<String, Double> rank = new HashMap<>();
        members.forEach((g, ids) -> rank.put(g, ids.stream()
                .mapToDouble(id -> project.layout().positions().get(id).x()).min().orElse(0)));
        List<String> order = new ArrayList<>(members.keySet());
        order.sort(Comparator.comparingDouble(rank::get)); // stable: manifest order within a rank
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            index.put(order.get(i), i);
        }
        Map<String, Integer> column = new HashMap<>();
        order.forEach(g -> column.put(g, 0));
        List<DependencyEdge> shown = graph.edgeSet().stream().filter(e -> members.containsKey(groupOf.get(e.dependency()))
                && members.containsKey(groupOf.get(e.dependent())) && (request.only() == null
                || (request.only().contains(e.dependency()) && request.only().contains(e.dependent())))).toList();
        Map<String, Set<String>> before = new HashMap<>();
        for (DependencyEdge e : shown) {
            String a = groupOf.get(e.dependency());
            String b = groupOf.get(e.dependent());
            if (!a.equals(b) && index.get(a) < index.get(b)) {
                before.computeIfAbsent(b, k -> new HashSet<>()).add(a);
            }
        }
        for (String g : order) {
            for (String a : before.getOrDefault(g, Set.of())) {
                column.put(g, Math.max(column.get(g), column.get(a) + 1));
            }
        }
        // Each box's size; an expanded group's features laid out on their own.
        Critical critical = new Critical(project);
        Map<String, LayeredLayout.Result> inner = new HashMap<>();
        Map<String, double[]> size = new HashMap<>();
        for (String g : order) {
            if (request.collapsed().contains(g)) {
                size.put(g, new double[] {GROUP_WIDTH, GROUP_HEIGHT});
            } else {
                LayeredLayout.Result layout = ColumnWrap.wrap(
                        LayeredLayout.layout(new AsSubgraph<>(graph, new HashSet<>(members.get(g)))), request.maxRows());
                inner.put(g, layout);
                size.put(g, new double[] {
                        Math.max(GROUP_WIDTH, 2 * PAD + Math.max(0, layout.layers() - 1) * CELL_WIDTH + NODE_WIDTH),
                        HEADER + 2 * PAD + Math.max(0, layout.rows() - 1) * CELL_HEIGHT + NODE_HEIGHT});
            }
        }
        // The boxes in a grid about as wide as tall, in dependency order: by the longest chain of groups
        // before each, left to right and top to bottom. A column per chain step left a dozen collapsed
        // groups ten columns wide and two boxes tall.
        List<String> placedOrder = new ArrayList<>(order);
        placedOrder.sort(Comparator.comparingInt((String g) -> column.get(g)).thenComparingInt(index::get));
        int gridColumns = Math.max(1, (int) Math.ceil(Math.sqrt(placedOrder.size() * 1.2)));
        int gridRows = (placedOrder.size() + gridColumns - 1) / gridColumns;
        double[] columnWidth = new double[gridColumns];
        double[] rowHeight = new double[Math.max(1, gridRows)];
        for (int i = 0; i < placedOrder.size(); i++) {
            double[] s = size.get(placedOrder.get(i));
            columnWidth[i % gridColumns] = Math.max(columnWidth[i % gridColumns], s[0]);
            rowHeight[i / gridColumns] = Math.max(rowHeight[i / gridColumns], s[1]);
        }
        List<Box> boxes = new ArrayList<>();
        double bottom = MARGIN;
        for (int i = 0; i < placedOrder.size(); i++) {
            String g = placedOrder.get(i);
            double x = MARGIN;
            for (int c = 0; c < i % gridColumns; c++) {
                x += columnWidth[c] + GAP_X;
            }
            double y = MARGIN;
            for (int r = 0; r < i / gridColumns; r++) {
                y += rowHeight[r] + GAP_Y;
            }
            double[] s = size.get(g);
            boxes.add(new Box(g, x, y, s[0], s[1], request.collapsed().contains(g), members.get(g)));
            bottom = Math.max(bottom, y + s[1]);
        }
        Map<String, Box> boxOf = new HashMap<>();
        boxes.forEach(b -> boxOf.put(b.group(), b));
        List<Placed> placed = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        for (Box b : boxes) {
            if (!b.collapsed()) {
                place(inner.get(b.group()), b.x() + PAD, b.y() + HEADER + PAD, critical, placed, lines);
            }
        }
        Map<String, Placed> at = new HashMap<>();
        placed.forEach(p -> at.put(p.id(), p));
        // Every edge leaving its group, once per pair of ends (a collapsed group is one end).
        Map<List<String>, List<DependencyEdge>> across = new LinkedHashMap<>();
        for (DependencyEdge e : shown) {
            String a = groupOf.get(e.dependency());
            String b = groupOf.get(e.dependent());
            if (!a.equals(b)) {
                across.computeIfAbsent(List.of(end(e.dependency(), a, request), end(e.dependent(), b, request)),
                        k -> new ArrayList<>()).add(e);
            }
        }
        across.forEach((ends, edges) -> {
            DependencyEdge first = edges.get(0);
            boolean fromGroup = request.collapsed().contains(groupOf.get(first.dependency()));
            boolean toGroup = request.collapsed().contains(groupOf.get(first.dependent()));
            double[] a = fromGroup ? rect(boxOf.get(groupOf.get(first.dependency()))) : rect(at.get(first.dependency()));
            double[] b = toGroup ? rect(boxOf.get(groupOf.get(first.dependent()))) : rect(at.get(first.dependent()));
            double[] from = side(a, b);
            double[] to = side(b, a);
            EdgeKind kind = edges.stream().allMatch(e -> e.kind() == first.kind()) ? first.kind() : EdgeKind.EXPLICIT;
            String tip = edges.size() == 1 ? tip(first) : edges.size() + " dependencies from "
                    + (fromGroup ? groupOf.get(first.dependency()) : first.dependency()) + " to "
                    + (toGroup ? groupOf.get(first.dependent()) : first.dependent());
            lines.add(new Line(fromGroup ? null : first.dependency(), toGroup ? null : first.dependent(),
                    List.of(from[0], from[1], to[0], to[1]), kind, edges.size(),
                    edges.size() == 1 && !fromGroup && !toGroup && critical.edge(first), tip));
        });
        double width = boxes.stream().mapToDouble(b -> b.x() + b.width()).max().orElse(0) + MARGIN;
        return new GraphPicture(placed, boxes, lines, width, bottom + MARGIN);
    }

    private static String end(String id, String group, Request request) {
        return request.collapsed().contains(group) ? "group " + group : id;
    }

    private static double[] rect(Box b) {
        return new double[] {b.x(), b.y(), b.width(), b.height()};
    }

    private static double[] rect(Placed p) {
        return new double[] {p.x(), p.y(), NODE_WIDTH, NODE_HEIGHT};
    }

    /**
     * Where a line from rectangle {@code r} towards rectangle {@code other} leaves it: the middle of the
     * side facing the other, right or left when they lie more side by side, else bottom or top.
     */
    static double[] side(double[] r, double[] other) {
        double dx = (other[0] + other[2] / 2) - (r[0] + r[2] / 2);
        double dy = (other[1] + other[3] / 2) - (r[1] + r[3] / 2);
        boolean apartSideways = other[0] >= r[0] + r[2] || other[0] + other[2] <= r[0];
        if (apartSideways && Math.abs(dx) >= Math.abs(dy) / 2) {
            return new double[] {dx > 0 ? r[0] + r[2] : r[0], r[1] + Math.min(r[3], 2 * GROUP_HEIGHT) / 2};
        }
        return new double[] {r[0] + r[2] / 2, dy > 0 ? r[1] + r[3] : r[1]};
    }

    /** The critical path's features and edges (none when it is a single feature). */
    private static final class Critical {
        private final Set<String> nodes = new HashSet<>();
        private final Set<List<String>> edges = new HashSet<>();

        Critical(LoadedProject project) {
            List<String> path = project.criticalPath().ids();
            if (path.size() > 1) {
                nodes.addAll(path);
            }
            for (int i = 0; i + 1 < path.size(); i++) {
                edges.add(List.of(path.get(i), path.get(i + 1)));
            }
        }

        boolean node(String id) {
            return nodes.contains(id);
        }

        boolean edge(DependencyEdge e) {
            return edges.contains(List.of(e.dependency(), e.dependent()));
        }
    }
}
