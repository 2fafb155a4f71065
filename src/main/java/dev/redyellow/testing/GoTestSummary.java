package dev.redyellow.testing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * go test: "--- PASS: TestX (0.00s)" / "--- FAIL: ..." / "--- SKIP: ..." per test (every test under
 * {@code -v}, only failures otherwise), then one "ok  pkg" or "FAIL pkg" line per package. Counts
 * are taken per package: a package that printed no per-test line for its outcome still ran at least
 * one test, so it counts as one passed (ok) or one failed (FAIL, as when it did not build). Subtests
 * (indented) are not counted: their parent already is.
 */
final class GoTestSummary implements SummaryParser {

    private static final LinePattern TEST = LinePattern.startingWith("--- ", "^--- (PASS|FAIL|SKIP): (\\S+) \\([\\d.]+s\\)$");
    /** "ok  \tpkg\t0.002s", "FAIL\tpkg\t0.002s": tab-separated, ending in a time, "(cached)" or a [note]. */
    private static final String PACKAGE_RESULT = "\t(\\S+)\t((?:\\d+(?:\\.\\d+)?s|\\(cached\\)|\\[[^]]+]).*)$";
    private static final LinePattern PACKAGE_OK = LinePattern.startingWith("ok", "^ok\\s*" + PACKAGE_RESULT);
    private static final LinePattern PACKAGE_FAIL = LinePattern.startingWith("FAIL", "^FAIL" + PACKAGE_RESULT);

    private final FailureNames failures = new FailureNames();
    private boolean seen;
    private int passed;
    private int failed;
    private int skipped;
    private int packagePassed;
    private int packageFailed;
    private boolean expectMessage;

    @Override
    public String runner() {
        return "go test";
    }

    @Override
    public void accept(String line) {
        Matcher test = TEST.match(line);
        Matcher ok = PACKAGE_OK.match(line);
        Matcher fail = PACKAGE_FAIL.match(line);
        if (test != null) {
            expectMessage = false;
            switch (test.group(1)) {
                case "PASS" -> packagePassed++;
                case "FAIL" -> {
                    packageFailed++;
                    failures.add(test.group(2));
                    expectMessage = true;
                }
                default -> skipped++;
            }
        } else if (ok != null) {
            seen = true;
            boolean ran = !ok.group(2).contains("[no tests to run]");
            passed += Math.max(packagePassed, ran ? 1 : 0);
            endPackage();
        } else if (fail != null) {
            seen = true;
            if (packageFailed == 0) {
                failures.add(fail.group(1) + " " + fail.group(2).strip());
            }
            passed += packagePassed;
            failed += Math.max(packageFailed, 1);
            endPackage();
        } else if (expectMessage && line.startsWith("    ") && !line.strip().startsWith("---")) {
            // Without -v the test's log follows its "--- FAIL" line: "    slug_test.go:14: got ..."
            failures.describeLatest(line);
            expectMessage = false;
        }
    }

    private void endPackage() {
        packagePassed = 0;
        packageFailed = 0;
        expectMessage = false;
    }

    @Override
    public Optional<TestTally> tally() {
        if (!seen && packagePassed + packageFailed == 0) {
            return Optional.empty();
        }
        // Per-test lines without a package line: go test was cut short, count what was seen.
        return Optional.of(new TestTally(passed + packagePassed, failed + packageFailed, skipped, failures.cases()));
    }
}
