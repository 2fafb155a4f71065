package dev.redyellow.cache;

import dev.redyellow.testing.TestCase;
import dev.redyellow.testing.TestOutcome;
import dev.redyellow.testing.TestResult;
import java.util.List;

/** Test results and keys for cache tests. */
final class Results {

    private Results() {
    }

    static TestResult passed(long millis) {
        return new TestResult(TestOutcome.PASSED, 2, 0, 1, List.of(
                new TestCase("tools.SlugifyTest.lowerCases", TestCase.Status.PASSED, "", 12),
                new TestCase("tools.SlugifyTest.dashes", TestCase.Status.PASSED, null, 7),
                new TestCase("tools.SlugifyTest.later", TestCase.Status.SKIPPED, "disabled upstream", 0)),
                millis, "", "2 passed, 1 skipped\nüñí©ødé ✓");
    }

    static TestResult failed(long millis) {
        return new TestResult(TestOutcome.FAILED, 1, 1, 0, List.of(
                new TestCase("tools.SlugifyTest.lowerCases", TestCase.Status.PASSED, "", 12),
                new TestCase("tools.SlugifyTest.dashes", TestCase.Status.FAILED, "expected <a-b> but was <a b>", 9)),
                millis, "1 test failed", "FAILED dashes");
    }

    static TestResult of(TestOutcome outcome) {
        return new TestResult(outcome, 0, 0, 0, List.of(), 1000, outcome.name().toLowerCase(), "");
    }

    static TestResult withOutput(int chars) {
        return new TestResult(TestOutcome.PASSED, 1, 0, 0, List.of(), 500, "", "x".repeat(chars));
    }

    /** A key with one file input; distinct names give distinct keys. */
    static CacheKey key(String name) {
        return CacheKey.of(List.of(new CacheInput("settings", "s"), CacheInput.file("src/" + name + ".java", name)));
    }
}
