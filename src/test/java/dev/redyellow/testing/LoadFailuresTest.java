package dev.redyellow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.exec.OutputSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real output of each runner (summaries/README.md says how it was made) that failed to load its tests. */
class LoadFailuresTest {

    @Test
    void unittestImportFailuresKeepTheMissingModuleAndName() throws IOException {
        assertEquals(List.of("ModuleNotFoundError: No module named 'slug'",
                        "ImportError: cannot import name 'multiply' from 'calc' (/tmp/cap/p/calc.py)"),
                read("unittest-import-failure.txt").lines());
    }

    @Test
    void pytestCollectionErrorsKeepTheLinesVerbatim() throws IOException {
        assertEquals(List.of("E   ModuleNotFoundError: No module named 'slug'",
                        "E   ImportError: cannot import name 'multiply' from 'calc' (/tmp/cap/p/calc.py)"),
                read("pytest-collection-error.txt").lines());
    }

    @Test
    void pythonSyntaxErrorsInAnImportedModuleAreLoadFailures() throws IOException {
        assertEquals(List.of("SyntaxError: invalid syntax"), read("unittest-syntax-error.txt").lines());
        assertEquals(List.of("E   SyntaxError: invalid syntax"), read("pytest-syntax-error.txt").lines());
    }

    @Test
    void nodeKeepsMissingModulesAndMissingExports() throws IOException {
        assertEquals(List.of("# Error: Cannot find module '../title'",
                        "# Error [ERR_MODULE_NOT_FOUND]: Cannot find module '/tmp/cap/n/slug.mjs' imported from /tmp/cap/n/tests/esm.test.mjs",
                        "# SyntaxError: The requested module '../sum.mjs' does not provide an export named 'product'"),
                read("node-load-failure.txt").lines());
    }

    @Test
    void vitestAndJestKeepTheMissingModule() throws IOException {
        assertEquals(List.of("Error: Cannot find module '../slug.js' imported from /tmp/jsrun/v/tests/missing.test.js"),
                read("vitest-missing-module.txt").lines());
        assertEquals(List.of("    Cannot find module '../slug' from 'tests/missing.test.js'"),
                read("jest-missing-module.txt").lines());
    }

    @ParameterizedTest
    @ValueSource(strings = {"unittest-failing.txt", "unittest-failing-verbose.txt", "pytest-failing.txt", "node-failing.txt",
            "vitest-failing.txt", "jest-failing.txt", "cargo-failing.txt", "surefire-failing.txt"})
    void failingTestsAreNoLoadFailure(String file) throws IOException {
        LoadFailures failures = read(file);

        assertFalse(failures.seen(), failures.detail());
        assertEquals("", failures.detail());
    }

    @Test
    void aTestFailingInsideItsBodyWithATracebackIsNoLoadFailure() {
        LoadFailures failures = feed("""
                ERROR: test_divides (test_calc.CalcTest.test_divides)
                ----------------------------------------------------------------------
                Traceback (most recent call last):
                  File "/tmp/w/test_calc.py", line 12, in test_divides
                    divide(1, 0)
                ValueError: boom
                """);

        assertFalse(failures.seen());
    }

    @Test
    void keepsAtMostFiftyLinesAndEachOnce() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            text.append("ModuleNotFoundError: No module named 'm").append(i).append("'\n");
            text.append("ModuleNotFoundError: No module named 'm").append(i).append("'\n");
        }
        LoadFailures failures = feed(text.toString());

        assertTrue(failures.seen());
        assertEquals(LoadFailures.MAX_LINES, failures.lines().size());
        assertEquals("ModuleNotFoundError: No module named 'm1'", failures.lines().get(1));
    }

    private static LoadFailures read(String file) throws IOException {
        try (InputStream in = LoadFailuresTest.class.getResourceAsStream("summaries/" + file)) {
            return feed(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static LoadFailures feed(String text) {
        LoadFailures failures = new LoadFailures();
        OutputLines lines = new OutputLines(SummaryParser.all(), failures);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += 100) {
            lines.write(OutputSink.Stream.STDOUT, bytes, i, Math.min(100, bytes.length - i));
        }
        lines.finish();
        return failures;
    }
}
