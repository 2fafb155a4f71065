package dev.redyellow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.manifest.TestSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** pytest in a warm server, against real python3 and pytest, on workspaces in temporary folders. */
class WarmScriptRunnerTest {

    static final List<String> PYTEST = List.of("python3", "-m", "pytest", "-q", "-p", "no:cacheprovider");
    /** With what the tests print (-s). */
    private static final List<String> PYTEST_PRINTING = List.of("python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "-s");

    private static final String CALC_TEST = """
            def test_adds():
                assert 2 + 2 == 4


            def test_subtracts():
                assert 3 - 1 == %s
            """;

    @TempDir
    Path dir;

    private final CommandTestRunner perRun = new CommandTestRunner(new ProcessRunner());
    private final ScriptServerPool pool = new ScriptServerPool();
    private final WarmScriptRunner warm = new WarmScriptRunner(pool, perRun);

    @AfterEach
    void closePool() {
        warm.close();
    }

    @Test
    void onlyAFolderOfVitestsNamingRightInTheRunsTemporaryFolderIsTakenForRemoval() {
        Path root = ScriptServer.tmpRoot(Map.of("TMPDIR", "/work/tmp/", "TMP", "/elsewhere"));
        assertEquals(Path.of("/work/tmp"), root, "TMPDIR first, its trailing slash dropped, as os.tmpdir()");
        assertEquals(Path.of("/elsewhere"), ScriptServer.tmpRoot(Map.of("TMPDIR", "", "TMP", "/elsewhere")));
        assertEquals(Path.of("/tmp"), ScriptServer.tmpRoot(Map.of()));
        assertEquals(null, ScriptServer.tmpRoot(Map.of("TMPDIR", "relative")), "a relative one names no folder here");

        assertEquals(Optional.of(Path.of("/work/tmp/qD-qZaRvr-cyaPStwBnre")),
                ScriptServer.projectTmpDir("/work/tmp/qD-qZaRvr-cyaPStwBnre", root));
        for (String other : List.of("/work/tmp", "/work/tmp/short", "/work/tmp/qD-qZaRvr-cyaPStwBnre/ssr",
                "/work/qD-qZaRvr-cyaPStwBnre", "/work/tmp/../tmp/qD-qZaRvr-cyaPStwBnre", "work/tmp/qD-qZaRvr-cyaPStwBnre",
                "/work/tmp/qD-qZaRvr-cyaPStwBn.e", "/")) {
            assertEquals(Optional.empty(), ScriptServer.projectTmpDir(other, root), other);
        }
        assertEquals(Optional.empty(), ScriptServer.projectTmpDir("/work/tmp/qD-qZaRvr-cyaPStwBnre", null));
    }

    @Test
    void passingAndFailingPytestRunWarmAndAreJudgedAsAProcessPerRun() throws Exception {
        CommandTestRunnerTest.requirePytest();
        Path passing = workspace("passing", Map.of("tests/test_calc.py", CALC_TEST.formatted("2")));
        Path failing = workspace("failing", Map.of("tests/test_calc.py", CALC_TEST.formatted("1")));

        Captured warmPass = run(warm, passing, command(PYTEST, TestSettings.Fork.WARM), "tests/test_calc.py");
        Captured warmFail = run(warm, failing, command(PYTEST, TestSettings.Fork.WARM), "tests/test_calc.py");
        Captured coldPass = run(perRun, passing, command(PYTEST, TestSettings.Fork.PER_RUN), "tests/test_calc.py");
        Captured coldFail = run(perRun, failing, command(PYTEST, TestSettings.Fork.PER_RUN), "tests/test_calc.py");

        assertEquals(TestOutcome.PASSED, warmPass.result().outcome(), warmPass.result().detail() + warmPass.text());
        assertTrue(warmPass.text().contains("[redyellow] warm pytest server 1 (run 1)"), warmPass.text());
        assertTrue(warmFail.text().contains("[redyellow] warm pytest server 1 (run 2)"), "the same server: " + warmFail.text());
        assertEquals(TestOutcome.FAILED, warmFail.result().outcome(), warmFail.result().detail());
        assertEquals("tests/test_calc.py::test_subtracts", warmFail.result().failures().get(0).name());
        assertSame(coldPass.result(), warmPass.result());
        assertSame(coldFail.result(), warmFail.result());
        assertEquals(1, pool.state().serversStarted());
        assertEquals(2, pool.state().warmRuns());
    }

    @Test
    void aTestsSpawnedProcessRunsItsTargetAsUnderPythonDashMPytest() throws Exception {
        // multiprocessing's spawn and forkserver (forkserver is the default on Linux from Python 3.14) start
        // a child by importing the parent's main module again: in the warm server that was the server's
        // script, which then ran a server in the test's child, and the target never ran.
        CommandTestRunnerTest.requirePytest();
        Path ws = workspace("spawning", Map.of("tests/test_spawn.py", """
                import multiprocessing

                def put_square(queue, x):
                    queue.put(x * x)

                def test_a_spawned_child_runs_its_target():
                    context = multiprocessing.get_context("spawn")
                    queue = context.Queue()
                    child = context.Process(target=put_square, args=(queue, 7))
                    child.start()
                    assert queue.get(timeout=60) == 49
                    child.join(60)
                    assert child.exitcode == 0
                """));
        Captured warmRun = run(warm, ws, command(PYTEST, TestSettings.Fork.WARM), "tests/test_spawn.py");
        Captured coldRun = run(perRun, ws, command(PYTEST, TestSettings.Fork.PER_RUN), "tests/test_spawn.py");
        assertEquals(TestOutcome.PASSED, coldRun.result().outcome(), coldRun.result().detail() + coldRun.text());
        assertEquals(TestOutcome.PASSED, warmRun.result().outcome(), warmRun.result().detail() + warmRun.text());
        assertSame(coldRun.result(), warmRun.result());
    }

    @Test
    void aRelativePythonPathIsTheWorkspacesAsUnderAProcessStartedThere() throws Exception {
        // Python makes PYTHONPATH's relative entries absolute against the folder it starts in: the
        // server's, not the workspace's, so `PYTHONPATH=src` found nothing in a warm run
        CommandTestRunnerTest.requirePytest();
        Path ws = workspace("src-layout", Map.of(
                "src/shop/__init__.py", "VALUE = 42\n",
                "tests/test_shop.py", "import shop\n\n\ndef test_value():\n    assert shop.VALUE == 42\n"));
        TestSettings.Command warmSettings = new TestSettings.Command(PYTEST, Map.of("PYTHONPATH", "src"), 60, null, false,
                List.of(), TestSettings.Fork.WARM);
        Captured warmRun = run(warm, ws, warmSettings, "tests/test_shop.py");
        Captured coldRun = run(perRun, ws, warmSettings.withFork(TestSettings.Fork.PER_RUN), "tests/test_shop.py");
        assertEquals(TestOutcome.PASSED, coldRun.result().outcome(), coldRun.result().detail() + coldRun.text());
        assertEquals(TestOutcome.PASSED, warmRun.result().outcome(), warmRun.result().detail() + warmRun.text());
        assertSame(coldRun.result(), warmRun.result());
    }

    @Test
    void theWaitForAServerToStartIsNotedForTheThreadThatWaitedOnlyWhenOneStarts() throws Exception {
        CommandTestRunnerTest.requirePytest();
        Path passing = workspace("passing", Map.of("tests/test_calc.py", CALC_TEST.formatted("2")));
        StartWaits.takeMillis();
        long before = System.nanoTime();
        run(warm, passing, command(PYTEST, TestSettings.Fork.WARM), "tests/test_calc.py");
        long firstRunMillis = (System.nanoTime() - before) / 1_000_000;
        long firstWait = StartWaits.takeMillis();
        run(warm, passing, command(PYTEST, TestSettings.Fork.WARM), "tests/test_calc.py");
        long secondWait = StartWaits.takeMillis();

        assertEquals(1, pool.state().serversStarted());
        assertTrue(firstWait > 0 && firstWait <= firstRunMillis, "the first run waited for the server: " + firstWait
                + " ms of its " + firstRunMillis + " ms");
        assertEquals(0, secondWait, "the second run found the server started");
        assertEquals(0, StartWaits.takeMillis(), "taking clears it");
    }

    /** A module and a test that check which file their code says it came from, and the module's value. */
    private static final String WHERE_MODULE = """
            import inspect

            VALUE = %s


            def where():
                return inspect.currentframe().f_code.co_filename
            """;
    private static final String WHERE_TEST = """
            import os

            import calc


            def test_the_code_is_this_workspaces():
                assert calc.where() == os.path.join(os.getcwd(), "calc.py")
                assert test_the_code_is_this_workspaces.__code__.co_filename == os.path.join(os.getcwd(), "test_where.py")


            def test_value():
                assert calc.VALUE == 1
            """;

    @Test
    void aModuleCompiledForOneWorkspaceIsNeverRunForAnotherWithOtherCode() throws Exception {
        CommandTestRunnerTest.requirePytest();
        // The same test file everywhere (its rewritten code is shared by content); calc.py differs in B.
        Path a = workspace("a", Map.of("calc.py", WHERE_MODULE.formatted("1"), "test_where.py", WHERE_TEST));
        Path b = workspace("b", Map.of("calc.py", WHERE_MODULE.formatted("2"), "test_where.py", WHERE_TEST));
        Path c = workspace("c", Map.of("calc.py", WHERE_MODULE.formatted("1"), "test_where.py", WHERE_TEST));

        Captured warmA = run(warm, a, command(PYTEST, TestSettings.Fork.WARM), "test_where.py");
        Captured warmB = run(warm, b, command(PYTEST, TestSettings.Fork.WARM), "test_where.py");
        Captured warmC = run(warm, c, command(PYTEST, TestSettings.Fork.WARM), "test_where.py");
        Captured coldB = run(perRun, b, command(PYTEST, TestSettings.Fork.PER_RUN), "test_where.py");

        assertEquals(TestOutcome.PASSED, warmA.result().outcome(), warmA.result().detail() + warmA.text());
        assertTrue(warmB.text().contains("[redyellow] warm pytest server 1 (run 2)"), "the same server: " + warmB.text());
        assertEquals(TestOutcome.FAILED, warmB.result().outcome(), warmB.result().detail() + warmB.text());
        assertEquals(List.of("test_where.py::test_value"), warmB.result().failures().stream().map(TestCase::name).toList());
        assertTrue(warmB.text().contains("assert 2 == 1"), warmB.text());
        assertSame(coldB.result(), warmB.result());
        // C has A's sources byte for byte: its code comes from what A's run compiled, under C's own file names.
        assertEquals(TestOutcome.PASSED, warmC.result().outcome(), warmC.result().detail() + warmC.text());
        assertEquals(1, pool.state().serversStarted());
        Path code = pool.codeFolderMade().orElseThrow();
        try (var files = Files.list(code)) {
            assertTrue(files.findAny().isPresent(), "the runs kept the code they compiled in " + code);
        }

        warm.close();
        assertFalse(Files.exists(code), "the pool deletes the compiled code with itself");
    }

    @Test
    void hooksOfTheSameNameWithOtherArgumentsGetTheirOwnInEachRun() throws Exception {
        CommandTestRunnerTest.requirePytest();
        // The server keeps pluggy's reading of each hook function's arguments: by the function, never by
        // its name, so B's hook, named as A's, is called with the arguments it asks for.
        String test = "def test_one():\n    assert True\n";
        Path a = workspace("a", Map.of("conftest.py", """
                def pytest_collection_modifyitems(items):
                    print("HOOK-A", len(items))
                """, "test_one.py", test));
        Path b = workspace("b", Map.of("conftest.py", """
                def pytest_collection_modifyitems(config, items, session):
                    print("HOOK-B", len(items), config.getoption("verbose") < 0, session.testscollected)
                """, "test_one.py", test));

        Captured warmA = run(warm, a, command(PYTEST_PRINTING, TestSettings.Fork.WARM), "test_one.py");
        Captured warmB = run(warm, b, command(PYTEST_PRINTING, TestSettings.Fork.WARM), "test_one.py");
        Captured warmA2 = run(warm, a, command(PYTEST_PRINTING, TestSettings.Fork.WARM), "test_one.py");
        Captured coldB = run(perRun, b, command(PYTEST_PRINTING, TestSettings.Fork.PER_RUN), "test_one.py");

        assertEquals(TestOutcome.PASSED, warmA.result().outcome(), warmA.result().detail() + warmA.text());
        assertTrue(warmA.text().contains("HOOK-A 1"), warmA.text());
        assertTrue(warmB.text().contains("[redyellow] warm pytest server 1 (run 2)"), "the same server: " + warmB.text());
        assertEquals(TestOutcome.PASSED, warmB.result().outcome(), warmB.result().detail() + warmB.text());
        assertTrue(warmB.text().contains("HOOK-B 1 True 0"), warmB.text());
        assertTrue(coldB.text().contains("HOOK-B 1 True 0"), coldB.text());
        assertTrue(warmA2.text().contains("HOOK-A 1"), warmA2.text());
    }

    @Test
    void theKeptHookSignaturesFollowAFunctionWhoseCodeOrDefaultsChange() throws Exception {
        CommandTestRunnerTest.requirePytest();
        Path ws = workspace("signatures", Map.of("test_signatures.py", """
                import pluggy._hooks


                def hook(a, b, c=1):
                    pass


                def test_a_changed_function_is_read_again():
                    varnames = pluggy._hooks.varnames
                    print("READER", type(varnames).__name__)
                    assert varnames(hook) == (("a", "b"), ("c",))
                    assert varnames(hook) == (("a", "b"), ("c",))
                    hook.__defaults__ = (1, 2)
                    assert varnames(hook) == (("a",), ("b", "c"))

                    def other(x):
                        pass

                    hook.__code__ = other.__code__
                    hook.__defaults__ = None
                    assert varnames(hook) == (("x",), ())
                """));

        Captured warmRun = run(warm, ws, command(PYTEST_PRINTING, TestSettings.Fork.WARM), "test_signatures.py");
        Captured coldRun = run(perRun, ws, command(PYTEST_PRINTING, TestSettings.Fork.PER_RUN), "test_signatures.py");

        assertEquals(TestOutcome.PASSED, warmRun.result().outcome(), warmRun.result().detail() + warmRun.text());
        assertTrue(warmRun.text().contains("READER KnownSignatures"), "the server's reader: " + warmRun.text());
        assertEquals(TestOutcome.PASSED, coldRun.result().outcome(), coldRun.result().detail() + coldRun.text());
        assertTrue(coldRun.text().contains("READER function"), coldRun.text());
    }

    @Test
    void keptCompiledCodeOutlivesThePoolServesTheNextAndADamagedEntryIsMadeAgain() throws Exception {
        CommandTestRunnerTest.requirePytest();
        Path kept = dir.resolve("kept-code");
        Path a = workspace("a", Map.of("calc.py", WHERE_MODULE.formatted("1"), "test_where.py", WHERE_TEST));
        Path b = workspace("b", Map.of("calc.py", WHERE_MODULE.formatted("1"), "test_where.py", WHERE_TEST));

        try (WarmScriptRunner first = new WarmScriptRunner(perRun, kept)) {
            Captured run = run(first, a, command(PYTEST, TestSettings.Fork.WARM), "test_where.py");
            assertEquals(TestOutcome.PASSED, run.result().outcome(), run.result().detail() + run.text());
        }
        Map<Path, Long> made = entries(kept);
        assertFalse(made.isEmpty(), "the first pool kept the code it compiled in " + kept);
        for (Path entry : made.keySet()) {
            assertTrue(intact(entry), "an entry is its payload's SHA-256 and the payload: " + entry);
        }

        // A later pool, on another workspace with the same sources, compiles nothing: it reads what is kept.
        try (WarmScriptRunner second = new WarmScriptRunner(perRun, kept)) {
            Captured run = run(second, b, command(PYTEST, TestSettings.Fork.WARM), "test_where.py");
            assertEquals(TestOutcome.PASSED, run.result().outcome(), run.result().detail() + run.text());
        }
        assertEquals(made, entries(kept), "the same entries, none written again");

        // Damaged entries (a flipped byte in each payload) are never loaded: the run compiles and writes them again.
        for (Path entry : made.keySet()) {
            byte[] bytes = Files.readAllBytes(entry);
            bytes[bytes.length - 1] ^= 0x5a;
            Files.write(entry, bytes);
            assertFalse(intact(entry));
        }
        try (WarmScriptRunner third = new WarmScriptRunner(perRun, kept)) {
            Captured run = run(third, b, command(PYTEST, TestSettings.Fork.WARM), "test_where.py");
            assertEquals(TestOutcome.PASSED, run.result().outcome(), run.result().detail() + run.text());
        }
        assertEquals(made.keySet(), entries(kept).keySet());
        for (Path entry : made.keySet()) {
            assertTrue(intact(entry), "made again: " + entry);
        }
    }

    @Test
    void aKeptCodeFolderThatCannotBeMadeFallsBackToOneOfThePoolsOwn() throws Exception {
        CommandTestRunnerTest.requirePytest();
        Path blocked = Files.writeString(dir.resolve("a-file"), "not a folder").resolve("kept-code");
        Path ws = workspace("fallback", Map.of("tests/test_calc.py", CALC_TEST.formatted("2")));
        ScriptServerPool own = new ScriptServerPool(blocked);
        try (WarmScriptRunner runner = new WarmScriptRunner(own, perRun)) {
            Captured run = run(runner, ws, command(PYTEST, TestSettings.Fork.WARM), "tests/test_calc.py");
            assertEquals(TestOutcome.PASSED, run.result().outcome(), run.result().detail() + run.text());
            assertTrue(run.text().contains("[redyellow] warm pytest server 1 (run 1)"), "warm all the same: " + run.text());
            Path used = own.codeFolderMade().orElseThrow();
            assertNotEquals(blocked, used);
            runner.close();
            assertFalse(Files.exists(used), "the pool's own folder goes with it");
        }
    }

    /** The kept folder's entries and their modification times. */
    private static Map<Path, Long> entries(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            Map<Path, Long> found = new java.util.TreeMap<>();
            for (Path f : (Iterable<Path>) files::iterator) {
                found.put(f, Files.getLastModifiedTime(f).toMillis());
            }
            return found;
        }
    }

