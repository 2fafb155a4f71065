package dev.redyellow.testing;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The result of one run of a feature's tests on one workspace.
 *
 * @param detail     a human explanation: compiler diagnostics, the error, or "" when passed
 * @param outputTail the last part of the runner's output (bounded)
 */
public record TestResult(TestOutcome outcome, int passed, int failed, int skipped, List<TestCase> cases,
                         long durationMillis, String detail, String outputTail) {
    public TestResult {
        cases = List.copyOf(cases);
        detail = detail == null ? "" : detail;
        outputTail = outputTail == null ? "" : outputTail;
        if (outcome == TestOutcome.PASSED && (passed < 1 || failed > 0)) {
            throw new IllegalArgumentException("a passing run needs at least one passed test and no failure");
        }
    }

    public int executed() {
        return passed + failed;
    }

    /** The failed test cases. */
    public List<TestCase> failures() {
        return cases.stream().filter(c -> c.status() == TestCase.Status.FAILED).toList();
    }

    /**
     * What identifies this failure for stagnation detection: the outcome and the sorted failing test
     * names with their messages (or the detail when no test ran).
     */
    public String failureSignature() {
        if (outcome == TestOutcome.PASSED) {
            return "";
        }
        String failing = failures().stream().map(c -> c.name() + ": " + c.message()).sorted()
                .collect(Collectors.joining("\n"));
        return outcome + "\n" + (failing.isEmpty() ? detail : failing);
    }
}
