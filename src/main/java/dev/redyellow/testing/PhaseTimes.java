package dev.redyellow.testing;

/**
 * How long one junit run spent compiling and testing, for benchmarks and the report.
 *
 * @param tested whether the run got to its tests (it did not when the sources did not compile)
 */
public record PhaseTimes(long compileMillis, long testMillis, boolean tested) {

    /** A run that stopped after compiling. */
    public static PhaseTimes compiledOnly(long compileMillis) {
        return new PhaseTimes(compileMillis, 0, false);
    }

    /** Receives every run's phase times, on the worker's thread. */
    @FunctionalInterface
    public interface Listener {
        void ran(PhaseTimes times);

        Listener NONE = times -> { };
    }
}
