package dev.redyellow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.manifest.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real interpreters (python3, node) run on workspaces in temporary folders. */
class CommandTestRunnerTest {

    private static final String UNITTEST = """
            import unittest


            class CalcTest(unittest.TestCase):
                def test_adds(self):
                    self.assertEqual(4, 2 + 2)

                def test_subtracts(self):
                    self.assertEqual(%s, 3 - 1)
            """;

    private static final String NODE_TEST = """
            const test = require('node:test');
            const assert = require('node:assert');

            test('adds', () => assert.strictEqual(2 + 2, 4));
            test('subtracts', () => assert.strictEqual(3 - 1, %s));
            """;

    /** pytest is an extra package: its tests run where it is installed (it is on the build machine). */
    static final boolean PYTEST = installed("python3", "-m", "pytest", "--version");

    /**
     * The pytest cases need pytest. On a developer's machine without it they are skipped; in CI (where
     * {@code .ci/run} installs it) a missing pytest fails them, so they can never pass by not running.
     */
    static void requirePytest() {
        if (System.getenv("CI") != null) {
            assertTrue(PYTEST, "pytest is not installed, and CI must run the pytest cases (.ci/run installs it)");
        }
        assumeTrue(PYTEST, "pytest is not installed");
    }

    @TempDir
    Path workspace;

    private final CommandTestRunner runner = new CommandTestRunner(new ProcessRunner());

    @Test
    void passingUnittestPasses() throws Exception {
        write("test_calc.py", UNITTEST.formatted("2"));

        TestResult result = run(List.of("python3", "-m", "unittest"), null);

        assertEquals(TestOutcome.PASSED, result.outcome(), result.detail());
        assertEquals(2, result.passed());
    }

    @Test
    void failingUnittestFailsAndNamesTheTest() throws Exception {
        write("test_calc.py", UNITTEST.formatted("1"));

        TestResult result = run(List.of("python3", "-m", "unittest"), null);

        assertEquals(TestOutcome.FAILED, result.outcome());
        assertEquals(List.of(1, 1), List.of(result.passed(), result.failed()));
        assertEquals("test_calc.CalcTest.test_subtracts", result.failures().get(0).name());
        assertEquals("AssertionError: 1 != 2", result.failures().get(0).message());
    }

    @Test
    void aSummaryInAnotherRunnersWordsDoesNotStandForTheKnownRunners() throws Exception {
        // the code under test prints a Maven summary and every test skips itself: unittest says it ran
        // none ("OK (skipped=2)"); read by whichever parser matched first, the Maven line said 2 passed
        write("calc.py", "print('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')\n");
        write("test_calc.py", """
                import unittest

                import calc


                class CalcTest(unittest.TestCase):
                    def test_adds(self):
                        self.skipTest("no answer")

                    def test_subtracts(self):
                        self.skipTest("no answer")
                """);

        TestResult result = run(List.of("python3", "-m", "unittest"), null);

        assertEquals(TestOutcome.NO_TESTS, result.outcome(), result.detail());
        assertEquals(List.of(0, 0, 2), List.of(result.passed(), result.failed(), result.skipped()));
    }

    @Test
    void unittestFindingNoTestsRunsNoTests() throws Exception {
        write("calc.py", "x = 1\n");

        TestResult result = run(List.of("python3", "-m", "unittest"), null);

        assertEquals(TestOutcome.NO_TESTS, result.outcome(), result.detail());
    }

    @Test
    void pytestFindingNoTestsIsAnErrorNeverAFailure() throws Exception {
        CommandTestRunnerTest.requirePytest();
        write("calc.py", "x = 1\n");

        TestResult result = run(List.of("python3", "-m", "pytest", "-p", "no:cacheprovider"), null);

        assertEquals(TestOutcome.ERROR, result.outcome(), result.detail());
        assertTrue(result.detail().startsWith("exited 5 having run no test (counts from pytest summary)"), result.detail());
    }

    @Test
    void nodeTestPassesAndFails() throws Exception {
        write("calc.test.js", NODE_TEST.formatted("2"));
        TestResult passing = run(List.of("node", "--test"), null);
        write("calc.test.js", NODE_TEST.formatted("1"));
        TestResult failing = run(List.of("node", "--test"), null);

        assertEquals(TestOutcome.PASSED, passing.outcome(), passing.detail());
        assertEquals(2, passing.passed());
        assertEquals(TestOutcome.FAILED, failing.outcome());
        assertEquals("subtracts", failing.failures().get(0).name());
    }

