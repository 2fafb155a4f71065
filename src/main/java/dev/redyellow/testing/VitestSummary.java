package dev.redyellow.testing;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * vitest's default reporter: the closing "      Tests  1 failed | 3 passed | 1 skipped (5)" (or
 * "Tests  no tests"), and per failing test a "FAIL  tests/sum.test.js > suite > name" heading with
 * the error on the next line. A heading with "[ file ]" is a test file that failed to load, not a test.
 */
final class VitestSummary implements SummaryParser {

    private static final LinePattern TESTS = LinePattern.containing("Tests  ",
            "^\\s*Tests\\s{2,}(no tests|\\d+ [a-z ]+(?: \\| \\d+ [a-z ]+)*(?: \\(\\d+\\))?)\\s*$");
    private static final Pattern ITEM = Pattern.compile("(\\d+) ([a-z ]+?)(?= \\||$| \\()");
    private static final LinePattern FAILED_TEST = LinePattern.containing("FAIL ", "^\\s*FAIL\\s+(\\S.* > .+?)\\s*$");

    private final FailureNames failures = new FailureNames();
    private final Set<String> named = new HashSet<>();
    private TestTally counts;
    private boolean messageNext;

    @Override
    public String runner() {
        return "vitest";
    }

    @Override
    public void accept(String line) {
        Matcher tests = TESTS.match(line);
        if (tests != null) {
            read(tests.group(1));
            messageNext = false;
            return;
        }
        Matcher failed = FAILED_TEST.match(line);
        if (failed != null && !failed.group(1).endsWith("]")) {
            messageNext = named.add(failed.group(1)) && failures.add(failed.group(1));
            return;
        }
        if (messageNext && !line.isBlank()) {
            failures.describeLatest(line);
            messageNext = false;
        }
    }

    private void read(String items) {
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        Matcher item = ITEM.matcher(items);
        while (item.find()) {
            int n = Integer.parseInt(item.group(1));
            switch (item.group(2)) {
                case "passed" -> passed += n;
                case "failed" -> failed += n;
                case "skipped", "todo", "expected fail" -> skipped += n;
                default -> {
                    return; // not vitest's vocabulary: some other line that looks alike
                }
            }
        }
        counts = new TestTally(passed, failed, skipped, java.util.List.of());
    }

    @Override
    public Optional<TestTally> tally() {
        return Optional.ofNullable(counts)
                .map(c -> new TestTally(c.passed(), c.failed(), c.skipped(), failures.cases()));
    }
}
