package dev.redyellow.testing;

/**
 * Runs a feature's tests on a workspace. Implementations are thread-safe: several workers call
 * {@link #run} at once on different workspaces. An interrupt kills the runner's process tree and
 * ends the call with {@link InterruptedException}.
 */
public interface TestRunner {

    TestResult run(TestRequest request) throws InterruptedException;
}
