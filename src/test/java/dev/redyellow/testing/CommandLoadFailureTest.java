package dev.redyellow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.manifest.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests that cannot load what they test (the implementation is not there yet) are a compile error
 * whose detail keeps the lines that name what is missing, verbatim; real python3 and node processes.
 */
class CommandLoadFailureTest {

    @TempDir
    Path workspace;

    private final CommandTestRunner runner = new CommandTestRunner(new ProcessRunner());

    @Test
    void unittestMissingModuleIsACompileErrorNotOneFailedTest() throws Exception {
        write("tests/test_slug.py", """
                import unittest
                from slug import slugify


                class SlugTest(unittest.TestCase):
                    def test_slug(self):
                        self.assertEqual("a-b", slugify("A B"))
                """);

        TestResult result = run(List.of("python3", "-m", "unittest"), List.of("tests/test_slug.py"));

        assertEquals(TestOutcome.COMPILE_ERROR, result.outcome(), result.detail());
        assertEquals("ModuleNotFoundError: No module named 'slug'", result.detail());
    }

    @Test
    void unittestMissingNameKeepsTheImportErrorLine() throws Exception {
        write("calc.py", "def add(a, b):\n    return a + b\n");
        write("tests/test_calc.py", """
                import unittest
                from calc import multiply


                class CalcTest(unittest.TestCase):
                    def test_multiply(self):
                        self.assertEqual(6, multiply(2, 3))
                """);

        TestResult result = run(List.of("python3", "-m", "unittest", "discover", "-s", "tests"), List.of());

        assertEquals(TestOutcome.COMPILE_ERROR, result.outcome(), result.detail());
        assertTrue(result.detail().startsWith("ImportError: cannot import name 'multiply' from 'calc' ("), result.detail());
    }

    @Test
    void unittestSyntaxErrorInTheImportedModuleIsACompileError() throws Exception {
        write("calc.py", "def broken(:\n    pass\n");
        write("tests/__init__.py", "");
        write("tests/test_calc.py", "import unittest\nfrom calc import broken\n");

        TestResult result = run(List.of("python3", "-m", "unittest"), List.of("tests/test_calc.py"));

        assertEquals(TestOutcome.COMPILE_ERROR, result.outcome(), result.detail() + result.outputTail());
        assertEquals("SyntaxError: invalid syntax", result.detail());
    }

    @Test
    void pytestCollectionErrorIsACompileError() throws Exception {
        CommandTestRunnerTest.requirePytest();
        write("tests/test_slug.py", "from slug import slugify\n\ndef test_slug():\n    assert slugify('A B') == 'a-b'\n");

        TestResult result = run(List.of("python3", "-m", "pytest", "-p", "no:cacheprovider"), List.of("tests/test_slug.py"));

        assertEquals(TestOutcome.COMPILE_ERROR, result.outcome(), result.detail());
        assertEquals("E   ModuleNotFoundError: No module named 'slug'", result.detail());
    }

    @Test
    void nodeMissingModulesAndExportsAreACompileError() throws Exception {
        write("sum.mjs", "export function sum(a, b) { return a + b; }\n");
        write("tests/esm.test.mjs", """
                import test from 'node:test';
                import { slug } from '../slug.mjs';
                test('slug', () => {});
                """);
        write("tests/export.test.mjs", """
                import test from 'node:test';
                import { product } from '../sum.mjs';
                test('product', () => {});
                """);
        write("tests/cjs.test.js", "const test = require('node:test');\nconst { title } = require('../title');\n");

        TestResult result = run(List.of("node", "--test"),
                List.of("tests/cjs.test.js", "tests/esm.test.mjs", "tests/export.test.mjs"));

        assertEquals(TestOutcome.COMPILE_ERROR, result.outcome(), result.detail());
        List<String> lines = result.detail().lines().toList();
        assertEquals(3, lines.size(), result.detail());
        assertEquals("# Error: Cannot find module '../title'", lines.get(0));
        assertTrue(lines.get(1).startsWith("# Error [ERR_MODULE_NOT_FOUND]: Cannot find module '"), lines.get(1));
        assertTrue(lines.get(1).contains("slug.mjs' imported from "), lines.get(1));
        assertEquals("# SyntaxError: The requested module '../sum.mjs' does not provide an export named 'product'",
                lines.get(2));
    }

    @Test
    void aFailingTestThatMentionsNoMissingModuleStaysAFailure() throws Exception {
        write("tests/test_calc.py", """
                import unittest


                class CalcTest(unittest.TestCase):
                    def test_adds(self):
                        self.assertEqual(5, 2 + 2)
                """);

        TestResult result = run(List.of("python3", "-m", "unittest"), List.of("tests/test_calc.py"));

        assertEquals(TestOutcome.FAILED, result.outcome(), result.detail());
        assertEquals(1, result.failed());
    }

    private TestResult run(List<String> command, List<String> ownTests) throws InterruptedException {
        TestSettings.Command settings = new TestSettings.Command(command, Map.of("PYTHONDONTWRITEBYTECODE", "1"), 60, null);
        return runner.run(new TestRequest(workspace, settings, ownTests, OutputSink.DISCARD, "slug"));
    }

    private void write(String path, String text) throws IOException {
        Path file = workspace.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
