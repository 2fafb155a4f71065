package dev.redyellow.testing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maven Surefire (and Failsafe): "Tests run: 6, Failures: 1, Errors: 1, Skipped: 1". Each test class
 * prints such a line with "Time elapsed"; the "Results:" block of each module prints its total
 * without. Totals are summed over modules; the per-class lines count only when no total came (a
 * build that died before its results).
 */
final class SurefireSummary implements SummaryParser {

    private static final LinePattern COUNTS = LinePattern.containing("Tests run: ",
            "^(?:\\[\\w+] )?Tests run: (\\d+), Failures: (\\d+), Errors: (\\d+), Skipped: (\\d+)(.*)$");
    /** "[ERROR] tools.SlugTest.replacesSpaces -- Time elapsed: 0.011 s <<< FAILURE!" (older: "name(Class)  Time..."). */
    private static final LinePattern FAILED_TEST = LinePattern.startingWith("[ERROR] ",
            "^\\[ERROR] (\\S+?)(?: --|\\s{2})\\s*Time elapsed: .*<<< (?:FAILURE|ERROR)!$");

    private final FailureNames failures = new FailureNames();
    private TestTally totals;
    private TestTally perClass;
    private boolean expectMessage;

    @Override
    public String runner() {
        return "Maven Surefire";
    }

    @Override
    public void accept(String line) {
        Matcher counts = COUNTS.match(line);
        if (counts != null) {
            expectMessage = false;
            int run = Integer.parseInt(counts.group(1));
            int failed = Integer.parseInt(counts.group(2)) + Integer.parseInt(counts.group(3));
            int skipped = Integer.parseInt(counts.group(4));
            TestTally tally = new TestTally(Math.max(0, run - failed - skipped), failed, skipped, java.util.List.of());
            if (counts.group(5).contains("Time elapsed")) {
                perClass = perClass == null ? tally : perClass.plus(tally);
            } else {
                totals = totals == null ? tally : totals.plus(tally);
            }
            return;
        }
        Matcher test = FAILED_TEST.match(line);
        if (test != null) {
            failures.add(test.group(1));
            expectMessage = true;
        } else if (expectMessage) {
            // The line after the test's name is its exception: "org.opentest4j.AssertionFailedError: expected ..."
            failures.describeLatest(line);
            expectMessage = false;
        }
    }

    @Override
    public Optional<TestTally> tally() {
        TestTally counts = totals != null ? totals : perClass;
        if (counts == null) {
            return Optional.empty();
        }
        return Optional.of(new TestTally(counts.passed(), counts.failed(), counts.skipped(), failures.cases()));
    }
}
