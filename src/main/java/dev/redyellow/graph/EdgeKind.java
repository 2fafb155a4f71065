package dev.redyellow.graph;

/** Where a dependency edge came from. */
public enum EdgeKind {
    /** Declared in the manifest's {@code dependsOn}. */
    EXPLICIT,
    /** Found by {@link DependencyInference} in a feature's test sources; shown dashed. */
    INFERRED
}
