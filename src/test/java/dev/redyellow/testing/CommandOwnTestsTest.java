package dev.redyellow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.manifest.TestSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace holds the feature's own test and a dependency's test that fails and leaves a trace
 * when it runs: by default only the own test may run (real python3 and node processes).
 */
class CommandOwnTestsTest {

    private static final String PY_OWN = """
            import unittest


            class OwnTest(unittest.TestCase):
                def test_own(self):
                    self.assertEqual(2, 1 + 1)
            """;
    private static final String PY_DEPENDENCY = """
            import pathlib
            import unittest


            class DependencyTest(unittest.TestCase):
                def test_dependency(self):
                    pathlib.Path("dependency-test-ran").write_text("yes")
                    self.fail("a dependency's test must not run")
            """;
    private static final String NODE_OWN = """
            const test = require('node:test');
            const assert = require('node:assert');
            test('own', () => assert.strictEqual(1 + 1, 2));
            """;
    private static final String NODE_DEPENDENCY = """
            const test = require('node:test');
            const assert = require('node:assert');
            require('node:fs').writeFileSync('dependency-test-ran', 'yes');
            test('dependency', () => assert.fail("a dependency's test must not run"));
            """;

    @TempDir
    Path workspace;

    private final CommandTestRunner runner = new CommandTestRunner(new ProcessRunner());
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    void unittestDiscoveryRunsOnlyTheOwnTests() throws Exception {
        python();

        TestResult result = run(List.of("python3", "-m", "unittest", "-v"), List.of("tests/test_own.py"), false);

        assertEquals(TestOutcome.PASSED, result.outcome(), result.detail() + result.outputTail());
        assertEquals(1, result.passed());
        assertFalse(Files.exists(workspace.resolve("dependency-test-ran")));
        assertTrue(output().contains("[redyellow] the feature's own tests only (python unittest): python3 -m unittest -v tests.test_own"),
                output());
    }

    @Test
    void unittestDiscoverWithItsOptionsRunsOnlyTheOwnTests() throws Exception {
        python();

        TestResult result = run(List.of("python3", "-m", "unittest", "discover", "-s", "tests", "-t", "."),
                List.of("tests/test_own.py"), false);

        assertEquals(TestOutcome.PASSED, result.outcome(), result.detail() + result.outputTail());
        assertFalse(Files.exists(workspace.resolve("dependency-test-ran")));
    }

    @Test
    void unittestDiscoverFromTheTestFolderStillFindsTheTestsHelpers() throws Exception {
        write("tests/helpers.py", "EXPECTED = 2\n");
        write("tests/test_own.py", PY_OWN.replace("import unittest", "import unittest\nfrom helpers import EXPECTED")
                .replace("self.assertEqual(2, 1 + 1)", "self.assertEqual(EXPECTED, 1 + 1)"));
        write("tests/test_dependency.py", PY_DEPENDENCY);

        TestResult result = run(List.of("python3", "-m", "unittest", "discover", "-s", "tests", "-v"),
                List.of("tests/test_own.py"), false);

        assertEquals(TestOutcome.PASSED, result.outcome(), result.detail() + result.outputTail());
        assertEquals(1, result.passed());
        assertFalse(Files.exists(workspace.resolve("dependency-test-ran")));
    }

    @Test
    void regressionModeRunsTheDependenciesTestsToo() throws Exception {
        python();

        TestResult result = run(List.of("python3", "-m", "unittest", "-v"), List.of("tests/test_own.py"), true);

        assertEquals(TestOutcome.FAILED, result.outcome(), result.detail());
        assertEquals(List.of(1, 1), List.of(result.passed(), result.failed()));
        assertTrue(Files.exists(workspace.resolve("dependency-test-ran")));
    }

    @Test
    void testModulesPlaceholderNamesTheOwnModules() throws Exception {
        python();

        TestResult result = run(List.of("python3", "-m", "unittest", "{testModules}"), List.of("tests/test_own.py"), false);

        assertEquals(TestOutcome.PASSED, result.outcome(), result.detail() + result.outputTail());
        assertFalse(Files.exists(workspace.resolve("dependency-test-ran")));
    }

    @Test
    void pytestRunsOnlyTheOwnTests() throws Exception {
        CommandTestRunnerTest.requirePytest();
        python();

        TestResult result = run(List.of("python3", "-m", "pytest", "-p", "no:cacheprovider", "tests"),
                List.of("tests/test_own.py"), false);

        assertEquals(TestOutcome.PASSED, result.outcome(), result.detail() + result.outputTail());
        assertEquals(1, result.passed());
        assertFalse(Files.exists(workspace.resolve("dependency-test-ran")));
    }

    @Test
    void nodeTestRunsOnlyTheOwnTests() throws Exception {
        write("tests/own.test.js", NODE_OWN);
        write("tests/dependency.test.js", NODE_DEPENDENCY);

        TestResult result = run(List.of("node", "--test"), List.of("tests/own.test.js"), false);

        assertEquals(TestOutcome.PASSED, result.outcome(), result.detail() + result.outputTail());
        assertEquals(1, result.passed());
        assertFalse(Files.exists(workspace.resolve("dependency-test-ran")));
    }

    @Test
    void testsPlaceholderGivesEachOwnTestItsOwnArgument() throws Exception {
        write("tests/own.test.js", NODE_OWN);
        write("tests/second.test.js", NODE_OWN.replace("'own'", "'second'"));
        write("tests/dependency.test.js", NODE_DEPENDENCY);

        TestResult result = run(List.of("node", "--test", "{tests}"), List.of("tests/own.test.js", "tests/second.test.js"),
                false);

        assertEquals(TestOutcome.PASSED, result.outcome(), result.detail() + result.outputTail());
        assertEquals(2, result.passed());
        assertFalse(Files.exists(workspace.resolve("dependency-test-ran")));
    }

    @Test
    void featurePlaceholderReachesTheCommand() throws Exception {
        TestSettings.Command settings = new TestSettings.Command(List.of("python3", "-c",
                "import sys; print('1 passed, 0 failed' if sys.argv[1] == 'slug' else 'wrong: ' + sys.argv[1])", "{feature}"),
                Map.of(), 60, null);

        TestResult named = runner.run(new TestRequest(workspace, settings, List.of(), OutputSink.DISCARD, "slug"));
        TestResult unnamed = runner.run(new TestRequest(workspace, settings, List.of(), OutputSink.DISCARD));

        assertEquals(TestOutcome.PASSED, named.outcome(), named.detail());
        assertEquals(TestOutcome.ERROR, unnamed.outcome());
        assertTrue(unnamed.detail().contains("{feature}"), unnamed.detail());
    }

    private void python() throws IOException {
        write("tests/__init__.py", "");
        write("tests/test_own.py", PY_OWN);
        write("tests/test_dependency.py", PY_DEPENDENCY);
    }

    private TestResult run(List<String> command, List<String> ownTests, boolean rerun) throws InterruptedException {
        TestSettings.Command settings = new TestSettings.Command(command, Map.of("PYTHONDONTWRITEBYTECODE", "1"), 60,
                null, rerun);
        OutputSink sink = (stream, bytes, offset, length) -> {
            synchronized (output) {
                output.write(bytes, offset, length);
            }
        };
        return runner.run(new TestRequest(workspace, settings, ownTests, sink, "own"));
    }

    private String output() {
        synchronized (output) {
            return output.toString(StandardCharsets.UTF_8);
        }
    }

    private void write(String path, String text) throws IOException {
        Path file = workspace.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
