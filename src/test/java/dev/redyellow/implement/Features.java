package dev.redyellow.implement;

import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.FileSet;
import dev.redyellow.manifest.ImplementerSettings;
import dev.redyellow.manifest.ReviewSettings;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.testing.TestCase;
import dev.redyellow.testing.TestOutcome;
import dev.redyellow.testing.TestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A small Python feature ("add") for implementer tests, and a workspace holding its test. */
final class Features {
    static final String TEST_PATH = "test_add.py";
    static final String TEST = "import unittest\nfrom add import add\n\nclass TestAdd(unittest.TestCase):\n"
            + "    def test_adds(self):\n        self.assertEqual(5, add(2, 3))\n";

    private Features() {
    }

    static Feature add(ImplementerSettings implementer) {
        return new Feature("add", "Add two numbers", "add(a, b) returns their sum", List.of(), List.of(),
                new TestSettings.Command(List.of("python3", "-m", "unittest", "-v"), Map.of(), 30, null),
                implementer, new ReviewSettings.Auto(), FileSet.ofText(Map.of(TEST_PATH, TEST)), List.of(), null);
    }

    /** A workspace as the conductor builds it: a base file and the feature's test. */
    static Path workspace(Path dir) throws IOException {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(ws.resolve(TEST_PATH), TEST);
        Files.writeString(ws.resolve("base_helper.py"), "HELPER = 1\n");
        return ws;
    }

    static FailureContext failedBefore() {
        TestResult failed = new TestResult(TestOutcome.FAILED, 0, 1, 0,
                List.of(new TestCase("test_add.TestAdd.test_adds", TestCase.Status.FAILED, "AssertionError: 5 != -1", 3)),
                10, "", "");
        return new FailureContext(1, failed, null);
    }
}
