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

    private static final Pattern RESULT = Pattern.compile(
            "^test result: (?:ok|FAILED)\\. (\\d+) passed; (\\d+) failed; (\\d+) ignored; (\\d+) measured;.*$");
    private static final Pattern FAILED_TEST = Pattern.compile("^test (\\S+) \\.\\.\\. FAILED$");
    private static final Pattern OUTPUT_OF = Pattern.compile("^---- (\\S+) stdout ----$");
    private static final Pattern PANICKED = Pattern.compile("^thread '[^']*'(?: \\(\\d+\\))? panicked at .*$");

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
        Matcher result = RESULT.matcher(line);
        if (result.matches()) {
            TestTally tally = new TestTally(Integer.parseInt(result.group(1)), Integer.parseInt(result.group(2)),
                    Integer.parseInt(result.group(3)), java.util.List.of());
            totals = totals == null ? tally : totals.plus(tally);
            return;
        }
        Matcher test = FAILED_TEST.matcher(line);
        Matcher output = OUTPUT_OF.matcher(line);
        if (test.matches()) {
            failures.add(test.group(1));
        } else if (output.matches()) {
            outputOf = output.group(1);
        } else if (outputOf != null && PANICKED.matcher(line).matches()) {
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
