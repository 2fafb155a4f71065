package dev.redyellow.cycle;

/** A bug in the conductor: it tried a move that SPEC section 1 forbids. */
public final class IllegalTransitionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public IllegalTransitionException(String featureId, FeatureState from, FeatureState to) {
        super("illegal transition of " + featureId + ": " + from + " -> " + to);
    }
}