    private static boolean intact(Path entry) throws Exception {
        byte[] bytes = Files.readAllBytes(entry);
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(java.util.Arrays.copyOfRange(bytes, 32, bytes.length));
        return bytes.length > 32 && java.util.Arrays.equals(digest, java.util.Arrays.copyOf(bytes, 32));
    }

    @Test
    void warningsOfCompilingAndRewritingComeInEveryRunAsInAPlainRun() throws Exception {
        CommandTestRunnerTest.requirePytest();
        // An invalid escape warns when compiled (DeprecationWarning, SyntaxWarning from Python 3.12), an
        // assert on a tuple when pytest rewrites it; -W error makes either an error that fails collection.
        Map<String, String> files = Map.of("calc.py", "PATTERN = \"\\d+\"\n", "test_calc.py", """
                from calc import PATTERN


                def test_pattern():
                    assert PATTERN == "\\\\d+"


                def test_tuple():
                    assert (1, "never false")
                """);
        Path first = workspace("first", files);
        Path compileError = workspace("compile-error", files);
        Path rewriteError = workspace("rewrite-error", files);
        List<String> compileWarningsFail = new ArrayList<>(PYTEST);
        compileWarningsFail.addAll(List.of("-W", "error::DeprecationWarning", "-W", "error::SyntaxWarning"));
        List<String> rewriteWarningsFail = new ArrayList<>(PYTEST);
        rewriteWarningsFail.addAll(List.of("-W", "error::pytest.PytestAssertRewriteWarning"));

        Captured warned = run(warm, first, command(PYTEST, TestSettings.Fork.WARM), "test_calc.py");
        Captured warmCompile = run(warm, compileError, command(compileWarningsFail, TestSettings.Fork.WARM), "test_calc.py");
        Captured warmRewrite = run(warm, rewriteError, command(rewriteWarningsFail, TestSettings.Fork.WARM), "test_calc.py");
        Captured coldCompile = run(perRun, compileError, command(compileWarningsFail, TestSettings.Fork.PER_RUN), "test_calc.py");
        Captured coldRewrite = run(perRun, rewriteError, command(rewriteWarningsFail, TestSettings.Fork.PER_RUN), "test_calc.py");

        assertEquals(TestOutcome.PASSED, warned.result().outcome(), warned.result().detail() + warned.text());
        assertTrue(warned.text().contains("invalid escape sequence"), warned.text());
        assertTrue(warned.text().contains("assertion is always true"), warned.text());
        assertNotEquals(TestOutcome.PASSED, coldCompile.result().outcome(), coldCompile.text());
        assertNotEquals(TestOutcome.PASSED, coldRewrite.result().outcome(), coldRewrite.text());
        assertSame(coldCompile.result(), warmCompile.result());
        assertSame(coldRewrite.result(), warmRewrite.result());
        assertTrue(warmCompile.text().contains("invalid escape sequence"), warmCompile.text());
        assertTrue(warmRewrite.text().contains("assertion is always true"), warmRewrite.text());
        assertEquals(3, pool.state().warmRuns());
    }

