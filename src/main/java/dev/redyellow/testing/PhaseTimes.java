package dev.redyellow.testing;

/**
 * How long one junit run spent compiling and testing, for benchmarks and the report.
 *
 * @param tested     whether the run got to its tests (it did not when the sources did not compile)
 * @param baseShared whether only the workspace's own sources were compiled, against the base's classes
 *                   compiled once per run (issue 19); false for a whole compile
 * @param newContexts how many of the run's javac calls could have reused a javac context and got a new
 *                   one (a class path no earlier compile had, or one the reuse rule refused); 0 where
 *                   contexts are not reused
 */
public record PhaseTimes(long compileMillis, long testMillis, boolean tested, boolean baseShared, int newContexts) {

    public PhaseTimes(long compileMillis, long testMillis, boolean tested, boolean baseShared) {
        this(compileMillis, testMillis, tested, baseShared, 0);
    }

    /** The same times, the compile having made {@code count} new javac contexts. */
    public PhaseTimes withNewContexts(int count) {
        return new PhaseTimes(compileMillis, testMillis, tested, baseShared, count);
    }

    /** Times of a whole compile. */
    public PhaseTimes(long compileMillis, long testMillis, boolean tested) {
        this(compileMillis, testMillis, tested, false);
    }

    /** A run that stopped after compiling. */
    public static PhaseTimes compiledOnly(long compileMillis) {
        return new PhaseTimes(compileMillis, 0, false);
    }

    /** A run that stopped after compiling, saying how it compiled. */
    public static PhaseTimes compiledOnly(long compileMillis, boolean baseShared) {
        return new PhaseTimes(compileMillis, 0, false, baseShared);
    }

    /** Receives every run's phase times, on the worker's thread. */
    @FunctionalInterface
    public interface Listener {
        void ran(PhaseTimes times);

        Listener NONE = times -> { };
    }
}
