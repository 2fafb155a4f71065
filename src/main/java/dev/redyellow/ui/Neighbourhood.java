package dev.redyellow.ui;

import dev.redyellow.graph.DependencyEdge;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import org.jgrapht.Graph;

/** What Focus shows: a feature with everything it needs (transitively) and everything that needs it. */
final class Neighbourhood {

    private Neighbourhood() {
    }

    static Set<String> of(Graph<String, DependencyEdge> graph, String id) {
        Set<String> result = new LinkedHashSet<>();
        if (!graph.containsVertex(id)) {
            return result;
        }
        result.add(id);
        walk(graph, id, result, true);
        walk(graph, id, result, false);
        return result;
    }

    /** Adds what {@code id} reaches upstream (its dependencies) or downstream (its dependents). */
    private static void walk(Graph<String, DependencyEdge> graph, String id, Set<String> into, boolean up) {
        Function<DependencyEdge, String> far = up ? DependencyEdge::dependency : DependencyEdge::dependent;
        Deque<String> todo = new ArrayDeque<>();
        todo.add(id);
        Set<String> seen = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            String v = todo.poll();
            for (DependencyEdge e : graph.edgesOf(v)) {
                boolean leads = up ? e.dependent().equals(v) : e.dependency().equals(v);
                String next = far.apply(e);
                if (leads && seen.add(next)) {
                    into.add(next);
                    todo.add(next);
                }
            }
        }
    }
}