    @Test
    void aTestSeesTheProcessStateOfAPlainRunNotTheServersWarmUp() throws Exception {
        CommandTestRunnerTest.requirePytest();
        // The server ran a throwaway session of its own before serving: what a test can see of the
        // process must be as in `python -m pytest`.
        String test = """
                import faulthandler
                import json
                import logging
                import os
                import sys
                import threading
                import warnings


                def test_writes_what_it_sees():
                    cwd = os.getcwd()
                    state = {
                        "path": [p.replace(cwd, "<workspace>") for p in sys.path],
                        "filters": [repr(f) for f in warnings.filters],
                        "handlers": [type(h).__name__ for h in logging.root.handlers],
                        "level": logging.root.level,
                        "faulthandler": faulthandler.is_enabled(),
                        "hooks": [getattr(h, "__module__", None) for h in (sys.excepthook, sys.unraisablehook, threading.excepthook)],
                        "warm-up": sorted(n for n, m in sys.modules.items()
                                          if "warm" in n or "warm-up" in (getattr(m, "__file__", None) or "")),
                        "importers": sorted(str(p) for p in sys.path_importer_cache if "warm-up" in str(p)),
                        "ctypes": sorted(n for n in sys.modules if "ctypes" in n),
                        "pytest variables": sorted(k for k in os.environ if k.startswith("PYTEST")),
                        "stdout": type(sys.stdout).__name__,
                    }
                    with open("state.json", "w") as f:
                        json.dump(state, f, indent=1, sort_keys=True)
                """;
        Path warmWs = workspace("warm", Map.of("test_state.py", test));
        Path coldWs = workspace("cold", Map.of("test_state.py", test));

        Captured warmRun = run(warm, warmWs, command(PYTEST, TestSettings.Fork.WARM), "test_state.py");
        Captured coldRun = run(perRun, coldWs, command(PYTEST, TestSettings.Fork.PER_RUN), "test_state.py");

        assertEquals(TestOutcome.PASSED, warmRun.result().outcome(), warmRun.result().detail() + warmRun.text());
        assertEquals(TestOutcome.PASSED, coldRun.result().outcome(), coldRun.result().detail() + coldRun.text());
        assertEquals(Files.readString(coldWs.resolve("state.json")), Files.readString(warmWs.resolve("state.json")));
    }

