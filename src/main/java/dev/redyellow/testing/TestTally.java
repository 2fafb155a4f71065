package dev.redyellow.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts read from a runner's report or summary, with the test cases it named (a summary usually
 * names only the failing ones).
 */
public record TestTally(int passed, int failed, int skipped, List<TestCase> cases) {

    public static final TestTally EMPTY = new TestTally(0, 0, 0, List.of());

    public TestTally {
        cases = List.copyOf(cases);
        if (passed < 0 || failed < 0 || skipped < 0) {
            throw new IllegalArgumentException("negative count: " + passed + "/" + failed + "/" + skipped);
        }
    }

    public int executed() {
        return passed + failed;
    }

    /** Both tallies together, as when a runner reports per module or per test binary. */
    public TestTally plus(TestTally other) {
        List<TestCase> all = new ArrayList<>(cases);
        all.addAll(other.cases);
        return new TestTally(passed + other.passed, failed + other.failed, skipped + other.skipped, all);
    }
}
