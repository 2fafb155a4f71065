package dev.redyellow.run;

import dev.redyellow.graph.DependencyEdge;
import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.cycle.Transition;

/**
 * Progress of a run as events, delivered on the engine's worker threads: implementations must be
 * thread-safe and quick (the UI batches them onto its own thread).
 */
public interface RunListener {

    /** A feature changed state. */
    default void transition(Transition transition) {
    }

    /** A feature started on a worker (1-based). */
    default void featureStarted(String featureId, int worker) {
    }

    /** A feature reached a terminal state. */
    default void featureFinished(FeatureOutcome outcome) {
    }

    /** An edge was found while running (a feature needs another feature's code); it is in the graph now. */
    default void edgeDiscovered(DependencyEdge edge) {
    }

    RunListener NONE = new RunListener() {
    };
}
