package dev.redyellow.testing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * node --test with its TAP reporter (the default when output is not a terminal): "# pass 3",
 * "# fail 1", "# skipped 1" ... at the end, "not ok 2 - name" per failing test, and the failure's
 * "error:" field in the YAML block under it.
 */
final class NodeTestSummary implements SummaryParser {

    private static final LinePattern COUNT = LinePattern.startingWith("# ", "^# (pass|fail|cancelled|skipped|todo) (\\d+)$");
    private static final LinePattern NOT_OK = LinePattern.containing("not ok ", "^\\s*not ok \\d+ - (.+?)(?: # (?:SKIP|TODO).*)?$");
    private static final LinePattern ERROR = LinePattern.containing("error: ", "^\\s+error: (.*)$");

    private final FailureNames failures = new FailureNames();
    private boolean seen;
    private int passed;
    private int failed;
    private int skipped;
    private boolean inFailure;
    private boolean messageOnNextLine;

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
        return seen ? Optional.of(new TestTally(passed, failed, skipped, failures.cases())) : Optional.empty();
    }
}
