package dev.redyellow.store;

import java.util.List;

/**
 * A feature as it ended in a run, with its attempts and transitions in order.
 *
 * @param state    a state name (GREEN, FAILED, ...)
 * @param attempts how many attempts it took (the report's number; {@code attemptLog} has the details)
 */
public record FeatureRecord(String id, String state, String reason, int attempts, int testRuns, int cacheHits,
                            double seconds, List<AttemptSummary> attemptLog, List<TransitionRecord> transitions) {
    public FeatureRecord {
        reason = reason == null ? "" : reason;
        attemptLog = List.copyOf(attemptLog);
        transitions = List.copyOf(transitions);
    }
}
