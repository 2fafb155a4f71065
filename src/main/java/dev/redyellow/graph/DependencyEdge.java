package dev.redyellow.graph;

import java.util.Objects;

/**
 * An edge of the feature graph, pointing from the {@code dependency} to the {@code dependent}: the
 * dependent may start only once the dependency is GREEN.
 *
 * @param reason a sentence for people, e.g. {@code "slugify depends on normalize (dependsOn)"}
 */
public record DependencyEdge(String dependency, String dependent, EdgeKind kind, String reason) {
    public DependencyEdge {
        Objects.requireNonNull(dependency);
        Objects.requireNonNull(dependent);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(reason);
    }

    /** An edge found while running (see {@link EdgeKind#DISCOVERED}). */
    public static DependencyEdge discovered(String dependency, String dependent, String reason) {
        return new DependencyEdge(dependency, dependent, EdgeKind.DISCOVERED, reason);
    }

    static DependencyEdge explicit(String dependency, String dependent) {
        return new DependencyEdge(dependency, dependent, EdgeKind.EXPLICIT,
                dependent + " depends on " + dependency + " (dependsOn)");
    }
}
