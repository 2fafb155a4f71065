package dev.redyellow.run;

import dev.redyellow.graph.DependencyEdge;
import dev.redyellow.store.DiscoveryStore;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the runs of one manifest remember about its dependencies between runs: the edges found
 * while running, and the paths each feature's accepted code wrote (so a name a later run misses
 * is known to be that feature's even when no attempt is known up front).
 */
public interface DiscoveryMemory {

    /** The edges earlier runs discovered, as {@link dev.redyellow.graph.EdgeKind#DISCOVERED} edges. */
    List<DependencyEdge> edges();

    /** Per feature, the paths its accepted code wrote in earlier runs. */
    Map<String, Set<String>> acceptedPaths();

    void rememberEdge(DependencyEdge edge);

    void rememberAccepted(String feature, Collection<String> paths);

    /**
     * The edges inference gave for features whose {@link dev.redyellow.graph.InferenceKey} is {@code key},
     * if an earlier run kept them (as {@link dev.redyellow.graph.EdgeKind#INFERRED} edges).
     */
    default java.util.Optional<List<DependencyEdge>> inferred(String key) {
        return java.util.Optional.empty();
    }

    /** Keeps the edges inference gave for the features whose key is {@code key}. */
    default void rememberInferred(String key, List<DependencyEdge> edges) {
    }

    /** Remembers nothing (a run without the RedYellow file, e.g. {@code --no-cache}). */
    DiscoveryMemory NONE = new DiscoveryMemory() {
        @Override
        public List<DependencyEdge> edges() {
            return List.of();
        }

        @Override
        public Map<String, Set<String>> acceptedPaths() {
            return Map.of();
        }

        @Override
        public void rememberEdge(DependencyEdge edge) {
        }

        @Override
        public void rememberAccepted(String feature, Collection<String> paths) {
        }
    };

    /** The memory of the manifest named {@code manifestName} in the RedYellow file. */
    static DiscoveryMemory stored(DiscoveryStore store, String manifestName, Clock clock) {
        return new DiscoveryMemory() {
            @Override
            public List<DependencyEdge> edges() {
                return store.edges(manifestName).stream()
                        .map(e -> DependencyEdge.discovered(e.dependency(), e.dependent(), e.reason())).toList();
            }

            @Override
            public Map<String, Set<String>> acceptedPaths() {
                return store.acceptedPaths(manifestName);
            }

            @Override
            public void rememberEdge(DependencyEdge edge) {
                store.rememberEdge(manifestName, new DiscoveryStore.StoredEdge(edge.dependency(), edge.dependent(),
                        edge.reason()), clock.instant());
            }

            @Override
            public void rememberAccepted(String feature, Collection<String> paths) {
                store.rememberAccepted(manifestName, feature, paths);
            }

            @Override
            public java.util.Optional<List<DependencyEdge>> inferred(String key) {
                return store.inferred(key, clock.instant()).map(edges -> edges.stream()
                        .map(e -> new DependencyEdge(e.dependency(), e.dependent(),
                                dev.redyellow.graph.EdgeKind.INFERRED, e.reason())).toList());
            }

            @Override
            public void rememberInferred(String key, List<DependencyEdge> edges) {
                store.rememberInferred(key, edges.stream().map(e -> new DiscoveryStore.StoredEdge(e.dependency(),
                        e.dependent(), e.reason())).toList(), clock.instant());
            }
        };
    }
}
