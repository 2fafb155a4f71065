package dev.redyellow.graph;

import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.Manifest;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The features of a manifest and the edges between them, from dependency to dependent: the
 * explicit {@code dependsOn} edges and, when the manifest asks for it, the inferred ones. Immutable;
 * every ordering it returns is deterministic, ties broken by manifest order.
 */
public final class FeatureGraph {

    /** The estimate for a feature no earlier run has timed. */
    public static final double DEFAULT_ESTIMATE_SECONDS = 10.0;

    private final Graph<String, DependencyEdge> graph;
    private final List<String> ids;
    private final Map<String, Integer> manifestIndex;
    private final List<DependencyEdge> edges;
    private final List<GraphWarning> warnings;
    private final List<String> topologicalOrder;
    private final Map<String, Integer> levelOf;

    private FeatureGraph(List<String> ids, Graph<String, DependencyEdge> graph, List<DependencyEdge> edges,
                         List<GraphWarning> warnings) {
        this.ids = List.copyOf(ids);
        this.graph = new AsUnmodifiableGraph<>(graph);
        this.edges = List.copyOf(edges);
        this.warnings = List.copyOf(warnings);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        this.manifestIndex = Map.copyOf(index);
        List<String> order = new ArrayList<>();
        new TopologicalOrderIterator<>(graph, Comparator.comparing(manifestIndex::get)).forEachRemaining(order::add);
        this.topologicalOrder = List.copyOf(order);
        Map<String, Integer> levels = new HashMap<>();
        for (String id : topologicalOrder) {
            levels.put(id, dependenciesOf(id).stream().mapToInt(d -> levels.get(d) + 1).max().orElse(0));
        }
        this.levelOf = Map.copyOf(levels);
    }

    /**
     * Builds the graph of {@code manifest}. Inferred edges that duplicate an edge are skipped; those
     * that would close a cycle are dropped and reported in {@link #warnings()}.
     *
     * @throws IllegalArgumentException on a duplicate id, an unknown dependency or a cycle of
     *                                  explicit edges (the loader rejects these first; this is a defence)
     */
    public static FeatureGraph of(Manifest manifest) {
        return of(manifest, List.of());
    }

    /**
     * Builds the graph of {@code manifest} with the edges earlier runs discovered ({@link
     * EdgeKind#DISCOVERED}) added after the inferred ones. A remembered edge naming a feature the
     * manifest no longer has is ignored; one that duplicates an edge is skipped; one that would close
     * a cycle is dropped and reported in {@link #warnings()}.
     */
    public static FeatureGraph of(Manifest manifest, List<DependencyEdge> remembered) {
        return of(manifest, remembered, () -> new DependencyInference(manifest).inferredEdges());
    }

    /**
     * As {@link #of(Manifest, List)}, with the inferred edges from {@code inferred} (asked only when the
     * manifest infers): what {@link DependencyInference} gives, or what an earlier run kept of it.
     */
    public static FeatureGraph of(Manifest manifest, List<DependencyEdge> remembered,
                                  java.util.function.Supplier<List<DependencyEdge>> inferred) {
        Graph<String, DependencyEdge> graph = new SimpleDirectedGraph<>(DependencyEdge.class);
        List<String> ids = new ArrayList<>();
        for (Feature feature : manifest.features()) {
            if (!graph.addVertex(feature.id())) {
                throw new IllegalArgumentException("duplicate feature id " + feature.id());
            }
            ids.add(feature.id());
        }
        List<DependencyEdge> edges = new ArrayList<>();
        for (Feature feature : manifest.features()) {
            for (String dependency : feature.dependsOn()) {
                if (!graph.containsVertex(dependency)) {
                    throw new IllegalArgumentException(
                            "feature " + feature.id() + " depends on unknown feature " + dependency);
                }
                if (graph.containsEdge(dependency, feature.id())) {
                    continue;
                }
                Optional<String> cycle = cycleClosedBy(graph, dependency, feature.id());
                if (cycle.isPresent()) {
                    throw new IllegalArgumentException("dependency cycle: " + cycle.get());
                }
                add(graph, edges, DependencyEdge.explicit(dependency, feature.id()));
            }
        }
        List<GraphWarning> warnings = new ArrayList<>();
        if (manifest.inferDependencies()) {
            for (DependencyEdge edge : inferred.get()) {
                if (graph.containsEdge(edge.dependency(), edge.dependent())) {
                    continue;
                }
                Optional<String> cycle = cycleClosedBy(graph, edge.dependency(), edge.dependent());
                if (cycle.isPresent()) {
                    warnings.add(new GraphWarning("inferred dependency dropped: " + edge.dependent() + " depends on "
                            + edge.dependency() + " (" + edge.reason() + ") would close the cycle " + cycle.get()));
                } else {
                    add(graph, edges, edge);
                }
            }
        }
        for (DependencyEdge edge : remembered) {
            if (!graph.containsVertex(edge.dependency()) || !graph.containsVertex(edge.dependent())
                    || graph.containsEdge(edge.dependency(), edge.dependent())) {
                continue;
            }
            Optional<String> cycle = cycleClosedBy(graph, edge.dependency(), edge.dependent());
            if (cycle.isPresent()) {
                warnings.add(new GraphWarning("remembered dependency dropped: " + edge.dependent() + " depends on "
                        + edge.dependency() + " (" + edge.reason() + ") would close the cycle " + cycle.get()));
            } else {
                add(graph, edges, edge);
            }
        }
        return new FeatureGraph(ids, graph, edges, warnings);
    }

