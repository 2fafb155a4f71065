package dev.redyellow.cycle;

import java.util.EnumSet;
import java.util.Set;

/** The states of SPEC section 1 and which transitions between them are legal. */
public enum FeatureState {
    PENDING, RED, YELLOW, GREEN, FAILED, BLOCKED, CANCELLED;

    public boolean isTerminal() {
        return switch (this) {
            case GREEN, FAILED, BLOCKED, CANCELLED -> true;
            case PENDING, RED, YELLOW -> false;
        };
    }

    /** The states this one may move to; any non-terminal state may also be cancelled. */
    public Set<FeatureState> successors() {
        return switch (this) {
            case PENDING -> EnumSet.of(RED, FAILED, BLOCKED, CANCELLED);
            case RED -> EnumSet.of(RED, YELLOW, FAILED, BLOCKED, CANCELLED);
            case YELLOW -> EnumSet.of(GREEN, RED, FAILED, CANCELLED); // FAILED: weak-tests (mutation score)
            case GREEN, FAILED, BLOCKED, CANCELLED -> EnumSet.noneOf(FeatureState.class);
        };
    }

    public boolean canMoveTo(FeatureState next) {
        return successors().contains(next);
    }
}
