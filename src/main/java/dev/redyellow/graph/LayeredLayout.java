package dev.redyellow.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * A layered drawing of the feature DAG (the Sugiyama scheme, which JGraphT does not have):
 * longest-path layers (dependencies to the left), a dummy point wherever an edge skips a layer, and
 * crossing reduction by barycenter sweeps, down and up, keeping the best order seen. Coordinates are
 * in cells (x = layer, y = row) for the view to scale.
 */
public final class LayeredLayout {
    private static final int MAX_SWEEPS = 24;
    /** The height of a bend in rows: long edges run close together instead of taking a row each. */
    private static final double BEND_HEIGHT = 0.25;

    /** A place in cells. */
    public record Point(double x, double y) {
    }

    /**
     * @param positions        every vertex's place
     * @param routes           every edge's points from its dependency to its dependent; the inner
     *                         points are the bends where it crosses intermediate layers
     * @param layers           the number of layers (columns)
     * @param rows             the height of the tallest layer in rows (a vertex is one row, a bend a
     *                         quarter of one)
     * @param initialCrossings edge crossings in the first order (vertices as the graph lists them)
     * @param crossings        edge crossings in the final order
     */
    public record Result(Map<String, Point> positions, Map<DependencyEdge, List<Point>> routes, int layers, double rows,
                         int initialCrossings, int crossings) {
        public Result {
            positions = Map.copyOf(positions);
            routes = Map.copyOf(routes);
        }
    }

    private LayeredLayout() {
    }

    /** Lays out {@code graph} in four phases: layers, bends, crossing reduction, placement. */
    public static Result layout(Graph<String, DependencyEdge> graph) {
        Layering layering = new Layering(graph);
        layering.assignLayers();
        layering.insertBends();
        List<List<Integer>> order = layering.initialOrder();
        int[] position = new int[layering.layerOf.size()];
        number(order, position);
        int initial = crossings(order, layering.down, position);
        Sweeps sweeps = reduceCrossings(order, layering, position, initial);
        number(sweeps.order(), position);
        return layering.place(sweeps.order(), initial, sweeps.crossings());
    }

    /** The order with the fewest crossings found by the sweeps, and that number. */
    private record Sweeps(List<List<Integer>> order, int crossings) {
    }

    /** Barycenter sweeps, down then up, until no crossing is left or four sweeps bring nothing better. */
    private static Sweeps reduceCrossings(List<List<Integer>> order, Layering layering, int[] position, int initial) {
        int best = initial;
        List<List<Integer>> bestOrder = copy(order);
        int stale = 0;
        for (int sweep = 0; sweep < MAX_SWEEPS && best > 0 && stale < 4; sweep++) {
            for (int l = 1; l < order.size(); l++) {
                sortByBarycenter(order.get(l), layering.up, position);
            }
            for (int l = order.size() - 2; l >= 0; l--) {
                sortByBarycenter(order.get(l), layering.down, position);
            }
            int now = crossings(order, layering.down, position);
            if (now < best) {
                best = now;
                bestOrder = copy(order);
                stale = 0;
            } else {
                stale++;
            }
        }
        return new Sweeps(bestOrder, best);
    }

    /**
     * The graph as numbered nodes: the vertices first, then one bend (dummy) per layer that a long
     * edge skips, with each node's layer and its neighbours above and below.
     */
    private static final class Layering {
        private final Graph<String, DependencyEdge> graph;
        private final List<String> names;
        private final Map<String, Integer> index = new HashMap<>();
        private final List<Integer> layerOf = new ArrayList<>();
        private final List<List<Integer>> up = new ArrayList<>();
        private final List<List<Integer>> down = new ArrayList<>();
        private final Map<DependencyEdge, List<Integer>> chains = new LinkedHashMap<>();

        Layering(Graph<String, DependencyEdge> graph) {
            this.graph = graph;
            this.names = new ArrayList<>(graph.vertexSet());
            names.forEach(v -> {
                index.put(v, index.size());
                addNode(0);
            });
        }

        /** Longest-path layering: a vertex sits one layer right of its rightmost dependency. */
        void assignLayers() {
            new TopologicalOrderIterator<>(graph).forEachRemaining(v -> layerOf.set(index.get(v),
                    graph.incomingEdgesOf(v).stream().mapToInt(e -> layerOf.get(index.get(graph.getEdgeSource(e))) + 1)
                            .max().orElse(0)));
        }

