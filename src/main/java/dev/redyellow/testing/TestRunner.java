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
     * Runs {@code request} on a workspace that is made only when the tests must really run: a runner
     * that already knows the result for the plan's content (the test cache) answers without the
     * folder. The request names the plan's folder. By default the workspace is made and run on.
     */
    default TestResult run(TestRequest request, dev.redyellow.exec.WorkspacePlan plan)
            throws java.io.IOException, InterruptedException {
        plan.materialise();
        return run(request);
    }

    /**
     * Whether this runner already knows the result {@link #run(TestRequest, dev.redyellow.exec.WorkspacePlan)}
     * would give for the plan (the test cache has it), looked up without running anything or counting
     * it as served. By default nothing is known.
     */
    default boolean knows(TestRequest request, dev.redyellow.exec.WorkspacePlan plan) throws java.io.IOException {
        return false;
    }

    /**
     * The settings this runner really runs a request with: a runner may override part of them (a
     * fork mode forced for the whole run), and the test cache must key on what runs.
     */
    default TestSettings effectiveSettings(TestSettings settings) {
        return settings;
    }
}