    @Test
    void aNodeTestFileInWhichNoTestRanIsNoTest() throws Exception {
        // node reports such a file as a test named by its path: an implementation that calls process.exit(0)
        // when imported "passed" with one test, and a file that crashed while loading "failed" one
        write("calc.js", "process.exit(0);\n");
        write("calc.test.js", "require('./calc.js');\n" + NODE_TEST.formatted("2"));
        TestResult exited = run(List.of("node", "--test"), null);
        write("calc.js", "throw new TypeError('config: bad environment');\n");
        TestResult crashed = run(List.of("node", "--test"), null);

        assertEquals(TestOutcome.NO_TESTS, exited.outcome(), exited.detail());
        assertEquals(List.of(0, 0), List.of(exited.passed(), exited.failed()));
        assertEquals(TestOutcome.FAILED, crashed.outcome(), crashed.detail());
        assertEquals(0, crashed.failed(), "a crash while loading is no failed test: " + crashed.detail());
        assertTrue(crashed.detail().contains("failed outside the tests"), crashed.detail());
    }

    @Test
    void missingProgramIsAnError() throws Exception {
        TestResult result = run(List.of("redyellow-no-such-runner", "--all"), null);

        assertEquals(TestOutcome.ERROR, result.outcome());
        assertTrue(result.detail().startsWith("cannot start redyellow-no-such-runner: "), result.detail());
    }

    @Test
    void nonZeroExitWithoutAnyTestRunIsAnErrorNotAFailure() throws Exception {
        TestResult result = run(List.of("sh", "-c", "echo 'build broken' >&2; exit 2"), null);

        assertEquals(TestOutcome.ERROR, result.outcome());
        assertEquals(0, result.executed());
        assertTrue(result.detail().startsWith("exited 2 having run no test"), result.detail());
        assertEquals("build broken\n", result.outputTail());
    }

    @Test
    void nonZeroExitAfterAFailingTestFails() throws Exception {
        TestResult result = run(List.of("sh", "-c", "echo '1 passed, 1 failed'; exit 1"), null);

        assertEquals(TestOutcome.FAILED, result.outcome());
        assertTrue(result.detail().endsWith("1 of 2 tests failed"), result.detail());
    }

    @Test
    void zeroExitWithoutSummaryRunsNoTests() throws Exception {
        TestResult result = run(List.of("sh", "-c", "echo all fine"), null);

        assertEquals(TestOutcome.NO_TESTS, result.outcome());
    }

    @Test
    void environmentReachesTheCommand() throws Exception {
        TestSettings.Command settings = new TestSettings.Command(
                List.of("sh", "-c", "test \"$SLUG_MODE\" = strict && echo '3 passed, 0 failed'"),
                Map.of("SLUG_MODE", "strict"), 30, null);

        TestResult result = runner.run(new TestRequest(workspace, settings, List.of(), OutputSink.DISCARD));

        assertEquals(TestOutcome.PASSED, result.outcome(), result.detail());
        assertEquals(3, result.passed());
    }

    @Test
    void timeoutKillsTheCommand() throws Exception {
        TestResult result = runner.run(new TestRequest(workspace,
                new TestSettings.Command(List.of("sleep", "300"), Map.of(), 1, null), List.of(), OutputSink.DISCARD));

        assertEquals(TestOutcome.TIMEOUT, result.outcome());
    }

    @Test
    void countsComeFromFreshJUnitXmlReports() throws Exception {
        write("test_calc.py", """
                def test_adds():
                    assert 2 + 2 == 4

                def test_subtracts():
                    assert 3 - 1 == 1
                """);
        // A report left from an earlier run must not count.
        Path stale = write("build/reports/old.xml", """
                <testsuite name="old" tests="1"><testcase classname="old" name="test_gone"><failure message="old"/></testcase></testsuite>
                """);
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(1))));

        TestResult result = run(List.of("python3", "-m", "pytest", "-q", "-p", "no:cacheprovider",
                "--junitxml=build/reports/pytest.xml"), "build/reports/*.xml");

        assertEquals(TestOutcome.FAILED, result.outcome());
        assertTrue(result.detail().contains("1 JUnit XML report(s)"), result.detail());
        assertEquals(List.of(1, 1), List.of(result.passed(), result.failed()));
        assertEquals(List.of("test_calc.test_adds", "test_calc.test_subtracts"),
                result.cases().stream().map(TestCase::name).sorted().toList());
        assertTrue(result.failures().get(0).message().startsWith("assert (3 - 1) == 1"), result.failures().get(0).message());
    }

    static boolean installed(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private TestResult run(List<String> command, String reports) throws InterruptedException {
        TestSettings.Command settings = new TestSettings.Command(command, Map.of(), 60, reports);
        return runner.run(new TestRequest(workspace, settings, List.of(), OutputSink.DISCARD));
    }

    private Path write(String path, String text) throws IOException {
        Path file = workspace.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
