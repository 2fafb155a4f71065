package dev.redyellow.graph;

import java.util.Objects;

/** Something about the graph the user should know but that does not stop a run, e.g. a dropped inferred edge. */
public record GraphWarning(String message) {
    public GraphWarning {
        Objects.requireNonNull(message);
    }

    @Override
    public String toString() {
        return message;
    }
}
