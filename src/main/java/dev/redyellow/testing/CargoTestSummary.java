package dev.redyellow.testing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * cargo test: one "test result: FAILED. 2 passed; 1 failed; 1 ignored; ..." line per test binary
 * (unit tests, each integration test, doc tests), summed; failing tests from "test name ... FAILED",
 * their message from the line after "panicked at".
 */
final class CargoTestSummary implements SummaryParser {

    private static final LinePattern RESULT = LinePattern.startingWith("test result: ",
            "^test result: (?:ok|FAILED)\\. (\\d+) passed; (\\d+) failed; (\\d+) ignored; (\\d+) measured;.*$");
    private static final LinePattern FAILED_TEST = LinePattern.startingWith("test ", "^test (\\S+) \\.\\.\\. FAILED$");
    private static final LinePattern OUTPUT_OF = LinePattern.startingWith("---- ", "^---- (\\S+) stdout ----$");
    private static final LinePattern PANICKED = LinePattern.startingWith("thread '", "^thread '[^']*'(?: \\(\\d+\\))? panicked at .*$");

    private final FailureNames failures = new FailureNames();
    private TestTally totals;
    private String outputOf;
    private boolean expectMessage;

    @Override
    public String runner() {
        return "cargo test";
    }

    @Override
    public void accept(String line) {
        Matcher result = RESULT.match(line);
        if (result != null) {
            TestTally tally = new TestTally(Integer.parseInt(result.group(1)), Integer.parseInt(result.group(2)),
                    Integer.parseInt(result.group(3)), java.util.List.of());
            totals = totals == null ? tally : totals.plus(tally);
            return;
        }
        Matcher test = FAILED_TEST.match(line);
        Matcher output = OUTPUT_OF.match(line);
        if (test != null) {
            failures.add(test.group(1));
        } else if (output != null) {
            outputOf = output.group(1);
        } else if (outputOf != null && PANICKED.matches(line)) {
            expectMessage = true;
        } else if (expectMessage && !line.isBlank()) {
            describe(outputOf, line);
            expectMessage = false;
            outputOf = null;
        }
    }

    /** The output blocks come after all "... FAILED" lines, so the message goes to the named test. */
    private void describe(String test, String message) {
        FailureNames described = new FailureNames();
        for (TestCase c : failures.cases()) {
            described.add(c.name());
            described.describeLatest(c.name().equals(test) && c.message().isEmpty() ? message : c.message());
        }
        failures.replaceWith(described);
    }

    @Override
    public Optional<TestTally> tally() {
        return Optional.ofNullable(totals)
                .map(c -> new TestTally(c.passed(), c.failed(), c.skipped(), failures.cases()));
    }
}
