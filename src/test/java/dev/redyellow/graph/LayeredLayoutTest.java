package dev.redyellow.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redyellow.graph.LayeredLayout.Point;
import java.util.List;
import java.util.stream.Collectors;
import org.jgrapht.Graph;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.junit.jupiter.api.Test;

/** The layered layout on small hand-drawn graphs, with exact crossing counts. */
class LayeredLayoutTest {

    /** A graph with the vertices in the given order and edges written "dependency>dependent". */
    private static Graph<String, DependencyEdge> graph(List<String> vertices, String... edges) {
        Graph<String, DependencyEdge> g = new SimpleDirectedGraph<>(DependencyEdge.class);
        vertices.forEach(g::addVertex);
        for (String e : edges) {
            String[] ends = e.split(">");
            g.addEdge(ends[0], ends[1], DependencyEdge.explicit(ends[0], ends[1]));
        }
        return g;
    }

    @Test
    void putsEachFeatureOneLayerRightOfItsDeepestDependency() {
        LayeredLayout.Result r = LayeredLayout.layout(graph(List.of("a", "b", "c", "d"), "a>b", "b>c", "a>d", "c>d"));
        assertEquals(0, r.positions().get("a").x());
        assertEquals(1, r.positions().get("b").x());
        assertEquals(2, r.positions().get("c").x());
        assertEquals(3, r.positions().get("d").x(), "longest path: d waits for c, not only for a");
        assertEquals(4, r.layers());
    }

    @Test
    void bendsAnEdgeThatSkipsLayersThroughOnePointPerSkippedLayer() {
        LayeredLayout.Result r = LayeredLayout.layout(graph(List.of("a", "b", "c", "d"), "a>b", "b>c", "c>d", "a>d"));
        List<Point> route = r.routes().get(DependencyEdge.explicit("a", "d"));
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0), route.stream().map(Point::x).toList());
        assertEquals(r.positions().get("a"), route.get(0));
        assertEquals(r.positions().get("d"), route.get(3));
        assertEquals(2, r.routes().get(DependencyEdge.explicit("a", "b")).size());
        assertEquals(1.25, r.rows(), "the bend takes a quarter row beside b and c");
    }

    @Test
    void givesEveryVertexOfALayerItsOwnRow() {
        LayeredLayout.Result r = LayeredLayout.layout(graph(List.of("a", "b", "c", "d", "e"), "a>c", "a>d", "b>e"));
        List<Double> rows = List.of("c", "d", "e").stream().map(v -> r.positions().get(v).y()).toList();
        assertEquals(3, rows.stream().distinct().count());
        assertEquals(3.0, r.rows());
    }

    @Test
    void untanglesTwoCrossedEdges() {
        LayeredLayout.Result r = LayeredLayout.layout(graph(List.of("a1", "a2", "b1", "b2"), "a1>b2", "a2>b1"));
        assertEquals(1, r.initialCrossings());
        assertEquals(0, r.crossings());
    }

    @Test
    void sweepsRemoveEveryCrossingOfAGraphBuiltToHaveSix() {
        // Three columns, each pair of neighbouring columns wired in reverse: 3 + 3 crossings as listed.
        Graph<String, DependencyEdge> g = graph(List.of("a", "b", "c", "x", "y", "z", "p", "q", "r"),
                "a>z", "b>y", "c>x", "x>r", "y>q", "z>p");
        LayeredLayout.Result r = LayeredLayout.layout(g);
        assertEquals(6, r.initialCrossings());
        assertEquals(0, r.crossings());
        // and the drawing agrees: along each edge the row order is the same in both columns
        assertEquals(r.positions().get("a").y(), r.positions().get("z").y());
        assertEquals(r.positions().get("z").y(), r.positions().get("p").y());
    }

    @Test
    void keepsTheUnavoidableCrossingsOfACompleteBipartiteGraph() {
        // Every pair of left vertices crosses every pair of right ones, whatever the order: 3 x 3.
        Graph<String, DependencyEdge> g = graph(List.of("a", "b", "c", "x", "y", "z"),
                "a>x", "a>y", "a>z", "b>x", "b>y", "b>z", "c>x", "c>y", "c>z");
        LayeredLayout.Result r = LayeredLayout.layout(g);
        assertEquals(9, r.initialCrossings());
        assertEquals(9, r.crossings(), "every order of K(3,3) has 9 crossings between two layers");
    }

    @Test
    void untanglesAGraphWithALongEdgeAndSharedDependents() {
        // As listed, layer 1 is e f h and the bend of c>g: a>h, c>e and the bend each cross twice (6).
        Graph<String, DependencyEdge> g = graph(List.of("a", "b", "c", "d", "e", "f", "g", "h"),
                "a>e", "a>h", "b>f", "c>e", "c>g", "d>f", "d>h", "e>g");
        LayeredLayout.Result r = LayeredLayout.layout(g);
        assertEquals(6, r.initialCrossings());
        assertEquals(0, r.crossings());
        assertEquals(g.vertexSet(), r.positions().keySet());
        assertEquals(g.edgeSet(), r.routes().keySet());
        assertEquals(r.positions().size(), r.positions().values().stream().collect(Collectors.toSet()).size(),
                "no two vertices share a place");
    }

    @Test
    void laysOutAnEmptyGraph() {
        LayeredLayout.Result r = LayeredLayout.layout(graph(List.of()));
        assertEquals(0, r.layers());
        assertEquals(0, r.crossings());
    }
}
