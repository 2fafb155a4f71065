package dev.redyellow.testing;

import dev.redyellow.manifest.TestSettings;

/**
 * Runs a feature's tests on a workspace. Implementations are thread-safe: several workers call
 * {@link #run} at once on different workspaces. An interrupt kills the runner's process tree and
 * ends the call with {@link InterruptedException}.
 */
public interface TestRunner {

    TestResult run(TestRequest request) throws InterruptedException;

    /**
     * The settings this runner really runs a request with: a runner may override part of them (a
     * fork mode forced for the whole run), and the test cache must key on what runs.
     */
    default TestSettings effectiveSettings(TestSettings settings) {
        return settings;
    }
}
