package dev.redyellow.cycle;

import dev.redyellow.store.StoredFiles;
import dev.redyellow.testing.MutationResult;
import dev.redyellow.testing.TestResult;
import java.util.List;
import java.util.Optional;

/**
 * How one feature's cycle ended.
 *
 * @param attempts      attempts made (implementer calls)
 * @param testRuns      test runs made, the RED proof included
 * @param cacheHits     test runs answered from the cache
 * @param seconds       time from the feature's start to its end (0 if it never started)
 * @param lastResult    the last test result, if any test ran
 * @param acceptedFiles the accepted attempt's files when GREEN, else empty (in the run's code store)
 * @param history       every attempt, in order
 * @param mutation      the mutation score of the passing attempt's code, when it was measured
 */
public record FeatureOutcome(String id, FeatureState state, String reason, int attempts, int testRuns,
                             int cacheHits, double seconds, Optional<TestResult> lastResult,
                             List<Transition> transitions, StoredFiles acceptedFiles, List<AttemptRecord> history,
                             Optional<MutationResult> mutation) {
    public FeatureOutcome {
        transitions = List.copyOf(transitions);
        history = List.copyOf(history);
        mutation = mutation == null ? Optional.empty() : mutation;
    }

    /** An outcome without a mutation score. */
    public FeatureOutcome(String id, FeatureState state, String reason, int attempts, int testRuns,
                          int cacheHits, double seconds, Optional<TestResult> lastResult,
                          List<Transition> transitions, StoredFiles acceptedFiles, List<AttemptRecord> history) {
        this(id, state, reason, attempts, testRuns, cacheHits, seconds, lastResult, transitions, acceptedFiles, history,
                Optional.empty());
    }

    /** This outcome with the number of test runs the cache answered. */
    public FeatureOutcome withCacheHits(int hits) {
        return new FeatureOutcome(id, state, reason, attempts, testRuns, hits, seconds, lastResult, transitions,
                acceptedFiles, history, mutation);
    }

    public boolean green() {
        return state == FeatureState.GREEN;
    }
}
