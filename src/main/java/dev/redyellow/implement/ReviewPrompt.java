package dev.redyellow.implement;

import dev.redyellow.testing.TestCase;

/** The text an external reviewer reads: the feature, the attempt's files and the test results. */
final class ReviewPrompt {

    private ReviewPrompt() {
    }

    static String of(ReviewRequest r) {
        StringBuilder s = new StringBuilder();
        s.append("# Review: ").append(r.feature().title()).append(" (").append(r.feature().id()).append(")\n\n");
        s.append(r.feature().description()).append("\n\n");
        s.append("Attempt ").append(r.attempt()).append(" makes all ").append(r.testResult().passed())
                .append(" tests that ran pass");
        if (r.testResult().skipped() > 0) {
            // skips the test declares or its own assumptions; none came from the attempt's code (ImplementationSkips)
            s.append("; ").append(r.testResult().skipped()).append(" skipped or aborted, which is no pass");
        }
        s.append(". Judge the code below.\n\n");
        s.append("Answer with a line `VERDICT: APPROVED` or `VERDICT: REJECTED`, then your feedback.\n\n");
        s.append("## Files of the attempt\n\n");
        for (String path : r.attemptFiles().paths()) {
            s.append("### ").append(path).append("\n\n```\n").append(r.attemptFiles().text(path)).append("\n```\n\n");
        }
        s.append("## Test results\n\n");
        for (TestCase c : r.testResult().cases()) {
            s.append("- ").append(c.status()).append(' ').append(c.name());
            if (c.status() == TestCase.Status.SKIPPED && !c.message().isBlank()) {
                s.append(": ").append(c.message().strip().lines().findFirst().orElse(""));
            }
            s.append('\n');
        }
        return s.toString();
    }
}
