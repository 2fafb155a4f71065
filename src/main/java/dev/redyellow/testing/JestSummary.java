package dev.redyellow.testing;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * jest: the closing "Tests:       1 failed, 1 skipped, 3 passed, 5 total" (or "Tests:       0 total"),
 * and per failing test a "● suite › name" heading with the error on the next non-blank line; jest may
 * repeat the headings in its end summary, so each name counts once. "● Test suite failed to run" is a
 * test file that could not load, not a test.
 */
final class JestSummary implements SummaryParser {

    private static final LinePattern TESTS = LinePattern.startingWith("Tests:",
            "^Tests:\\s+((?:\\d+ [a-z]+, )*\\d+ total)\\s*$");
    private static final Pattern ITEM = Pattern.compile("(\\d+) ([a-z]+)");
    private static final LinePattern FAILED_TEST = LinePattern.containing("● ", "^\\s*● (.+?)\\s*$");
    private static final String SUITE_FAILED = "Test suite failed to run";

    private final FailureNames failures = new FailureNames();
    private final Set<String> named = new HashSet<>();
    private TestTally counts;
    private boolean messageNext;

    @Override
    public String runner() {
        return "jest";
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
        if (failed != null && !failed.group(1).equals(SUITE_FAILED)) {
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
                case "skipped", "todo", "pending" -> skipped += n;
                case "total" -> { }
                default -> {
                    return; // not jest's vocabulary
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
