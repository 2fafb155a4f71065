package dev.redyellow.testing;

/** How a test run ended, as the cycle sees it. */
public enum TestOutcome {
    /** At least one test executed and none failed. */
    PASSED,
    /** At least one test executed and at least one failed (or the command exited non-zero). */
    FAILED,
    /** The sources did not compile; no test could run. Counts as failing, never as passing. */
    COMPILE_ERROR,
    /** The run finished but executed zero tests: never a pass, never a valid RED. */
    NO_TESTS,
    /** The timeout elapsed; the process tree was killed. */
    TIMEOUT,
    /** The run could not be carried out (missing program, unreadable report, ...). */
    ERROR
}
