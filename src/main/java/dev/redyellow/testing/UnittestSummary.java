package dev.redyellow.testing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python unittest: "Ran 5 tests in 0.001s" followed by "OK", "OK (skipped=1)" or
 * "FAILED (failures=1, errors=1, skipped=1)"; failing tests are named by "FAIL: test (module.Class.test)"
 * and "ERROR: ..." headers, and their message is the last line of the traceback that follows.
 */
final class UnittestSummary implements SummaryParser {

    private static final LinePattern RAN = LinePattern.startingWith("Ran ", "^Ran (\\d+) tests? in \\d+(?:\\.\\d+)?s$");
    private static final LinePattern VERDICT = LinePattern.startingWithAny(List.of("OK", "FAILED"), "^(OK|FAILED)(?: \\((.*)\\))?$");
    private static final Pattern ITEM = Pattern.compile("([a-z ]+)=(\\d+)");
    private static final LinePattern FAILED_TEST = LinePattern.startingWithAny(List.of("FAIL: ", "ERROR: "), "^(?:FAIL|ERROR): (\\S+) \\((\\S+)\\)$");

    /**
     * The fixtures of a class or module that unittest reports as errors ("ERROR: setUpClass (m.C)"): no
     * test, and not among the tests "Ran" counts, so not a failed test either (SPEC: a crash proves no RED).
     */
    private static final java.util.Set<String> FIXTURES = java.util.Set.of("setUpClass", "tearDownClass", "setUpModule",
            "tearDownModule");

    private final FailureNames failures = new FailureNames();
    private int fixtureErrors;
    private TestTally totals;
    private Integer ran;
    private boolean inTraceback;

    @Override
    public String runner() {
        return "python unittest";
    }

    @Override
    public void accept(String line) {
        Matcher ranLine = RAN.match(line);
        if (ranLine != null) {
            ran = Integer.parseInt(ranLine.group(1));
            inTraceback = false;
            return;
        }
        Matcher verdict = VERDICT.match(line);
        if (ran != null && verdict != null) {
            count(ran, verdict.group(2));
            ran = null;
            return;
        }
        Matcher test = FAILED_TEST.match(line);
        if (test != null) {
            if (line.startsWith("ERROR: ") && FIXTURES.contains(test.group(1))) {
                fixtureErrors++;
            }
            failures.add(name(test.group(1), test.group(2)));
            inTraceback = false;
        } else if (line.startsWith("Traceback (most recent call last)")) {
            inTraceback = true;
        } else if (inTraceback && !line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
            // The first unindented line after the frames is the exception: "AssertionError: 1 != 2".
            failures.describeLatest(line);
            inTraceback = false;
        }
    }

    /** Python 3.11 writes "(module.Class.method)", older versions "(module.Class)". */
    private static String name(String method, String qualified) {
        return qualified.endsWith("." + method) ? qualified : qualified + "." + method;
    }

    private void count(int run, String items) {
        int failed = 0;
        int skipped = 0;
        if (items != null) {
            Matcher item = ITEM.matcher(items);
            while (item.find()) {
                int n = Integer.parseInt(item.group(2));
                switch (item.group(1).strip()) {
                    case "failures", "errors", "unexpected successes" -> failed += n;
                    case "skipped", "expected failures" -> skipped += n;
                    default -> { }
                }
            }
        }
        failed = Math.max(0, failed - fixtureErrors); // named above the summary they belong to
        fixtureErrors = 0;
        TestTally tally = new TestTally(Math.max(0, run - failed - skipped), failed, skipped, java.util.List.of());
        totals = totals == null ? tally : totals.plus(tally);
    }

    @Override
    public Optional<TestTally> tally() {
        return Optional.ofNullable(totals)
                .map(c -> new TestTally(c.passed(), c.failed(), c.skipped(), failures.cases()));
    }
}
