package dev.redyellow.cycle;

import dev.redyellow.exec.OutputSink;

/**
 * Gives the output sink for one step of a feature: the RED proof ({@code attempt} 0) or attempt n,
 * and what runs in it ("test", "implement", "review"). The run routes it to log files and viewers.
 */
@FunctionalInterface
public interface StepOutput {

    OutputSink open(String featureId, int attempt, String step);

    /** A one-line account of what a feature is doing now ("attempt 2: running the tests"). */
    default void progress(String featureId, int attempt, String line) {
    }

    StepOutput DISCARD = (featureId, attempt, step) -> OutputSink.DISCARD;
}
