package dev.redyellow.implement;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.manifest.FileSet;
import dev.redyellow.manifest.ImplementerSettings;
import dev.redyellow.testing.TestCase;
import dev.redyellow.testing.TestOutcome;
import dev.redyellow.testing.TestResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a reviewer is told of the tests: passes, and skips as no passes with why. */
class ReviewPromptTest {

    private static String prompt(TestResult result) {
        return ReviewPrompt.of(new ReviewRequest(Features.add(new ImplementerSettings.Replay()), 2, null,
                FileSet.ofText(Map.of("add.py", "def add(a, b):\n    return a + b\n")), result, null));
    }

    @Test
    void skippedTestsAreCountedAsNoPassAndListedWithTheirReasons() {
        String withSkips = prompt(new TestResult(TestOutcome.PASSED, 1, 0, 1, List.of(
                new TestCase("t.adds", TestCase.Status.PASSED, "", 1),
                new TestCase("t.onWindows", TestCase.Status.SKIPPED, "Assumption failed: Windows only\nmore", 0)), 5, "", ""));
        String without = prompt(new TestResult(TestOutcome.PASSED, 1, 0, 0,
                List.of(new TestCase("t.adds", TestCase.Status.PASSED, "", 1)), 5, "", ""));

        assertTrue(withSkips.contains("Attempt 2 makes all 1 tests that ran pass; 1 skipped or aborted, which is no pass."),
                withSkips);
        assertTrue(withSkips.contains("- SKIPPED t.onWindows: Assumption failed: Windows only\n"), withSkips);
        assertTrue(without.contains("Attempt 2 makes all 1 tests that ran pass. Judge"), without);
        assertFalse(without.contains("skipped"), without);
    }
}
