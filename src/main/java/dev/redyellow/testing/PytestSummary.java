package dev.redyellow.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pytest: the final "==== 2 failed, 2 passed, 1 skipped in 1.22s ====" line (without the rulers
 * under {@code -q}), "no tests ran in 0.01s", and the short summary's "FAILED file::test - message"
 * and "SKIPPED [2] src/shop/rates.py:12: reason" (when the argv asks for them with {@code -rs}): where
 * pytest says the skips came from, the place of the {@code pytest.skip} call, or of the test for a skip
 * it declares. One case stands for the tests skipped at one place. RedYellow's pytest plugin says more, per
 * test ({@link PytestSkips}); these stand when it did not write.
 */
final class PytestSummary implements SummaryParser {

    private static final LinePattern FINAL = LinePattern.containing(" in ",
            "^=*\\s*((?:\\d+ \\w+)(?:, \\d+ \\w+)*) in \\d+(?:\\.\\d+)?s(?: \\([^)]*\\))?\\s*=*$");
    private static final LinePattern NO_TESTS = LinePattern.containing("no tests ran in ", "^=*\\s*no tests ran in \\d+(?:\\.\\d+)?s.*$");
    private static final Pattern ITEM = Pattern.compile("(\\d+) (\\w+)");
    private static final LinePattern SKIPPED = LinePattern.startingWithAny(List.of("SKIPPED ["),
            "^SKIPPED \\[(\\d+)\\] (.+?):(\\d+): (.*)$");
    /**
     * pytest's banner when its session was stopped: pytest.exit(), an interrupt (its terminal reporter's "!" ruler,
     * a single "!" around a long message, whose second line a message with a line break moves the closing ruler to).
     */
    private static final LinePattern STOPPED = LinePattern.startingWithAny(List.of("!"),
            "^!+ ((?:_pytest\\.outcomes\\.)?Exit: .*?|KeyboardInterrupt|Interrupted: .*?)(?: !+)?$");
    private static final LinePattern FAILED_TEST = LinePattern.startingWithAny(List.of("FAILED ", "ERROR "), "^(?:FAILED|ERROR) (\\S+)(?: - (.*))?$");

    private final FailureNames failures = new FailureNames();
    private final List<TestCase> skips = new ArrayList<>();
    private TestTally counts;
    private String stopped;

    /**
     * Whether a line is pytest's report of a skip: "SKIPPED [1] file:line: reason" (short summary) or
     * "file::test SKIPPED (reason)" (verbose). Its reason is the test's or the implementation's words
     * ({@code pytest.importorskip}'s "No module named 'numpy'"), never a load failure of the run.
     */
    static boolean isSkipLine(String line) {
        return line.startsWith("SKIPPED [") || line.contains(" SKIPPED (") && line.contains("::");
    }

    @Override
    public String runner() {
        return "pytest";
    }

    @Override
    public void accept(String line) {
        Matcher end = FINAL.match(line);
        if (end != null) {
            read(end.group(1));
            return;
        }
        if (NO_TESTS.matches(line)) {
            counts = TestTally.EMPTY;
            return;
        }
        Matcher stop = STOPPED.match(line);
        if (stop != null && stopped == null) {
            stopped = FailureNames.bounded(stop.group(1));
            return;
        }
        Matcher skip = SKIPPED.match(line);
        if (skip != null && skips.size() < FailureNames.MAX_NAMES) {
            String at = skip.group(2) + ":" + skip.group(3);
            skips.add(new TestCase(skip.group(1) + (skip.group(1).equals("1") ? " test" : " tests"), TestCase.Status.SKIPPED,
                    FailureNames.bounded(skip.group(4)), 0, List.of(at)));
            return;
        }
        Matcher test = FAILED_TEST.match(line);
        if (test != null) {
            failures.add(test.group(1));
            if (test.group(2) != null) {
                failures.describeLatest(test.group(2));
            }
        }
    }

    private void read(String items) {
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        boolean known = false;
        Matcher item = ITEM.matcher(items);
        while (item.find()) {
            int n = Integer.parseInt(item.group(1));
            switch (item.group(2)) {
                case "passed" -> passed += n;
                // pytest names a fixture's error by the test whose set-up or tear-down it broke, whatever the
                // fixture's scope, so it counts as that test's failure (as a JUnit @BeforeEach's does; a JUnit XML
                // report counts it as a test's error too); a collection error is a load failure (LoadFailures)
                case "failed", "error", "errors" -> failed += n;
                case "skipped", "xfailed", "xpassed", "deselected" -> skipped += n;
                case "warning", "warnings", "rerun" -> { }
                default -> {
                    return; // not pytest's vocabulary: some other line that happens to look alike
                }
            }
            known = true;
        }
        if (known) {
            counts = new TestTally(passed, failed, skipped, java.util.List.of());
        }
    }

    private List<TestCase> cases() {
        List<TestCase> cases = new ArrayList<>(failures.cases());
        cases.addAll(skips);
        return cases;
    }

    @Override
    public Optional<String> stopped() {
        return Optional.ofNullable(stopped);
    }

    @Override
    public Optional<TestTally> tally() {
        return Optional.ofNullable(counts)
                .map(c -> new TestTally(c.passed(), c.failed(), c.skipped(), cases()));
    }
}
