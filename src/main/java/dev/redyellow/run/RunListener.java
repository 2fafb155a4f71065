package dev.redyellow.run;

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

    RunListener NONE = new RunListener() {
    };
}