        /** Splits every edge that skips layers into a chain through one bend per skipped layer. */
        void insertBends() {
            for (DependencyEdge e : graph.edgeSet()) {
                List<Integer> chain = new ArrayList<>(List.of(index.get(graph.getEdgeSource(e))));
                int target = index.get(graph.getEdgeTarget(e));
                for (int layer = layerOf.get(chain.get(0)) + 1; layer < layerOf.get(target); layer++) {
                    chain.add(addNode(layer));
                }
                chain.add(target);
                for (int i = 0; i + 1 < chain.size(); i++) {
                    down.get(chain.get(i)).add(chain.get(i + 1));
                    up.get(chain.get(i + 1)).add(chain.get(i));
                }
                chains.put(e, chain);
            }
        }

        private int addNode(int layer) {
            layerOf.add(layer);
            up.add(new ArrayList<>());
            down.add(new ArrayList<>());
            return layerOf.size() - 1;
        }

        /** Each layer's nodes in the order they were numbered. */
        List<List<Integer>> initialOrder() {
            int layerCount = layerOf.stream().mapToInt(l -> l + 1).max().orElse(0);
            List<List<Integer>> order = new ArrayList<>();
            for (int l = 0; l < layerCount; l++) {
                order.add(new ArrayList<>());
            }
            for (int n = 0; n < layerOf.size(); n++) {
                order.get(layerOf.get(n)).add(n);
            }
            return order;
        }

        /** Places each layer's nodes top to bottom, centred on the tallest layer; bends take a quarter row. */
        Result place(List<List<Integer>> order, int initialCrossings, int crossings) {
            int vertices = names.size();
            int layerCount = order.size();
            double[] extent = new double[layerCount];
            double rows = 0;
            for (int l = 0; l < layerCount; l++) {
                for (int n : order.get(l)) {
                    extent[l] += n < vertices ? 1 : BEND_HEIGHT;
                }
                rows = Math.max(rows, extent[l]);
            }
            Point[] places = new Point[layerOf.size()];
            for (int l = 0; l < layerCount; l++) {
                double y = (rows - extent[l]) / 2.0;
                for (int n : order.get(l)) {
                    double height = n < vertices ? 1 : BEND_HEIGHT;
                    // a vertex's place is its top row; a bend sits in the middle of its slot
                    places[n] = new Point(l, n < vertices ? y : y + height / 2 - 0.5);
                    y += height;
                }
            }
            Map<String, Point> positions = new LinkedHashMap<>();
            names.forEach(v -> positions.put(v, places[index.get(v)]));
            Map<DependencyEdge, List<Point>> routes = new LinkedHashMap<>();
            chains.forEach((e, chain) -> routes.put(e, chain.stream().map(n -> places[n]).toList()));
            return new Result(positions, routes, layerCount, rows, initialCrossings, crossings);
        }
    }

    /** Orders a layer by the mean position of each node's neighbours in the fixed layer; stable, so ties keep their order. */
    private static void sortByBarycenter(List<Integer> layer, List<List<Integer>> neighbours, int[] position) {
        Map<Integer, Double> key = new HashMap<>();
        for (int n : layer) {
            List<Integer> ns = neighbours.get(n);
            key.put(n, ns.isEmpty() ? position[n] : ns.stream().mapToInt(m -> position[m]).average().orElseThrow());
        }
        layer.sort(Comparator.comparingDouble(key::get));
        for (int i = 0; i < layer.size(); i++) {
            position[layer.get(i)] = i;
        }
    }

    /** Counts pairs of edges between adjacent layers whose ends are in opposite orders (inversions). */
    private static int crossings(List<List<Integer>> order, List<List<Integer>> down, int[] position) {
        int total = 0;
        for (List<Integer> layer : order) {
            List<int[]> edges = new ArrayList<>();
            for (int n : layer) {
                for (int m : down.get(n)) {
                    edges.add(new int[] {position[n], position[m]});
                }
            }
            edges.sort(Comparator.<int[]>comparingInt(e -> e[0]).thenComparingInt(e -> e[1]));
            for (int i = 0; i < edges.size(); i++) {
                for (int j = i + 1; j < edges.size(); j++) {
                    if (edges.get(i)[0] < edges.get(j)[0] && edges.get(i)[1] > edges.get(j)[1]) {
                        total++;
                    }
                }
            }
        }
        return total;
    }

    private static void number(List<List<Integer>> order, int[] position) {
        for (List<Integer> layer : order) {
            for (int i = 0; i < layer.size(); i++) {
                position[layer.get(i)] = i;
            }
        }
    }

    private static List<List<Integer>> copy(List<List<Integer>> order) {
        List<List<Integer>> copy = new ArrayList<>();
        order.forEach(layer -> copy.add(new ArrayList<>(layer)));
        return copy;
    }
}
