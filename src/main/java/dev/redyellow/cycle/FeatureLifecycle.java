package dev.redyellow.cycle;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The state of one feature, which only moves along the transitions of SPEC section 1. Every move is
 * recorded with its time and reason and handed to a listener. Thread-safe: the scheduler may cancel
 * a feature while its worker is moving it.
 */
public final class FeatureLifecycle {
    private final String featureId;
    private final Clock clock;
    private final Consumer<Transition> listener;
    private final List<Transition> transitions = new ArrayList<>();
    private FeatureState state = FeatureState.PENDING;
    private String reason = "";

    public FeatureLifecycle(String featureId, Clock clock, Consumer<Transition> listener) {
        this.featureId = featureId;
        this.clock = clock;
        this.listener = listener;
    }

    public String featureId() {
        return featureId;
    }

    public synchronized FeatureState state() {
        return state;
    }

    /** The reason of the last transition ("" while PENDING). */
    public synchronized String reason() {
        return reason;
    }

    public synchronized List<Transition> transitions() {
        return List.copyOf(transitions);
    }

    /**
     * Moves to {@code next}. Throws {@link IllegalTransitionException} for a move SPEC section 1
     * forbids; the state is then unchanged.
     */
    public Transition moveTo(FeatureState next, String why) {
        Transition t;
        synchronized (this) {
            if (!state.canMoveTo(next)) {
                throw new IllegalTransitionException(featureId, state, next);
            }
            t = new Transition(featureId, state, next, clock.instant(), why);
            transitions.add(t);
            state = next;
            reason = why;
        }
        listener.accept(t);
        return t;
    }

    /**
     * Changes the reason without a transition: a feature that waits for another feature's code
     * says so, and its state stays as it was (SPEC section 1). Ignored once terminal.
     */
    public synchronized void note(String why) {
        if (!state.isTerminal()) {
            reason = why;
        }
    }

    /** Cancels unless already terminal; returns whether it did. */
    public boolean cancelIfRunning(String why) {
        synchronized (this) {
            if (state.isTerminal()) {
                return false;
            }
        }
        try {
            moveTo(FeatureState.CANCELLED, why);
            return true;
        } catch (IllegalTransitionException raced) {
            return false;
        }
    }
}