    /**
     * This graph with one more edge; the graph itself is unchanged. An edge between the same two
     * features is not added twice (the result is this graph).
     *
     * @throws IllegalArgumentException when the edge would close a cycle (check {@link #cycleIfAdded})
     */
    public FeatureGraph plus(DependencyEdge edge) {
        requireKnown(edge.dependency());
        requireKnown(edge.dependent());
        if (graph.containsEdge(edge.dependency(), edge.dependent())) {
            return this;
        }
        cycleIfAdded(edge.dependency(), edge.dependent()).ifPresent(cycle -> {
            throw new IllegalArgumentException("dependency cycle: " + cycle);
        });
        Graph<String, DependencyEdge> copy = new SimpleDirectedGraph<>(DependencyEdge.class);
        ids.forEach(copy::addVertex);
        edges.forEach(e -> copy.addEdge(e.dependency(), e.dependent(), e));
        List<DependencyEdge> more = new ArrayList<>(edges);
        add(copy, more, edge);
        return new FeatureGraph(ids, copy, more, warnings);
    }

    /**
     * The cycle an edge making {@code dependent} depend on {@code dependency} would close, written
     * {@code a -> b -> a} where {@code x -> y} reads "x depends on y"; empty when it closes none.
     */
    public Optional<String> cycleIfAdded(String dependency, String dependent) {
        requireKnown(dependency);
        requireKnown(dependent);
        return cycleClosedBy(graph, dependency, dependent);
    }

    private static void add(Graph<String, DependencyEdge> graph, List<DependencyEdge> edges, DependencyEdge edge) {
        graph.addEdge(edge.dependency(), edge.dependent(), edge);
        edges.add(edge);
    }

    /**
     * The cycle that an edge from {@code dependency} to {@code dependent} would close, written
     * {@code a -> b -> a} where {@code x -> y} reads "x depends on y"; empty when there is none.
     */
    private static Optional<String> cycleClosedBy(Graph<String, DependencyEdge> graph, String dependency,
                                                  String dependent) {
        if (dependency.equals(dependent)) {
            return Optional.of(dependent + " -> " + dependent);
        }
        GraphPath<String, DependencyEdge> path = BFSShortestPath.findPathBetween(graph, dependent, dependency);
        if (path == null) {
            return Optional.empty();
        }
        // The path runs dependent ~> dependency along dependency->dependent edges, so read backwards
        // it is the chain by which `dependency` already depends on `dependent`.
        List<String> cycle = new ArrayList<>(path.getVertexList());
        Collections.reverse(cycle);
        cycle.add(0, dependent);
        return Optional.of(String.join(" -> ", cycle));
    }

    /** The feature ids in manifest order. */
    public List<String> ids() {
        return ids;
    }

    /** A read-only view of the underlying JGraphT graph (for layout and drawing). */
    public Graph<String, DependencyEdge> graph() {
        return graph;
    }

    /**
     * Explicit edges (manifest order) first, then the inferred ones that were kept, in the order found,
     * then the discovered ones (remembered, then found during this run).
     */
    public List<DependencyEdge> edges() {
        return edges;
    }

    public Optional<DependencyEdge> edge(String dependency, String dependent) {
        requireKnown(dependency);
        requireKnown(dependent);
        return Optional.ofNullable(graph.getEdge(dependency, dependent));
    }

    public List<GraphWarning> warnings() {
        return warnings;
    }

    /** Every feature after all its dependencies; among features ready at once, manifest order. */
    public List<String> topologicalOrder() {
        return topologicalOrder;
    }

    /** The features {@code id} depends on directly, in manifest order. */
    public Set<String> dependenciesOf(String id) {
        requireKnown(id);
        return byManifestOrder(graph.incomingEdgesOf(id).stream().map(DependencyEdge::dependency).toList());
    }

    /** The features that depend directly on {@code id}, in manifest order. */
    public Set<String> dependentsOf(String id) {
        requireKnown(id);
        return byManifestOrder(graph.outgoingEdgesOf(id).stream().map(DependencyEdge::dependent).toList());
    }

