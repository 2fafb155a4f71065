package dev.redyellow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.exec.OutputSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every parser on real output of its runner (see summaries/README.md for how each file was made);
 * all parsers see every file, so these also check that the right one wins.
 */
class SummaryParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unittest-passing.txt         | python unittest        | 4 | 0 | 1
            unittest-failing.txt         | python unittest        | 2 | 2 | 1
            unittest-failing-verbose.txt | python unittest        | 2 | 2 | 1
            unittest-no-tests.txt        | python unittest        | 0 | 0 | 0
            pytest-passing.txt           | pytest                 | 4 | 0 | 1
            pytest-failing.txt           | pytest                 | 2 | 2 | 1
            pytest-failing-quiet.txt     | pytest                 | 2 | 2 | 1
            pytest-no-tests.txt          | pytest                 | 0 | 0 | 0
            node-passing.txt             | node --test            | 3 | 0 | 1
            node-failing.txt             | node --test            | 2 | 1 | 1
            node-no-tests.txt            | node --test            | 0 | 0 | 0
            junit-console-passing.txt    | JUnit console launcher | 3 | 0 | 1
            junit-console-failing.txt    | JUnit console launcher | 2 | 1 | 1
            surefire-passing.txt         | Maven Surefire         | 5 | 0 | 1
            surefire-failing.txt         | Maven Surefire         | 3 | 2 | 1
            cargo-passing.txt            | cargo test             | 4 | 0 | 1
            cargo-failing.txt            | cargo test             | 2 | 1 | 1
            go-passing.txt               | go test                | 2 | 0 | 0
            go-failing.txt               | go test                | 1 | 1 | 0
            go-failing-verbose.txt       | go test                | 2 | 1 | 1
            go-no-tests.txt              | go test                | 0 | 0 | 0
            plain-failing.txt            | plain summary          | 1 | 1 | 0
            vitest-passing.txt           | vitest                 | 3 | 0 | 2
            vitest-failing.txt           | vitest                 | 3 | 1 | 1
            vitest-load-failure.txt      | vitest                 | 1 | 1 | 0
            vitest-missing-module.txt    | vitest                 | 0 | 0 | 0
            jest-passing.txt             | jest                   | 1 | 0 | 0
            jest-failing.txt             | jest                   | 3 | 1 | 1
            jest-missing-module.txt      | jest                   | 0 | 0 | 0
            jest-no-tests.txt            | jest                   | 0 | 0 | 0
            """)
    void countsTestsOfEachRunner(String file, String runner, int passed, int failed, int skipped) throws IOException {
        OutputLines.Recognised summary = parse(file);

        assertEquals(runner, summary.runner());
        assertEquals(List.of(passed, failed, skipped),
                List.of(summary.tally().passed(), summary.tally().failed(), summary.tally().skipped()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unittest-failing.txt         | test_calc.CalcTest.test_divides=ValueError: boom; test_calc.CalcTest.test_subtracts=AssertionError: 1 != 2
            unittest-failing-verbose.txt | test_calc.CalcTest.test_divides=ValueError: boom; test_calc.CalcTest.test_subtracts=AssertionError: 1 != 2
            pytest-failing.txt           | test_slug.py::test_replaces_spaces=AssertionError: assert 'a-b' == '...; test_slug.py::test_strips=AssertionError: assert '-a-' == 'a'
            node-failing.txt             | replaces spaces=Expected values to be strictly equal:
            junit-console-failing.txt    | SlugTest.replacesSpaces()=org.opentest4j.AssertionFailedError: expected: <a_b> but was: <a-b>
            surefire-failing.txt         | tools.SlugTest.replacesSpaces=org.opentest4j.AssertionFailedError: expected: <a_b> but was: <a-b>; tools.TitleTest.failsOnPurpose=java.lang.IllegalStateException: broken title
            cargo-failing.txt            | tests::replaces_spaces=assertion `left == right` failed
            go-failing.txt               | TestReplacesSpaces=slug_test.go:14: got "a-b", want "a_b"
            go-failing-verbose.txt       | TestReplacesSpaces=
            vitest-failing.txt           | tests/sum.test.js > sum > is wrong on purpose=AssertionError: expected 4 to be 5 // Object.is equality
            vitest-load-failure.txt      | tests/noexport.test.js > product=TypeError: product is not a function
            vitest-missing-module.txt    | ''
            jest-failing.txt             | sum › is wrong on purpose=expect(received).toBe(expected) // Object.is equality
            jest-missing-module.txt      | ''
            """)
    void namesFailingTestsWithTheirMessages(String file, String expected) throws IOException {
        OutputLines.Recognised summary = parse(file);

        String failures = summary.tally().cases().stream()
                .map(c -> c.name() + "=" + c.message())
                .collect(Collectors.joining("; "));
        assertEquals(expected.strip(), failures);
    }

    @Test
    void pytestsBannerOfAStoppedSessionIsHeardWhateverItsExitCodeWillBe() {
        // pytest -q after pytest.exit("done", returncode=0) in the second of three tests (pytest 9.0.3)
        OutputLines lines = new OutputLines(SummaryParser.forCommand(List.of("python3", "-I", "-m", "pytest", "-q")));
        feed(lines, ".\n1 passed in 0.72s\n!!!!!!!!!!!!!!!!!!!!!!!!! _pytest.outcomes.Exit: done !!!!!!!!!!!!!!!!!!!!!!!!!!\n");

        assertEquals(java.util.Optional.of("_pytest.outcomes.Exit: done"), lines.stopped());
        assertEquals(1, lines.summary().orElseThrow().tally().passed());

        OutputLines ended = new OutputLines(SummaryParser.forCommand(List.of("pytest")));
        feed(ended, "..\n2 passed in 0.01s\n");
        assertTrue(ended.stopped().isEmpty());

        // found by the second review: a message with a line break moves the closing ruler to its second line, and a
        // long one gets a single "!" on each side; a line of a test's own that only looks alike is not pytest's stop
        for (String banner : List.of("!!!!!!!!!! _pytest.outcomes.Exit: a\nb !!!!!!!!!!\n",
                "! _pytest.outcomes.Exit: " + "x".repeat(80) + " !\n", "!!!!!!!!!! KeyboardInterrupt !!!!!!!!!!\n")) {
            OutputLines stopped = new OutputLines(SummaryParser.forCommand(List.of("python3", "-I", "-m", "pytest")));
            feed(stopped, ".\n1 passed in 0.10s\n" + banner);
            assertTrue(stopped.stopped().isPresent(), banner);
        }
        OutputLines printed = new OutputLines(SummaryParser.all());
        feed(printed, "\n!!! legacy mode is on !!!\n.\nRan 1 test in 0.001s\n\nOK\n");
        assertTrue(printed.stopped().isEmpty());
    }

    @Test
    void outputWithoutAnySummaryIsNotRecognised() {
        OutputLines lines = new OutputLines(SummaryParser.all());
        feed(lines, "compiling...\nall good\n3 tests, probably\n");

        assertTrue(lines.summary().isEmpty());
    }

    @Test
    void jestNamesAFailingTestOnceThoughItsSummaryRepeatsIt() {
        OutputLines lines = new OutputLines(SummaryParser.all());
        feed(lines, """
                FAIL tests/a.test.js
                  ● a › fails

                    boom

                Summary of all failing tests
                FAIL tests/a.test.js
                  ● a › fails

                    boom

                Tests:       1 failed, 2 passed, 3 total
                """);

        TestTally tally = lines.summary().orElseThrow().tally();
        assertEquals(List.of("a › fails=boom"), tally.cases().stream().map(c -> c.name() + "=" + c.message()).toList());
        assertEquals(List.of(2, 1), List.of(tally.passed(), tally.failed()));
    }

    @Test
    void vitestIgnoresLinesThatOnlyLookLikeItsSummary() {
        OutputLines lines = new OutputLines(List.of(new VitestSummary()));
        feed(lines, "Tests  3 apples | 2 pears (5)\n");

        assertTrue(lines.summary().isEmpty());
    }

    @Test
    void linesSplitAcrossWritesAndColouredAreStillRead() {
        OutputLines lines = new OutputLines(SummaryParser.all());
        feed(lines, "\u001B[32m== 3 pas");
        feed(lines, "sed, 1 failed in 0.12s ==\u001B[0m\r\n");

        OutputLines.Recognised summary = lines.summary().orElseThrow();
        assertEquals("pytest", summary.runner());
        assertEquals(3, summary.tally().passed());
        assertEquals(1, summary.tally().failed());
    }

    @Test
    void aLastLineWithoutNewlineCounts() {
        OutputLines lines = new OutputLines(SummaryParser.all());
        feed(lines, "ok\n5 passed, 0 failed");
        lines.finish();

        assertEquals(5, lines.summary().orElseThrow().tally().passed());
    }

    @Test
    void aRunawayLineIsCutAndTheNextLineIsStillRead() {
        OutputLines lines = new OutputLines(SummaryParser.all());
        feed(lines, "x".repeat(OutputLines.MAX_LINE_BYTES * 3));
        // The summary, given from the middle of a larger buffer, as a reader's block would be.
        byte[] block = "garbage|\n7 passed, 2 failed\n|garbage".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        lines.write(OutputSink.Stream.STDOUT, block, 8, block.length - 16);

        TestTally tally = lines.summary().orElseThrow().tally();
        assertEquals(List.of(7, 2), List.of(tally.passed(), tally.failed()));
    }

    @Test
    void aCutLineKeepsOnlyItsFirstBytes() {
        OutputLines lines = new OutputLines(SummaryParser.all());
        // Cut, the line is "3 passed, 1 failed" followed by spaces: still a summary.
        feed(lines, "3 passed, 1 failed" + " ".repeat(OutputLines.MAX_LINE_BYTES) + "9 passed, 9 failed\n");

        TestTally tally = lines.summary().orElseThrow().tally();
        assertEquals(List.of(3, 1), List.of(tally.passed(), tally.failed()));
    }

    @Test
    void summedOverSeveralMavenModules() {
        OutputLines lines = new OutputLines(SummaryParser.all());
        feed(lines, "[INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.1 s -- in a.ATest\n"
                + "[INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0\n"
                + "[INFO] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.1 s -- in b.BTest\n"
                + "[ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0\n");

        TestTally tally = lines.summary().orElseThrow().tally();
        assertEquals(List.of(4, 1), List.of(tally.passed(), tally.failed()));
    }

    @Test
    void aClassOrModuleFixturesErrorIsNoFailedTestOfUnittest() {
        // unittest's setUpClass error is no test it ran ("Ran" counts only the other class's test): counted
        // as a failed test, a crash in a class fixture "proved" RED. An error in a test's body is its failure.
        OutputLines unittest = new OutputLines(List.of(new UnittestSummary()));
        feed(unittest, "ERROR: setUpClass (test_db.DbTest)\n"
                + "----------------------------------------------------------------------\n"
                + "Traceback (most recent call last):\n  File \"test_db.py\", line 6, in setUpClass\n"
                + "RuntimeError: no database\n\n"
                + "======================================================================\n"
                + "ERROR: test_reads (test_file.FileTest.test_reads)\n"
                + "----------------------------------------------------------------------\n"
                + "Traceback (most recent call last):\n  File \"test_file.py\", line 9, in test_reads\n"
                + "AttributeError: module 'files' has no attribute 'read'\n\n"
                + "Ran 1 test in 0.001s\n\nFAILED (errors=2)\n");
        unittest.finish();
        TestTally fromUnittest = unittest.summary().orElseThrow().tally();
        assertEquals(List.of(0, 1), List.of(fromUnittest.passed(), fromUnittest.failed()));
        assertEquals(List.of("test_db.DbTest.setUpClass", "test_file.FileTest.test_reads"),
                fromUnittest.cases().stream().map(TestCase::name).toList());

        // pytest names a fixture's error by the test it broke, whatever its scope: that test's failure
        OutputLines pytest = new OutputLines(List.of(new PytestSummary()));
        feed(pytest, "ERROR tests/test_db.py::test_reads - RuntimeError: no database\n1 passed, 1 error in 0.12s\n");
        pytest.finish();
        TestTally fromPytest = pytest.summary().orElseThrow().tally();
        assertEquals(List.of(1, 1), List.of(fromPytest.passed(), fromPytest.failed()));
    }

    @Test
    void aNodeFileEntryWithItsTestsUnderItIsNode18sWrapperAndStays() {
        // Node 18 reports each file as an entry with its tests nested under it, and counts the entries
        OutputLines lines = new OutputLines(List.of(new NodeTestSummary()));
        feed(lines, "TAP version 13\n# Subtest: /work/slug.test.js\n    # Subtest: lowers\n    ok 1 - lowers\n"
                + "    1..1\nok 1 - /work/slug.test.js\n# Subtest: /work/empty.test.js\nok 2 - /work/empty.test.js\n"
                + "1..2\n# tests 2\n# pass 2\n# fail 0\n# cancelled 0\n# skipped 0\n# todo 0\n");
        lines.finish();
        TestTally tally = lines.summary().orElseThrow().tally();
        assertEquals(List.of(1, 0), List.of(tally.passed(), tally.failed()), "the empty file's entry is no test");
    }

    @Test
    void pytestsShortSummaryOfSkipsSaysWhereTheyCameFrom() {
        PytestSummary pytest = new PytestSummary();
        """
                .sss
                =========================== short test summary info ============================
                SKIPPED [2] calc/ops.py:7: not supported here
                SKIPPED [1] tests/test_calc.py:10: declared: by the test
                1 passed, 3 skipped in 1.61s
                """.lines().forEach(pytest::accept);

        TestTally tally = pytest.tally().orElseThrow();
        assertEquals(List.of(1, 0, 3), List.of(tally.passed(), tally.failed(), tally.skipped()));
        assertEquals(List.of(new TestCase("2 tests", TestCase.Status.SKIPPED, "not supported here", 0, List.of("calc/ops.py:7")),
                new TestCase("1 test", TestCase.Status.SKIPPED, "declared: by the test", 0, List.of("tests/test_calc.py:10"))),
                tally.cases());
    }

    @Test
    void aSkipsReasonIsNoLoadFailureAndNamesNothingMissing() {
        // pytest.importorskip's reason, now in every pytest run's short summary (-rfEs), or with -v after the test
        String output = """
                SKIPPED [1] tests/test_np.py:3: could not import 'numpyzz': No module named 'numpyzz'
                tests/test_np.py::test_a SKIPPED (could not import 'shop.x': ImportError: cannot import name 'x' from 'shop')
                """;
        LoadFailures load = new LoadFailures();
        output.lines().forEach(load::accept);

        assertFalse(load.seen(), load.detail());
        assertEquals(List.of(), MissingNames.in(output, null));
        assertEquals(List.of("numpyzz"), MissingNames.in(output + "ModuleNotFoundError: No module named 'numpyzz'\n", null)
                .stream().map(MissingNames.MissingName::name).toList());
    }

    private static OutputLines.Recognised parse(String file) throws IOException {
        OutputLines lines = new OutputLines(SummaryParser.all());
        try (InputStream in = SummaryParserTest.class.getResourceAsStream("summaries/" + file)) {
            byte[] bytes = in.readAllBytes();
            // Small writes, as a pipe delivers them, so lines are cut at arbitrary places.
            for (int i = 0; i < bytes.length; i += 100) {
                lines.write(OutputSink.Stream.STDOUT, bytes, i, Math.min(100, bytes.length - i));
            }
        }
        lines.finish();
        return lines.summary().orElseThrow(() -> new AssertionError("no summary recognised in " + file));
    }

    private static void feed(OutputLines lines, String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        lines.write(OutputSink.Stream.STDOUT, bytes, 0, bytes.length);
    }
}
