package dev.redyellow.testing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The generic line "N passed, N failed" that any script can print; the last such line counts. */
final class PlainSummary implements SummaryParser {

    private static final LinePattern LINE = LinePattern.containing(" passed, ", "^\\s*(\\d+) passed, (\\d+) failed\\.?\\s*$");

    private TestTally counts;

    @Override
    public String runner() {
        return "plain summary";
    }

    @Override
    public void accept(String line) {
        Matcher m = LINE.match(line);
        if (m != null) {
            counts = new TestTally(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 0, java.util.List.of());
        }
    }

    @Override
    public Optional<TestTally> tally() {
        return Optional.ofNullable(counts);
    }
}