    /** Everything {@code id} depends on, directly or not, in topological order. */
    public List<String> transitiveDependenciesOf(String id) {
        Set<String> reached = reach(id, this::dependenciesOf);
        return topologicalOrder.stream().filter(reached::contains).toList();
    }

    /** Everything that depends on {@code id}, directly or not, in topological order. */
    public Set<String> transitiveDependentsOf(String id) {
        Set<String> reached = reach(id, this::dependentsOf);
        Set<String> ordered = new LinkedHashSet<>();
        topologicalOrder.stream().filter(reached::contains).forEach(ordered::add);
        return Collections.unmodifiableSet(ordered);
    }

    /**
     * The features by level, each level in manifest order: level 0 has no dependencies, any other
     * feature's level is one more than the highest level among its dependencies.
     */
    public List<List<String>> levels() {
        int depth = levelOf.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        List<List<String>> levels = new ArrayList<>();
        for (int level = 0; level < depth; level++) {
            int wanted = level;
            levels.add(ids.stream().filter(id -> levelOf.get(id) == wanted).toList());
        }
        return List.copyOf(levels);
    }

    /** The level of {@code id} as in {@link #levels()}. */
    public int levelOf(String id) {
        requireKnown(id);
        return levelOf.get(id);
    }

    /**
     * The dependency chain with the largest summed estimate. Ties go to the chain met first in
     * topological order, and within a chain to the dependency first in manifest order.
     */
    public CriticalPath criticalPath(ToDoubleFunction<String> estimateSeconds) {
        Map<String, Double> estimates = estimates(estimateSeconds);
        Map<String, Double> finish = new HashMap<>();
        Map<String, String> previous = new HashMap<>();
        String last = null;
        for (String id : topologicalOrder) {
            String before = null;
            for (String dependency : dependenciesOf(id)) {
                if (before == null || finish.get(dependency) > finish.get(before)) {
                    before = dependency;
                }
            }
            finish.put(id, estimates.get(id) + (before == null ? 0.0 : finish.get(before)));
            previous.put(id, before);
            if (last == null || finish.get(id) > finish.get(last)) {
                last = id;
            }
        }
        if (last == null) {
            return new CriticalPath(List.of(), 0.0);
        }
        List<String> path = new ArrayList<>();
        for (String id = last; id != null; id = previous.get(id)) {
            path.add(0, id);
        }
        return new CriticalPath(path, finish.get(last));
    }

    /**
     * For each feature (manifest order): its own estimate plus the largest summed estimate of a chain
     * of dependents after it, i.e. how long the run lasts at least once it starts. The scheduler
     * starts the ready feature with the largest value first.
     */
    public Map<String, Double> remainingPathSeconds(ToDoubleFunction<String> estimateSeconds) {
        Map<String, Double> estimates = estimates(estimateSeconds);
        Map<String, Double> remaining = new HashMap<>();
        for (int i = topologicalOrder.size() - 1; i >= 0; i--) {
            String id = topologicalOrder.get(i);
            double after = dependentsOf(id).stream().mapToDouble(remaining::get).max().orElse(0.0);
            remaining.put(id, estimates.get(id) + after);
        }
        Map<String, Double> inManifestOrder = new LinkedHashMap<>();
        ids.forEach(id -> inManifestOrder.put(id, remaining.get(id)));
        return Collections.unmodifiableMap(inManifestOrder);
    }

    private Map<String, Double> estimates(ToDoubleFunction<String> estimateSeconds) {
        Map<String, Double> estimates = new HashMap<>();
        for (String id : ids) {
            double seconds = estimateSeconds.applyAsDouble(id);
            if (!Double.isFinite(seconds) || seconds < 0) {
                throw new IllegalArgumentException("the estimate for " + id + " must be a finite number of seconds >= 0, was " + seconds);
            }
            estimates.put(id, seconds);
        }
        return estimates;
    }

    private Set<String> reach(String start, Function<String, Set<String>> next) {
        requireKnown(start);
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(next.apply(start));
        while (!pending.isEmpty()) {
            String id = pending.pop();
            if (reached.add(id)) {
                pending.addAll(next.apply(id));
            }
        }
        return reached;
    }

    private Set<String> byManifestOrder(List<String> unordered) {
        Set<String> ordered = new LinkedHashSet<>();
        unordered.stream().sorted(Comparator.comparing(manifestIndex::get)).forEach(ordered::add);
        return Collections.unmodifiableSet(ordered);
    }

    private void requireKnown(String id) {
        if (!manifestIndex.containsKey(id)) {
            throw new IllegalArgumentException("unknown feature " + id);
        }
    }

    @Override
    public String toString() {
        return "FeatureGraph" + ids + " with " + edges.size() + " edges";
    }
}
