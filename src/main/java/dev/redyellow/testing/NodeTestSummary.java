package dev.redyellow.testing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * node --test with its TAP reporter (the default when output is not a terminal): "# pass 3",
 * "# fail 1", "# skipped 1" ... at the end, "not ok 2 - name" per failing test, and the failure's
 * "error:" field in the YAML block under it.
 *
 * <p>A test file in which no test ran is reported as a test of its own, named by the file's path: "ok 2 -
 * /abs/slug.test.js" when the file ended by itself (an implementation that calls {@code process.exit(0)}
 * when imported: the run "passed" with one test), "not ok" when it crashed while loading. Neither is a
 * test: such an entry at the top level, with no test under it, counts neither as passed nor as failed
 * (a crash is still named, as a failure outside the tests). Node 18 wraps each file's tests in such an
 * entry, with the tests under it: that one is left as it is.
 */
final class NodeTestSummary implements SummaryParser {

    private static final LinePattern COUNT = LinePattern.startingWith("# ", "^# (pass|fail|cancelled|skipped|todo) (\\d+)$");
    private static final LinePattern NOT_OK = LinePattern.containing("not ok ", "^\\s*not ok \\d+ - (.+?)(?: # (?:SKIP|TODO).*)?$");
    private static final LinePattern ERROR = LinePattern.containing("error: ", "^\\s+error: (.*)$");
    private static final LinePattern TOP_LEVEL = LinePattern.containing("ok ", "^(not )?ok \\d+ - (.+?)(?: # (?:SKIP|TODO).*)?$");
    private static final LinePattern NESTED = LinePattern.containing("ok ", "^\\s+(?:not )?ok \\d+ - .*$");
    private static final java.util.regex.Pattern FILE = java.util.regex.Pattern.compile("(?:/|[A-Za-z]:\\\\).*\\.[cm]?[jt]sx?");

    private final FailureNames failures = new FailureNames();
    private boolean seen;
    private int passed;
    private int failed;
    private int skipped;
    private boolean inFailure;
    private boolean messageOnNextLine;
    /** Whether a test was reported under the entry that comes next at the top level. */
    private boolean nested;
    /** Files reported as a test of their own, with no test run in them: passed, and crashed. */
    private int filesPassed;
    private int filesFailed;

    @Override
    public String runner() {
        return "node --test";
    }

    @Override
    public void accept(String line) {
        Matcher count = COUNT.match(line);
        if (count != null) {
            int n = Integer.parseInt(count.group(2));
            switch (count.group(1)) {
                case "pass" -> {
                    seen = true;
                    passed += n;
                }
                case "fail", "cancelled" -> failed += n;
                default -> skipped += n;
            }
            return;
        }
        if (NESTED.matches(line)) {
            nested = true;
        } else {
            Matcher top = TOP_LEVEL.match(line);
            if (top != null) {
                if (!nested && FILE.matcher(top.group(2)).matches()) {
                    if (top.group(1) == null) {
                        filesPassed++;
                    } else {
                        filesFailed++;
                    }
                }
                nested = false;
            }
        }
        Matcher notOk = NOT_OK.match(line);
        if (notOk != null) {
            failures.add(notOk.group(1));
            inFailure = true;
            return;
        }
        if (messageOnNextLine) {
            if (!line.isBlank()) {
                failures.describeLatest(line);
                messageOnNextLine = false;
                inFailure = false;
            }
            return;
        }
        Matcher error = ERROR.match(line);
        if (inFailure && error != null) {
            String value = error.group(1).strip();
            if (value.startsWith("|") || value.startsWith(">")) {
                messageOnNextLine = true; // a YAML block scalar: the message starts on the next line
            } else {
                failures.describeLatest(unquote(value));
                inFailure = false;
            }
        }
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("'") && value.endsWith("'")
                || value.startsWith("\"") && value.endsWith("\""))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    @Override
    public Optional<TestTally> tally() {
        return seen ? Optional.of(new TestTally(Math.max(0, passed - filesPassed), Math.max(0, failed - filesFailed), skipped,
                failures.cases())) : Optional.empty();
    }
}
