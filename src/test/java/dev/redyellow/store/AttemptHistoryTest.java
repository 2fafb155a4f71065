package dev.redyellow.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.redyellow.manifest.FileSet;
import dev.redyellow.testing.TestCase;
import dev.redyellow.testing.TestOutcome;
import dev.redyellow.testing.TestResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttemptHistoryTest {
    @TempDir
    Path dir;

    private static final TestResult FAILED = new TestResult(TestOutcome.FAILED, 0, 1, 0,
            List.of(new TestCase("SlugifyTest.dashes", TestCase.Status.FAILED, "expected a-b", 3)), 900, "", "");
    private static final TestResult PASSED = new TestResult(TestOutcome.PASSED, 1, 0, 0,
            List.of(new TestCase("SlugifyTest.dashes", TestCase.Status.PASSED, "", 3)), 800, "", "");

    @Test
    void keepsEveryAttemptWithItsResultAndDiffsThem() {
        try (BlobStore blobs = new BlobStore(dir, 1 << 20)) {
            AttemptHistory history = new AttemptHistory(blobs);
            FileSet test = FileSet.ofText(Map.of("SlugifyTest.java", "class SlugifyTest {}"));
            FileSet first = test.overlay(FileSet.ofText(Map.of("Slugify.java", "a\nb\n")));
            FileSet second = test.overlay(FileSet.ofText(Map.of("Slugify.java", "a\nc\n")));

            history.record("slugify", first, FAILED);
            AttemptSnapshot latest = history.record("slugify", second, PASSED);

            assertEquals(2, latest.number());
            assertEquals(List.of(FAILED, PASSED), history.attempts("slugify").stream().map(AttemptSnapshot::result).toList());
            assertEquals(first, history.files("slugify", 1));
            SnapshotDiff diff = history.diff("slugify", 1, 2);
            assertEquals(List.of("Slugify.java"), diff.changed());
            assertEquals("--- a/Slugify.java\n+++ b/Slugify.java\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n",
                    diff.textDiffs().get("Slugify.java"));
            assertEquals(3, blobs.metrics().blobs(), "the shared test file is kept once");
            assertThrows(IllegalArgumentException.class, () -> history.attempt("slugify", 3));
            assertEquals(List.of(), history.attempts("unknown"));
        }
    }
}
