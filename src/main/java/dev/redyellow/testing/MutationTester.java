package dev.redyellow.testing;

/**
 * Measures how many mutants of a feature's code its tests kill. Thread-safe, like {@link TestRunner};
 * an interrupt kills the tool's processes and ends the call with {@link InterruptedException}.
 */
public interface MutationTester {

    MutationResult measure(MutationRequest request) throws InterruptedException;
}
