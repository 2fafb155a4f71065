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
 * @param maxMutantsPerClass the most mutants measured per class (PIT's CLASSLIMIT, an evenly spread
 *                       sample of the class's mutants); 0 measures every mutant
 */
public record MutationSettings(boolean enabled, OptionalDouble minScore, int timeoutSeconds, int maxMutantsPerClass) {
    public static final int DEFAULT_TIMEOUT_SECONDS = 600;
    /**
     * A class with more mutants than this is measured on an evenly spread sample of them. Measured on
     * bench mutation (Apache Commons): the wall of the run is set by its largest class (DoubleMetaphone:
     * 583 mutants, about 10 minutes), while most classes have fewer than 100 mutants and are unaffected.
     */
    public static final int DEFAULT_MAX_MUTANTS_PER_CLASS = 100;
    /** No measuring: a manifest without {@code mutation}. */
    public static final MutationSettings OFF = new MutationSettings(false, OptionalDouble.empty(), DEFAULT_TIMEOUT_SECONDS);

    /** Settings with the default sample size. */
    public MutationSettings(boolean enabled, OptionalDouble minScore, int timeoutSeconds) {
        this(enabled, minScore, timeoutSeconds, DEFAULT_MAX_MUTANTS_PER_CLASS);
    }

    public MutationSettings {
        if (minScore.isPresent() && (minScore.getAsDouble() < 0 || minScore.getAsDouble() > 1)) {
            throw new IllegalArgumentException("minScore must be from 0 to 1, was " + minScore.getAsDouble());
        }
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("timeoutSeconds must be at least 1, was " + timeoutSeconds);
        }
        if (maxMutantsPerClass < 0) {
            throw new IllegalArgumentException("maxMutantsPerClass must be 0 (every mutant) or more, was "
                    + maxMutantsPerClass);
        }
    }

    /** These settings with measuring on (the CLI's {@code --mutation}); a gate set here stays. */
    public MutationSettings measuring() {
        return new MutationSettings(true, minScore, timeoutSeconds, maxMutantsPerClass);
    }

    /** These settings with another cap on the mutants measured per class (0: every mutant). */
    public MutationSettings withMaxMutantsPerClass(int max) {
        return new MutationSettings(enabled, minScore, timeoutSeconds, max);
    }

    /** Whether a score falls under the gate; never with no gate. */
    public boolean below(double score) {
        return minScore.isPresent() && score < minScore.getAsDouble();
    }
}
