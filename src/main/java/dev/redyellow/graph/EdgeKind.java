package dev.redyellow.graph;

/** Where a dependency edge came from. */
public enum EdgeKind {
    /** Declared in the manifest's {@code dependsOn}. */
    EXPLICIT,
    /** Found by {@link DependencyInference} in a feature's tests or replayed attempts; shown dashed. */
    INFERRED,
    /**
     * Found while running: an attempt failed to compile or import because it needs code another
     * feature writes. Remembered for the next runs of the same manifest; shown dotted.
     */
    DISCOVERED;

    /** The lower-case name used in reports and {@code plan --json}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
