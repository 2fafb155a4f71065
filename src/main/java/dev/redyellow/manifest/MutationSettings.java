package dev.redyellow.manifest;

import java.util.OptionalDouble;

/**
 * The manifest's {@code mutation} object: whether the mutation score of each feature's accepted code
 * is measured against its own tests once they pass (YELLOW), and the score below which the feature
 * ends FAILED with reason {@code weak-tests} (the tests are read-only, so no attempt could fix them).
 *
 * @param enabled        whether to measure at all ({@code "mutation": {}} turns it on)
 * @param minScore       the gate, from 0 to 1; empty: measure and report only
 * @param timeoutSeconds the longest one feature's measurement may take
 */
public record MutationSettings(boolean enabled, OptionalDouble minScore, int timeoutSeconds) {
    public static final int DEFAULT_TIMEOUT_SECONDS = 600;
    /** No measuring: a manifest without {@code mutation}. */
    public static final MutationSettings OFF = new MutationSettings(false, OptionalDouble.empty(), DEFAULT_TIMEOUT_SECONDS);

    public MutationSettings {
        if (minScore.isPresent() && (minScore.getAsDouble() < 0 || minScore.getAsDouble() > 1)) {
            throw new IllegalArgumentException("minScore must be from 0 to 1, was " + minScore.getAsDouble());
        }
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("timeoutSeconds must be at least 1, was " + timeoutSeconds);
        }
    }

    /** These settings with measuring on (the CLI's {@code --mutation}); a gate set here stays. */
    public MutationSettings measuring() {
        return new MutationSettings(true, minScore, timeoutSeconds);
    }

    /** Whether a score falls under the gate; never with no gate. */
    public boolean below(double score) {
        return minScore.isPresent() && score < minScore.getAsDouble();
    }
}
