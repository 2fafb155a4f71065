package dev.redyellow.store;

/**
 * One recorded attempt of a feature in a run.
 *
 * @param outcome the test outcome name (PASSED, FAILED, ...)
 * @param cached  whether the result came from the test cache
 */
public record AttemptSummary(int number, String outcome, int passed, int failed, double seconds, boolean cached) {
}
