package dev.redyellow.testing;

/**
 * How long one junit run spent compiling and testing, for benchmarks and the report. A run that did
 * not get to its tests has a test time of 0.
 */
public record PhaseTimes(long compileMillis, long testMillis) {

    /** Receives every run's phase times, on the worker's thread. */
    @FunctionalInterface
    public interface Listener {
        void ran(PhaseTimes times);

        Listener NONE = times -> { };
    }
}