    @Test
    void aCollectionErrorReadsAsInAPlainRun() throws Exception {
        CommandTestRunnerTest.requirePytest();
        // Every RED proof fails collection: the warm server remembers where pytest's own statements are
        // (StatementRanges); the report must still read as a plain run's, twice over.
        Map<String, String> files = Map.of("test_calc.py", """
                import calc


                def test_adds():
                    assert calc.add(1, 2) == 3
                """, "calc/__init__.py", """
                from calc.ops import (
                    add,
                    subtract,
                )
                """, "calc/ops.py", "def add(a, b):\n    return a + b\n");
        Path first = workspace("first", files);
        Path second = workspace("second", files);

        Captured warmFirst = run(warm, first, command(PYTEST, TestSettings.Fork.WARM), "test_calc.py");
        Captured warmSecond = run(warm, second, command(PYTEST, TestSettings.Fork.WARM), "test_calc.py");
        Captured cold = run(perRun, first, command(PYTEST, TestSettings.Fork.PER_RUN), "test_calc.py");

        assertEquals(TestOutcome.COMPILE_ERROR, cold.result().outcome(), cold.result().detail() + cold.text());
        assertSame(cold.result(), warmFirst.result());
        assertSame(cold.result(), warmSecond.result());
        assertEquals(cold.result().detail(), warmSecond.result().detail().replace("second", "first"));
        assertTrue(cold.text().contains("from calc.ops import ("), cold.text());
        assertEquals(report(cold.text()), report(warmFirst.text()));
        assertEquals(report(cold.text()), report(warmSecond.text()).replace("second", "first"));
    }

