package dev.redyellow.testing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JUnit Platform console launcher: "[ 5 tests successful ]" / "[ 1 tests failed ]" boxes, and
 * the "Failures (N):" section naming each test as {@code Engine:Class:method()} with a "=> message".
 */
final class JUnitConsoleSummary implements SummaryParser {

    private static final LinePattern COUNT = LinePattern.containing(" tests ", "^\\[\\s*(\\d+) tests (successful|failed|skipped|aborted)\\s*]$");
    private static final LinePattern FAILURES_HEADER = LinePattern.startingWith("Failures (", "^Failures \\(\\d+\\):$");
    private static final LinePattern FAILED_TEST = LinePattern.startingWith("  ", "^  ([^\\s:][^:]*):(.+)$");
    private static final LinePattern MESSAGE = LinePattern.containing("=> ", "^\\s+=> (.+)$");

    private final FailureNames failures = new FailureNames();
    private boolean inFailures;
    private boolean seen;
    private int passed;
    private int failed;
    private int skipped;

    @Override
    public String runner() {
        return "JUnit console launcher";
    }

    @Override
    public void accept(String line) {
        Matcher count = COUNT.match(line);
        if (count != null) {
            seen = true;
            int n = Integer.parseInt(count.group(1));
            switch (count.group(2)) {
                case "successful" -> passed += n;
                case "failed" -> failed += n;
                default -> skipped += n; // skipped, and aborted (an assumption did not hold)
            }
            return;
        }
        if (FAILURES_HEADER.matches(line)) {
            inFailures = true;
        } else if (line.startsWith("Test run finished")) {
            inFailures = false;
        } else if (inFailures) {
            Matcher test = FAILED_TEST.match(line);
            Matcher message = MESSAGE.match(line);
            if (test != null) {
                // "JUnit Jupiter:SlugTest:replacesSpaces()": the engine, then the path to the test.
                failures.add(test.group(2).replace(':', '.'));
            } else if (message != null) {
                failures.describeLatest(message.group(1));
            }
        }
    }

    @Override
    public Optional<TestTally> tally() {
        return seen ? Optional.of(new TestTally(passed, failed, skipped, failures.cases())) : Optional.empty();
    }
}
