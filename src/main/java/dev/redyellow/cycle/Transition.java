package dev.redyellow.cycle;

import java.time.Instant;
import java.util.Objects;

/** One recorded move of a feature from one state to another, with when and why. */
public record Transition(String featureId, FeatureState from, FeatureState to, Instant at, String reason) {
    public Transition {
        Objects.requireNonNull(featureId);
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        Objects.requireNonNull(at);
        Objects.requireNonNull(reason);
    }
}