    @Test
    void failuresOfOneFileReadAsInAPlainRun() throws Exception {
        CommandTestRunnerTest.requirePytest();
        // One after another, the failures of one file reuse the tree the first parsed (StatementRanges).
        Map<String, String> files = Map.of("test_many.py", """
                def check(value):
                    assert value == (
                        1
                    )


                def test_one():
                    check(2)


                def test_two():
                    total = sum([
                        1,
                        2,
                    ])
                    assert total == 4


                def test_three():
                    check(1)
                    check(3)
                """);
        Path first = workspace("first", files);
        Path second = workspace("second", files);

        Captured warmFirst = run(warm, first, command(PYTEST, TestSettings.Fork.WARM), "test_many.py");
        Captured warmSecond = run(warm, second, command(PYTEST, TestSettings.Fork.WARM), "test_many.py");
        Captured cold = run(perRun, first, command(PYTEST, TestSettings.Fork.PER_RUN), "test_many.py");

        assertEquals(TestOutcome.FAILED, cold.result().outcome(), cold.result().detail() + cold.text());
        assertEquals(3, cold.result().failed(), cold.text());
        assertSame(cold.result(), warmFirst.result());
        assertSame(cold.result(), warmSecond.result());
        assertTrue(cold.text().contains("total = sum(["), cold.text());
        assertEquals(report(cold.text()), report(warmFirst.text()));
        assertEquals(report(cold.text()), report(warmSecond.text()));
    }

    @Test
    void failuresThroughTheCodeUnderTestReadAsInAPlainRunFromStatementStartsKeptForLaterPools() throws Exception {
        CommandTestRunnerTest.requirePytest();
        // Each failure's traceback goes through the test file and the code under test in turn; the
        // statement starts of both are walked once and kept in the code folder (StatementRanges).
        Map<String, String> files = Map.of("codec.py", """
                def encode(value):
                    if value < 0:
                        raise ValueError(
                            "negative: %d"
                            % value
                        )
                    return [
                        value
                        // 2,
                    ]
                """, "test_codec.py", """
                import codec


                def test_one():
                    assert codec.encode(
                        -1
                    ) == [0]


                def test_two():
                    assert codec.encode(4) == [
                        4,
                    ]


                def test_three():
                    codec.encode(2)
                    codec.encode(-3)
                """);
        Path kept = dir.resolve("kept-code");
        Path first = workspace("first", files);
        Path second = workspace("second", files);
        Captured cold = run(perRun, first, command(PYTEST, TestSettings.Fork.PER_RUN), "test_codec.py");
        assertEquals(TestOutcome.FAILED, cold.result().outcome(), cold.result().detail() + cold.text());
        assertEquals(3, cold.result().failed(), cold.text());
        assertTrue(cold.text().contains("\"negative: %d\""), cold.text());

        try (WarmScriptRunner one = new WarmScriptRunner(perRun, kept)) {
            Captured run = run(one, first, command(PYTEST, TestSettings.Fork.WARM), "test_codec.py");
            assertSame(cold.result(), run.result());
            assertEquals(report(cold.text()), report(run.text()));
        }
        Map<Path, Long> made = entries(kept);
        long starts = 0;
        for (Path entry : made.keySet()) {
            starts += statementStarts(entry) ? 1 : 0;
        }
        assertTrue(starts >= 2, "the statement starts of codec.py and test_codec.py are kept: " + starts);

        try (WarmScriptRunner two = new WarmScriptRunner(perRun, kept)) {
            Captured run = run(two, second, command(PYTEST, TestSettings.Fork.WARM), "test_codec.py");
            assertSame(cold.result(), run.result());
            assertEquals(report(cold.text()), report(run.text()).replace("second", "first"));
        }
        assertEquals(made, entries(kept), "read, none walked or written again");

        // A damaged entry is walked again, and the report is the same.
        for (Path entry : made.keySet()) {
            byte[] bytes = Files.readAllBytes(entry);
            bytes[bytes.length - 1] ^= 0x5a;
            Files.write(entry, bytes);
        }
        try (WarmScriptRunner three = new WarmScriptRunner(perRun, kept)) {
            Captured run = run(three, second, command(PYTEST, TestSettings.Fork.WARM), "test_codec.py");
            assertSame(cold.result(), run.result());
            assertEquals(report(cold.text()), report(run.text()).replace("second", "first"));
        }
        for (Path entry : made.keySet()) {
            assertTrue(intact(entry), "made again: " + entry);
        }
    }

    /** Whether a kept entry holds statement starts: its payload is a marshalled list (type '[', with or without the ref flag). */
    private static boolean statementStarts(Path entry) throws IOException {
        byte[] bytes = Files.readAllBytes(entry);
        return bytes.length > 32 && (bytes[32] & 0x7f) == '[';
    }

    /** A run's output without RedYellow's own lines and pytest's timing. */
    private static String report(String output) {
        return output.lines().filter(line -> !line.startsWith("[redyellow]"))
                .map(line -> line.replaceAll(" in [0-9.]+s", " in Xs")).collect(java.util.stream.Collectors.joining("\n"));
    }

