package dev.redyellow.testing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JUnit Platform console launcher: "[ 5 tests successful ]" / "[ 1 tests failed ]" boxes, and
 * the "Failures (N):" section naming each test as {@code Engine:Class:method()} with a "=> message".
 */
final class JUnitConsoleSummary implements SummaryParser {

    private static final Pattern COUNT = Pattern.compile("^\\[\\s*(\\d+) tests (successful|failed|skipped|aborted)\\s*]$");
    private static final Pattern FAILURES_HEADER = Pattern.compile("^Failures \\(\\d+\\):$");
    private static final Pattern FAILED_TEST = Pattern.compile("^  ([^\\s:][^:]*):(.+)$");
    private static final Pattern MESSAGE = Pattern.compile("^\\s+=> (.+)$");

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
        Matcher count = COUNT.matcher(line);
        if (count.matches()) {
            seen = true;
            int n = Integer.parseInt(count.group(1));
            switch (count.group(2)) {
                case "successful" -> passed += n;
                case "failed" -> failed += n;
                default -> skipped += n; // skipped, and aborted (an assumption did not hold)
            }
            return;
        }
        if (FAILURES_HEADER.matcher(line).matches()) {
            inFailures = true;
        } else if (line.startsWith("Test run finished")) {
            inFailures = false;
        } else if (inFailures) {
            Matcher test = FAILED_TEST.matcher(line);
            Matcher message = MESSAGE.matcher(line);
            if (test.matches()) {
                // "JUnit Jupiter:SlugTest:replacesSpaces()": the engine, then the path to the test.
                failures.add(test.group(2).replace(':', '.'));
            } else if (message.matches()) {
                failures.describeLatest(message.group(1));
            }
        }
    }

    @Override
    public Optional<TestTally> tally() {
        return seen ? Optional.of(new TestTally(passed, failed, skipped, failures.cases())) : Optional.empty();
    }
}
