package dev.redyellow.implement;

import dev.redyellow.testing.TestCase;
import dev.redyellow.testing.TestResult;
import java.util.stream.Collectors;

/**
 * What the previous attempt left for the next one: its test result (failing names and messages) and,
 * when the review rejected it, the reviewer's feedback.
 */
public record FailureContext(int attempt, TestResult testResult, String reviewerFeedback) {

    /** A readable account for prompts and logs. */
    public String describe() {
        StringBuilder s = new StringBuilder("Attempt ").append(attempt).append(": ");
        if (reviewerFeedback != null && !reviewerFeedback.isBlank()) {
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