    @Test
    void aVirtualenvLinkedIntoTheWorkspaceStaysTheInterpreter() throws Exception {
        CommandTestRunnerTest.requirePytest();
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Process venv = new ProcessBuilder("python3", "-m", "venv", "--without-pip", "--system-site-packages", ".venv")
                .directory(shared.toFile()).redirectErrorStream(true).start();
        String venvOutput = new String(venv.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, venv.waitFor(), venvOutput);
        // As a run's workspace has it: the shared .venv linked in; its bin/python is itself a link.
        Path ws = workspace("venv", Map.of("test_prefix.py", """
                import sys


                def test_runs_in_the_virtualenv():
                    assert sys.prefix != sys.base_prefix, sys.prefix
                    assert sys.prefix.endswith(".venv"), sys.prefix
                """));
        Files.createSymbolicLink(ws.resolve(".venv"), shared.resolve(".venv"));
        List<String> argv = new ArrayList<>(PYTEST);
        argv.set(0, ".venv/bin/python");

        Captured warmRun = run(warm, ws, command(argv, TestSettings.Fork.WARM), "test_prefix.py");
        Captured coldRun = run(perRun, ws, command(argv, TestSettings.Fork.PER_RUN), "test_prefix.py");

        assertEquals(TestOutcome.PASSED, coldRun.result().outcome(), coldRun.result().detail() + coldRun.text());
        assertEquals(TestOutcome.PASSED, warmRun.result().outcome(), warmRun.result().detail() + warmRun.text());
        assertEquals(1, pool.state().warmRuns());
    }

