package dev.redyellow.implement;

import dev.redyellow.testing.TestCase;
import dev.redyellow.testing.TestResult;
import java.util.stream.Collectors;

/**
 * What the previous attempt left for the next one: its test result (failing names and messages) and,
 * when the review rejected it, the reviewer's feedback; when it was turned away untested (it changed a
 * test or a file that governs the test runner, or gave no code), why, and the test result is the last
 * one before it; when its run was no pass although no test failed ({@code tested}: its code skipped
 * tests), why, with that run's result.
 */
public record FailureContext(int attempt, TestResult testResult, String reviewerFeedback, String rejection,
                             boolean tested) {

    public FailureContext(int attempt, TestResult testResult, String reviewerFeedback) {
        this(attempt, testResult, reviewerFeedback, null, false);
    }

    /** An attempt turned away untested, for {@code rejection}; {@code before} is the last test result before it. */
    public FailureContext(int attempt, TestResult before, String reviewerFeedback, String rejection) {
        this(attempt, before, reviewerFeedback, rejection, false);
    }

    /** An attempt whose run is no pass although no test failed in it, for {@code why}. */
    public static FailureContext noPass(int attempt, TestResult result, String why) {
        return new FailureContext(attempt, result, null, why, true);
    }

    /** A readable account for prompts and logs. */
    public String describe() {
        StringBuilder s = new StringBuilder("Attempt ").append(attempt).append(": ");
        if (rejection != null && !rejection.isBlank() && tested) {
            s.append("its tests ran, but that is no pass: ").append(rejection.strip()).append("\nThe tests: ");
        } else if (rejection != null && !rejection.isBlank()) {
            // without it, a model shown only the earlier test result would write the same files again
            s.append("it was turned away untested: ").append(rejection.strip()).append("\nThe tests, as they were before it: ");
        } else if (reviewerFeedback != null && !reviewerFeedback.isBlank()) {
            s.append("the tests passed but the review rejected it:\n").append(reviewerFeedback.strip()).append('\n');
            return s.toString();
        }
        s.append(testResult.outcome()).append(", ").append(testResult.failed()).append(" of ")
                .append(testResult.executed()).append(" tests failed\n");
        String failing = testResult.failures().stream().map(FailureContext::line).collect(Collectors.joining("\n"));
        s.append(failing.isEmpty() ? testResult.detail() : failing).append('\n');
        return s.toString();
    }

    private static String line(TestCase c) {
        return "- " + c.name() + ": " + c.message().strip();
    }
}
