package dev.redyellow.testing;

/**
 * Measures how many mutants of a feature's code its tests kill. Thread-safe, like {@link TestRunner};
 * an interrupt kills the tool's processes and ends the call with {@link InterruptedException}.
 */
public interface MutationTester {

    MutationResult measure(MutationRequest request) throws InterruptedException;

    /**
     * What makes and runs the mutants of a junit request, for cache keys: another tool, or the same tool
     * run another way, may give another score. (A command request's tool is its mutation command.)
     */
    default String tool(MutationRequest request) {
        return PitestJars.VERSION;
    }
}