    @Test
    void aMissingModuleIsACompileErrorAsInAProcessPerRun() throws Exception {
        CommandTestRunnerTest.requirePytest();
        Path ws = workspace("missing", Map.of("test_calc.py", "from calc import add\n\n\ndef test_add():\n    assert add(1, 2) == 3\n"));

        Captured warmRun = run(warm, ws, command(PYTEST, TestSettings.Fork.WARM), "test_calc.py");
        Captured coldRun = run(perRun, ws, command(PYTEST, TestSettings.Fork.PER_RUN), "test_calc.py");

        assertEquals(TestOutcome.COMPILE_ERROR, warmRun.result().outcome(), warmRun.result().detail());
        assertTrue(warmRun.result().detail().contains("calc"), warmRun.result().detail());
        assertEquals(coldRun.result().detail(), warmRun.result().detail());
        assertEquals(1, pool.state().warmRuns());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aRunHasItsOwnCopyOfTheServersMemoryBeforeItStarts() throws Exception {
        CommandTestRunnerTest.requirePytest();
        // The server's heap pages, present in the child: those the child shares with the server are
        // not exclusively its own (bit 56 of /proc/self/pagemap). A run that copied them all at its
        // start (Prefault) owns every one, as a plain process owns its own; one that copies a page as
        // it first writes it owns about a third of them here.
        Path ws = workspace("pages", Map.of("test_pages.py", """
                import resource
                import struct


                def test_counts_its_heap_pages():
                    page = resource.getpagesize()
                    present = own = 0
                    with open("/proc/self/maps") as maps, open("/proc/self/pagemap", "rb") as pagemap:
                        for line in maps:
                            fields = line.split()
                            if fields[5:6] != ["[heap]"]:
                                continue
                            start, end = (int(x, 16) for x in fields[0].split("-"))
                            pagemap.seek(start // page * 8)
                            for (entry,) in struct.iter_unpack("=Q", pagemap.read((end - start) // page * 8)):
                                if entry >> 63:
                                    present += 1
                                    own += (entry >> 56) & 1
                    print("HEAP PAGES", present, own)
                """));

        Captured warmRun = run(warm, ws, command(PYTEST_PRINTING, TestSettings.Fork.WARM), "test_pages.py");
        Captured coldRun = run(perRun, ws, command(PYTEST_PRINTING, TestSettings.Fork.PER_RUN), "test_pages.py");

        assertEquals(TestOutcome.PASSED, warmRun.result().outcome(), warmRun.result().detail() + warmRun.text());
        assertEquals(TestOutcome.PASSED, coldRun.result().outcome(), coldRun.result().detail() + coldRun.text());
        int[] warmPages = heapPages(warmRun.text());
        int[] coldPages = heapPages(coldRun.text());
        assertTrue(coldPages[1] >= coldPages[0] * 0.99, "a plain process owns its heap: " + coldRun.text());
        assertTrue(warmPages[0] > 100, "the server's heap is there: " + warmRun.text());
        if (kernelAtLeast(5, 14)) { // madvise(MADV_POPULATE_WRITE) came with Linux 5.14
            assertTrue(warmPages[1] >= warmPages[0] * 0.95, "copied before the run: " + warmRun.text());
        }
    }

    /** Present and own pages of the heap, as test_pages.py printed them. */
    private static int[] heapPages(String text) {
        Matcher m = Pattern.compile("HEAP PAGES (\\d+) (\\d+)").matcher(text);
        assertTrue(m.find(), text);
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    /** Whether this machine's kernel is version {@code major.minor} or later, as os.version says. */
    private static boolean kernelAtLeast(int major, int minor) {
        Matcher m = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(System.getProperty("os.version"));
        return m.find() && (Integer.parseInt(m.group(1)) > major
                || Integer.parseInt(m.group(1)) == major && Integer.parseInt(m.group(2)) >= minor);
    }

    @Test
    void outputStreamsLiveWhileTheTestRuns() throws Exception {
        CommandTestRunnerTest.requirePytest();
        // The test waits until the host has seen its first line: it passes only if output comes live.
        Path ws = workspace("live", Map.of("test_live.py", """
                import os
                import time


                def test_waits_for_the_host():
                    print("STARTED", flush=True)
                    for _ in range(600):
                        if os.path.exists("go"):
                            print("TOLD TO GO", flush=True)
                            return
                        time.sleep(0.05)
                    raise AssertionError("the host never saw the first line")
                """));
        List<String> order = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        OutputSink sink = (stream, bytes, offset, length) -> {
            synchronized (seen) {
                seen.append(new String(bytes, offset, length, StandardCharsets.UTF_8));
                if (seen.indexOf("STARTED") >= 0 && order.isEmpty()) {
                    order.add("STARTED");
                    try {
                        Files.writeString(ws.resolve("go"), "");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        };
        List<String> argv = new ArrayList<>(PYTEST);
        argv.add("-s");

        TestResult result = warm.run(new TestRequest(ws, command(argv, TestSettings.Fork.WARM), List.of("test_live.py"), sink));

        assertEquals(TestOutcome.PASSED, result.outcome(), result.detail() + seen);
        assertTrue(seen.indexOf("STARTED") < seen.indexOf("TOLD TO GO"), seen.toString());
    }

    @Test
    void aTimeoutKillsTheRunAndLeavesNoProcess() throws Exception {
        CommandTestRunnerTest.requirePytest();
        Path ws = workspace("sleepy", Map.of("test_sleepy.py", """
                import subprocess
                import time


                def test_sleeps_forever():
                    subprocess.Popen(["sleep", "1000"])
                    time.sleep(1000)
                """));
        TestSettings.Command settings = new TestSettings.Command(PYTEST, Map.of(), 3, null, false, List.of(),
                TestSettings.Fork.WARM);

        Captured timedOut = run(warm, ws, settings, "test_sleepy.py");

        assertEquals(TestOutcome.TIMEOUT, timedOut.result().outcome(), timedOut.result().detail());
        List<Long> servers = pool.livePids();
        for (long pid : servers) {
            assertEquals(List.of(), ProcessHandle.of(pid).orElseThrow().descendants().map(ProcessHandle::pid).toList(),
                    "the killed run left nothing under its server");
        }
        assertEquals("timed out after 3 s; the test run was killed", timedOut.result().detail(), "the server stays");
        Path passing = workspace("after", Map.of("test_calc.py", CALC_TEST.formatted("2")));
        Captured after = run(warm, passing, command(PYTEST, TestSettings.Fork.WARM), "test_calc.py");
        assertEquals(TestOutcome.PASSED, after.result().outcome(), after.result().detail());
        assertTrue(after.text().contains("warm pytest server 1 (run 2)"), after.text());

        warm.close();

        assertNoneAlive(servers);
        assertEquals(List.of(), sleepers(ws), "the test's own child went with it");
        assertEquals(List.of(), servers(), "no server left, by ps");
    }

    @Test
    void anInterruptKillsTheServerAndEndsTheRun() throws Exception {
        CommandTestRunnerTest.requirePytest();
        Path ws = workspace("interrupted", Map.of("test_sleepy.py", """
                import time


                def test_sleeps():
                    print("SLEEPING", flush=True)
                    time.sleep(1000)
                """));
        List<String> argv = new ArrayList<>(PYTEST);
        argv.add("-s");
        java.util.concurrent.CountDownLatch sleeping = new java.util.concurrent.CountDownLatch(1);
        OutputSink sink = (stream, bytes, offset, length) -> {
            if (new String(bytes, offset, length, StandardCharsets.UTF_8).contains("SLEEPING")) {
                sleeping.countDown();
            }
        };
        java.util.concurrent.atomic.AtomicReference<Throwable> ended = new java.util.concurrent.atomic.AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                warm.run(new TestRequest(ws, command(argv, TestSettings.Fork.WARM), List.of("test_sleepy.py"), sink));
            } catch (Throwable e) {
                ended.set(e);
            }
        });
        runner.start();
        assertTrue(sleeping.await(60, TimeUnit.SECONDS), "the test started");
        List<Long> servers = pool.livePids();

        runner.interrupt();
        runner.join(30_000);

        assertTrue(ended.get() instanceof InterruptedException, String.valueOf(ended.get()));
        assertNoneAlive(servers);
        assertEquals(Map.of("cancelled", 1), pool.state().recyclesByCause());
        assertEquals(List.of(), servers(), "no server left, by ps");
    }

    @Test
    void whatAPassingRunLeftRunningIsKilledAfterIt() throws Exception {
        CommandTestRunnerTest.requirePytest();
        Path ws = workspace("leaves", Map.of("test_leaves.py", """
                import subprocess


                def test_starts_a_sleeper_and_passes():
                    subprocess.Popen(["sleep", "1000"], start_new_session=True)
                """));

        Captured passed = run(warm, ws, command(PYTEST, TestSettings.Fork.WARM), "test_leaves.py");

        assertEquals(TestOutcome.PASSED, passed.result().outcome(), passed.result().detail());
        assertEquals(1, pool.livePids().size(), "the server stays");
        assertEquals(List.of(), sleepers(ws), "the sleeper the test left went after the run, as a process per run's would");
    }

    @Test
    void aServerKilledBetweenRunsIsReplaced() throws Exception {
        CommandTestRunnerTest.requirePytest();
        Path ws = workspace("killed", Map.of("test_calc.py", CALC_TEST.formatted("2")));
        assertEquals(TestOutcome.PASSED, run(warm, ws, command(PYTEST, TestSettings.Fork.WARM), "test_calc.py").result().outcome());
        List<Long> first = pool.livePids();
        assertEquals(1, first.size());
        ProcessHandle server = ProcessHandle.of(first.get(0)).orElseThrow();

        assertTrue(server.destroyForcibly());
        server.onExit().get(10, TimeUnit.SECONDS);
        Captured again = run(warm, ws, command(PYTEST, TestSettings.Fork.WARM), "test_calc.py");

        assertEquals(TestOutcome.PASSED, again.result().outcome(), again.result().detail() + again.text());
        assertTrue(again.text().contains("warm pytest server 2 (run 1)"), again.text());
        assertNotEquals(first, pool.livePids());
        assertEquals(Map.of("died while idle", 1), pool.state().recyclesByCause());
    }

    @Test
    void aServerThatDiesMidRunIsAnErrorWithItsOutputAndIsReplaced() throws Exception {
        CommandTestRunnerTest.requirePytest();
        Path ws = workspace("dies", Map.of("test_dies.py", """
                import os
                import signal
                import time


                def test_kills_the_server():
                    print("BEFORE THE KILL", flush=True)
                    time.sleep(1)  # the server relays the line before it dies (under load it was lost)
                    os.kill(os.getppid(), signal.SIGKILL)
                    time.sleep(30)
                """));
        List<String> argv = new ArrayList<>(PYTEST);
        argv.add("-s");

        Captured died = run(warm, ws, command(argv, TestSettings.Fork.WARM), "test_dies.py");
        Path passing = workspace("after", Map.of("test_calc.py", CALC_TEST.formatted("2")));
        Captured after = run(warm, passing, command(PYTEST, TestSettings.Fork.WARM), "test_calc.py");

        assertEquals(TestOutcome.ERROR, died.result().outcome(), died.result().detail());
        assertTrue(died.result().detail().startsWith("the warm pytest server ended unexpectedly"), died.result().detail());
        assertTrue(died.result().outputTail().contains("BEFORE THE KILL"), died.result().outputTail());
        assertEquals(TestOutcome.PASSED, after.result().outcome(), after.result().detail());
        assertTrue(after.text().contains("warm pytest server 2 (run 1)"), after.text());
        assertEquals(Map.of("crash", 1), pool.state().recyclesByCause());
    }

    @Test
    void perRunForkRunsAProcessAndWarmAndPerRunAreKeyedApart() throws Exception {
        CommandTestRunnerTest.requirePytest();
        Path ws = workspace("perrun", Map.of("test_calc.py", CALC_TEST.formatted("2")));
        JUnitTestRunner junit = new JUnitTestRunner(new ProcessRunner(), JUnitConsoleJar.shared());
        try (TestRunners runners = new TestRunners(junit, new WarmJUnitRunner(new WarmWorkerPool(JUnitConsoleJar.shared())),
                perRun, warm, Optional.empty());
             TestRunners forced = new TestRunners(junit, new WarmJUnitRunner(new WarmWorkerPool(JUnitConsoleJar.shared())),
                     perRun, warm, Optional.of(TestSettings.Fork.PER_RUN))) {
            TestSettings.Command perRunSettings = command(PYTEST, TestSettings.Fork.PER_RUN);
            TestSettings.Command warmSettings = command(PYTEST, TestSettings.Fork.WARM);

            Captured cold = run(runners, ws, perRunSettings, "test_calc.py");
            Captured forcedCold = run(forced, ws, warmSettings, "test_calc.py");

            assertEquals(TestOutcome.PASSED, cold.result().outcome(), cold.result().detail());
            assertFalse(cold.text().contains("warm pytest server"), cold.text());
            assertFalse(forcedCold.text().contains("warm pytest server"), forcedCold.text());
            assertEquals(0, pool.state().serversStarted());
            assertEquals(TestSettings.Fork.PER_RUN, ((TestSettings.Command) forced.effectiveSettings(warmSettings)).fork());
            assertEquals(TestSettings.Fork.WARM, ((TestSettings.Command) runners.effectiveSettings(warmSettings)).fork());
            // An argv that cannot run warm is keyed as what runs: a process per run.
            TestSettings.Command unittest = command(List.of("python3", "-m", "unittest"), TestSettings.Fork.WARM);
            assertEquals(TestSettings.Fork.PER_RUN, ((TestSettings.Command) runners.effectiveSettings(unittest)).fork());
        }
    }

    @Test
    void aPytestMissingFromTheInterpreterFallsBackToAProcessPerRun() throws Exception {
        Path ws = workspace("nopytest", Map.of("test_calc.py", CALC_TEST.formatted("2"), "bin/python3",
                "#!/bin/sh\necho 'No module named pytest' >&2\nexit 1\n"));
        Files.setPosixFilePermissions(ws.resolve("bin/python3"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> argv = new ArrayList<>(PYTEST);
        argv.set(0, "bin/python3");

        Captured result = run(warm, ws, command(argv, TestSettings.Fork.WARM), "test_calc.py");

        assertEquals(TestOutcome.ERROR, result.result().outcome(), result.result().detail());
        assertTrue(result.text().contains("the warm pytest server did not start"), result.text());
        assertEquals(1, pool.state().perRunFallbacks());
        assertEquals(List.of(), pool.livePids());
    }

    static void assertSame(TestResult expected, TestResult actual) {
        assertEquals(expected.outcome(), actual.outcome(), actual.detail());
        assertEquals(List.of(expected.passed(), expected.failed(), expected.skipped()),
                List.of(actual.passed(), actual.failed(), actual.skipped()));
        assertEquals(expected.failures().stream().map(TestCase::name).toList(),
                actual.failures().stream().map(TestCase::name).toList());
    }

    static void assertNoneAlive(List<Long> pids) throws Exception {
        for (long pid : pids) {
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isPresent()) {
                handle.get().onExit().get(10, TimeUnit.SECONDS);
            }
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "server " + pid + " still runs");
        }
    }

    /** The script servers of this JVM still running, by ps (their script is in this JVM's own folder). */
    static List<String> servers() throws Exception {
        String folder = WarmScript.Scripts.of(WarmScript.Kind.PYTEST).getParent().toString();
        Process ps = new ProcessBuilder("ps", "-eo", "pid,args").redirectErrorStream(true).start();
        String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ps.waitFor();
        return java.util.Arrays.stream(out.split("\n")).filter(line -> line.contains(folder)).toList();
    }

    /** {@code sleep 1000} processes started from this workspace, by ps. */
    private static List<String> sleepers(Path ws) throws Exception {
        Process ps = new ProcessBuilder("ps", "-eo", "pid,args").redirectErrorStream(true).start();
        String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ps.waitFor();
        List<String> found = new ArrayList<>();
        for (String line : out.split("\n")) {
            String pid = line.trim().split("\\s+")[0];
            if (line.contains("sleep 1000") && pid.matches("[0-9]+")
                    && Files.isSymbolicLink(Path.of("/proc", pid, "cwd"))
                    && Files.readSymbolicLink(Path.of("/proc", pid, "cwd")).equals(ws.toRealPath())) {
                found.add(line.trim());
            }
        }
        return found;
    }

    static TestSettings.Command command(List<String> argv, TestSettings.Fork fork) {
        return new TestSettings.Command(argv, Map.of(), 60, null, false, List.of(), fork);
    }

    record Captured(TestResult result, String text) {
    }

    static Captured run(TestRunner runner, Path ws, TestSettings settings, String... tests) throws InterruptedException {
        StringBuilder text = new StringBuilder();
        OutputSink sink = (stream, bytes, offset, length) -> {
            synchronized (text) {
                text.append(new String(bytes, offset, length, StandardCharsets.UTF_8));
            }
        };
        TestResult result = runner.run(new TestRequest(ws, settings, List.of(tests), sink));
        synchronized (text) {
            return new Captured(result, text.toString());
        }
    }

    private Path workspace(String name, Map<String, String> files) throws IOException {
        return dev.redyellow.testkit.FileTrees.write(dir.resolve(name), files);
    }
}
