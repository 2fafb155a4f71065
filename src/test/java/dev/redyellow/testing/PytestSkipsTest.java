package dev.redyellow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RedYellow's pytest plugin, run by a real pytest on real files, and what the host makes of its file. */
class PytestSkipsTest {

    @TempDir
    Path tmp;

    @Test
    void anArgvThatIsNotPytestsGetsNoPluginAndReadsNothing() {
        PytestSkips skips = PytestSkips.forRun(List.of("python3", "-m", "unittest", "tests.test_x"));
        Map<String, String> extra = Map.of("PYTHONPATH", "src");

        assertSame(extra, skips.env(extra, Map.of()));
        assertEquals(PytestSkips.Report.NONE, skips.read());
    }

    @Test
    void anInterpreterThatIgnoresPythonPathRunsWithoutThePluginForPytestWouldStopAtIt() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("isolated"));
        write(project, "test_one.py", "def test_one():\n    pass\n");
        for (String option : List.of("-I", "-E", "-BI")) {
            List<String> argv = List.of("python3", option, "-m", "pytest", "-q", "-p", "no:cacheprovider");
            PytestSkips skips = PytestSkips.forRun(argv);
            String output = run(argv, project, skips.env(Map.of(), Map.of()));

            assertTrue(output.contains("1 passed"), output);
        }
        assertTrue(PytestSkips.ignoresEnvironment(List.of("python3", "-I", "-m", "pytest")));
        // found by the review: behind a launcher the -I was not seen, and every run stopped at the plugin
        assertTrue(PytestSkips.ignoresEnvironment(List.of("uv", "run", "--with", "x", "python3", "-I", "-m", "pytest")));
        assertEquals(PytestSkips.Report.NONE, PytestSkips.forRun(List.of("poetry", "run", "python", "-E", "-m", "pytest")).read());
        assertFalse(PytestSkips.ignoresEnvironment(List.of("python3", "-B", "-m", "pytest", "-I")));
        assertFalse(PytestSkips.ignoresEnvironment(List.of("python3", "-W", "ignore", "-m", "pytest")));
        assertFalse(PytestSkips.ignoresEnvironment(List.of("pytest", "-I")));
    }

    @Test
    void thePluginComesAfterWhatTheSettingsOrTheProcessPutOnThePaths() throws IOException {
        PytestSkips skips = PytestSkips.forRun(List.of("python3", "-m", "pytest", "-q"));
        Map<String, String> env = skips.env(Map.of("PYTHONPATH", "src"), Map.of("PYTHONPATH", "ignored", "PYTEST_PLUGINS", "xdist"));

        String[] path = env.get("PYTHONPATH").split(java.io.File.pathSeparator);
        assertEquals("src", path[0]);
        Path folder = Path.of(path[1]);
        assertTrue(Files.isRegularFile(folder.resolve("redyellow_pytest_skips.py")));
        // a file where Python would write its byte code: none is written, so the folder can be removed at exit
        assertTrue(Files.isRegularFile(folder.resolve("__pycache__")));
        assertEquals("redyellow_pytest_skips,xdist", env.get("PYTEST_PLUGINS"));
        assertTrue(env.get(PytestSkips.FILE_VARIABLE).endsWith(".jsonl"), env.toString());
        assertEquals("redyellow_pytest_skips", skips.env(Map.of(), Map.of()).get("PYTEST_PLUGINS"));
    }

    @Test
    void eachSkipIsPlacedInTheProjectsCodeThatRaisedItAndTheRunIsUnchanged() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        write(project, "calc/__init__.py", "");
        write(project, "calc/ops.py", """
                import unittest

                import pytest


                def mul(a, b):
                    pytest.xfail("later")


                def div(a, b):
                    raise unittest.SkipTest("no div")


                def sub(a, b):
                    __tracebackhide__ = True
                    pytest.skip("hidden")


                later = pytest.mark.skip(reason="impl decorator")
                """);
        // a module skipped as it is imported, its frame hidden from pytest's place
        write(project, "calc/gone.py", "import pytest\n\n__tracebackhide__ = True\npytest.skip('module gone', allow_module_level=True)\n");
        // a conftest that changes the working directory (found by the review: the places were then read from tests/)
        write(project, "tests/conftest.py", "import os\n\nos.chdir(os.path.dirname(os.path.abspath(__file__)))\n");
        // the tests see the environment they would have without the plugin, and a pytest they start with a
        // PYTHONPATH of their own runs (found by the review: it stopped at the plugin it could not import)
        write(project, "tests/test_env.py", """
                import os
                import subprocess
                import sys


                def test_environment_as_without_the_plugin():
                    assert os.environ.get("PYTHONPATH") == "lib"
                    assert "PYTEST_PLUGINS" not in os.environ and "REDYELLOW_PYTEST_SKIPS" not in os.environ
                    assert not any("redyellow-pytest-plugin" in p for p in sys.path)


                def test_a_pytest_of_its_own(tmp_path):
                    (tmp_path / "test_inner.py").write_text("def test_inner():\\n    pass\\n")
                    env = dict(os.environ, PYTHONPATH="elsewhere")
                    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
                                          env=env, capture_output=True, text=True)
                    assert done.returncode == 0, done.stdout + done.stderr
                """);
        write(project, "tests/test_ops.py", """
                import unittest

                import pytest

                from calc.ops import div, mul, sub


                def test_mul():
                    assert mul(2, 3) == 6


                def test_div():
                    assert div(6, 3) == 2


                def test_sub():
                    assert sub(3, 2) == 1


                @pytest.mark.skip(reason="declared")
                def test_declared():
                    pass


                @pytest.mark.xfail(reason="expected")
                def test_expected():
                    assert 1 + 1 == 3


                def test_own():
                    pytest.skip("the test's own")


                class DivTest(unittest.TestCase):
                    def test_div(self):
                        div(8, 2)

                    def test_later(self):
                        self.skipTest("the author's")
                """);
        write(project, "tests/test_gone.py", "from calc import gone  # noqa: F401\n\n\ndef test_never():\n    pass\n");
        // marks that come to a test from the implementation: a module's pytestmark taken in by a star import, a
        // base class's (before, each was a skip with no place: the author's); the test file's own mark stays the author's
        write(project, "calc/marks.py", "import pytest\n\n\ndef half(a):\n    return a / 2\n\n\n"
                + "pytestmark = pytest.mark.skip(reason=\"impl marks\")\n__file__ = \"<elsewhere>\"\n");
        // found by the review: a mark written into the test module's globals, or with the module's __file__ changed,
        // had no place; where a mark is made decides, not where it is found (a mark object the test applies, too)
        write(project, "calc/inject.py", """
                import sys

                import pytest


                def triple(a):
                    return a * 3


                frame = sys._getframe(1)
                while frame is not None and not frame.f_globals.get("__name__", "").startswith("test_"):
                    frame = frame.f_back
                frame.f_globals["pytestmark"] = pytest.mark.skip(reason="injected")
                """);
        write(project, "tests/test_inject.py", "from calc.inject import triple\n\n\ndef test_triple():\n"
                + "    assert triple(2) == 6\n");
        write(project, "tests/test_decorated.py", "from calc.ops import later\n\n\n@later\ndef test_later():\n"
                + "    pass\n");
        // a mark the author's helper makes is placed there: a file no implementer writes
        write(project, "tests/helpers.py", "import pytest\n\nslow = pytest.mark.skip(reason=\"author helper\")\n"
                + "needs_db = pytest.mark.skipif(False, reason=\"no db\")\n");
        // found by the second review: a copy of a mark was made without pytest's constructor and had no place; the
        // author's mark that did not fire was named before the implementation's that did
        write(project, "calc/copied.py", "import copy\n\nimport pytest\n\n"
                + "pytestmark = copy.copy(pytest.mark.skip(reason=\"copied\").mark)\n");
        write(project, "tests/test_copied.py", "from calc.copied import *  # noqa: F403\n\n\ndef test_copied():\n"
                + "    pass\n");
        write(project, "calc/order.py", "import pytest\n\npytestmark = pytest.mark.skipif(True, reason=\"impl skipif\")\n");
        write(project, "tests/test_order.py", "from calc.order import *  # noqa: F403\nfrom helpers import needs_db\n\n\n"
                + "@needs_db\ndef test_order():\n    pass\n");
        write(project, "tests/test_helper_mark.py", "from helpers import slow\n\n\n@slow\ndef test_slow():\n"
                + "    pass\n");
        write(project, "calc/base.py", "import pytest\n\n\nclass Later:\n    \"\"\"A base.\"\"\"\n\n"
                + "    pytestmark = [pytest.mark.xfail(reason=\"impl xfail\")]\n");
        write(project, "tests/test_star.py", "from calc.marks import *  # noqa: F403\n\n\ndef test_half():\n"
                + "    assert half(4) == 2  # noqa: F405\n");
        write(project, "tests/test_inherits.py", "from calc.base import Later\n\n\nclass TestLater(Later):\n"
                + "    def test_it(self):\n        assert 1 == 2\n");
        write(project, "tests/test_ownmark.py", "import pytest\n\nfrom calc.marks import half\n\n"
                + "pytestmark = pytest.mark.skip(reason=\"own module mark\")\n\n\ndef test_half():\n"
                + "    assert half(2) == 1\n");
        // a pytest session inside a test (pytester): its skip is not the run's
        write(project, "tests/test_nested.py", """
                pytest_plugins = ["pytester"]


                def test_inner_session(pytester):
                    pytester.makepyfile("import pytest\\n\\ndef test_inner():\\n    pytest.skip('inner')\\n")
                    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(skipped=1)
                """);
        // the tests' tmp_path and pytester folders under this test's own, not /tmp/pytest-of-USER
        List<String> argv = List.of("python3", "-m", "pytest", "-q", "-p", "no:cacheprovider",
                "--basetemp=" + tmp.resolve("basetemp"), "tests");
        String plain = run(argv, project, Map.of("PYTHONPATH", "lib"));

        try (PytestSkips skips = PytestSkips.forRun(argv)) {
            String withPlugin = run(argv, project, skips.env(Map.of("PYTHONPATH", "lib"), Map.of()));
            Map<String, String> found = skips.read().skips().orElseThrow().stream()
                    .collect(Collectors.toMap(TestCase::name, c -> c.message() + " " + c.skippedAt(), (a, b) -> a, TreeMap::new));

            assertEquals(Map.ofEntries(
                    Map.entry("tests/test_gone.py", "module gone [calc/gone.py:4, tests/test_gone.py:1]"),
                    Map.entry("tests/test_ops.py::test_mul", "xfail: later [calc/ops.py:7, tests/test_ops.py:9]"),
                    Map.entry("tests/test_ops.py::test_div", "no div [calc/ops.py:11, tests/test_ops.py:13]"),
                    Map.entry("tests/test_ops.py::test_sub", "hidden [calc/ops.py:16, tests/test_ops.py:17]"),
                    Map.entry("tests/test_ops.py::test_declared", "declared []"),
                    Map.entry("tests/test_ops.py::test_expected", "xfail: expected []"),
                    Map.entry("tests/test_ops.py::test_own", "the test's own [tests/test_ops.py:31]"),
                    Map.entry("tests/test_ops.py::DivTest::test_div", "no div [calc/ops.py:11, tests/test_ops.py:36]"),
                    Map.entry("tests/test_ops.py::DivTest::test_later", "the author's [tests/test_ops.py:39]"),
                    Map.entry("tests/test_star.py::test_half", "impl marks [calc/marks.py:8]"),
                    Map.entry("tests/test_inherits.py::TestLater::test_it", "xfail: impl xfail [calc/base.py:7]"),
                    Map.entry("tests/test_ownmark.py::test_half", "own module mark []"),
                    Map.entry("tests/test_inject.py::test_triple", "injected [calc/inject.py:13]"),
                    Map.entry("tests/test_decorated.py::test_later", "impl decorator [calc/ops.py:19]"),
                    Map.entry("tests/test_helper_mark.py::test_slow", "author helper [tests/helpers.py:3]"),
                    Map.entry("tests/test_copied.py::test_copied", "copied [calc/copied.py:5]"),
                    Map.entry("tests/test_order.py::test_order", "impl skipif [calc/order.py:3]")), found);
            // the plugin adds nothing to the output: the same summary, no line of its own
            assertEquals(lastLine(plain), lastLine(withPlugin).replaceAll(" in [0-9.]+s", ""), withPlugin);
            assertFalse(withPlugin.contains("redyellow"), withPlugin);
        }
    }

    @Test
    void aFileThePluginDidNotWriteWholeIsNotReadAndTheRunsFileGoesAtTheEnd() throws Exception {
        PytestSkips skips = PytestSkips.forRun(List.of("pytest"));
        Path file = Path.of(skips.env(Map.of(), Map.of()).get(PytestSkips.FILE_VARIABLE));
        assertEquals(Optional.empty(), skips.read().skips()); // not written: the session did not end

        Files.writeString(file, "{\"test\": \"t.py::a\", \"reason\": \"r\", \"at\": [\"a.py:1\"]}\n{\"test\": \"t.py::b\", \"at\"");
        assertEquals(Optional.empty(), skips.read().skips());
        assertTrue(skips.read().expected());
        Files.writeString(file, "{\"test\": \"t.py::a\", \"reason\": \"r\", \"at\": [\"a.py:1\"]}\n");
        assertEquals(List.of(new TestCase("t.py::a", TestCase.Status.SKIPPED, "r", 0, List.of("a.py:1"))),
                skips.read().skips().orElseThrow());

        skips.close();
        assertFalse(Files.exists(file));
    }

    @Test
    void everySkipWithAPlaceIsReadHoweverManyOfTheTestsOwnComeFirstAndAStopIsSaid() throws Exception {
        // found by the review: only the first 500 skips were read, and a test author's 500 skips hid the implementation's
        try (PytestSkips skips = PytestSkips.forRun(List.of("pytest"))) {
            Path file = Path.of(skips.env(Map.of(), Map.of()).get(PytestSkips.FILE_VARIABLE));
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 600; i++) {
                lines.append("{\"test\": \"t.py::own[").append(i).append("]\", \"reason\": \"not on linux\", \"at\": []}\n");
            }
            lines.append("{\"test\": \"t.py::mul\", \"reason\": \"later\", \"at\": [\"calc.py:3\", \"t.py:9\"]}\n");
            lines.append("{\"stopped\": \"done\", \"at\": [\"calc.py:7\", \"t.py:12\"]}\n");
            Files.writeString(file, lines);

            PytestSkips.Report report = skips.read();
            List<TestCase> cases = report.skips().orElseThrow();
            assertEquals(FailureNames.MAX_NAMES + 1, cases.size());
            assertEquals(List.of("calc.py:3", "t.py:9"), cases.get(cases.size() - 1).skippedAt());
            assertEquals(Optional.of("done (at calc.py:7)"), report.stopped());
        }
    }

    @Test
    void aConftestThatClearsTheEnvironmentOrASecondStopInTheTeardownLeavesTheFileWritten() throws Exception {
        // found by the second review: a base conftest that reset os.environ hid the file's name from the plugin (an
        // honest run then had no file), and a second pytest.exit() in the session's teardown left none written
        Path project = Files.createDirectories(tmp.resolve("cleared"));
        write(project, "conftest.py", """
                import os

                import pytest

                keep = {name: os.environ[name] for name in ("PATH", "HOME") if name in os.environ}
                os.environ.clear()
                os.environ.update(keep)


                @pytest.fixture
                def conn():
                    yield
                    pytest.exit("again", returncode=0)
                """);
        write(project, "test_calc.py", """
                import pytest


                @pytest.mark.skip(reason="declared")
                def test_declared():
                    pass


                def test_one():
                    pass


                def test_two(conn):
                    pytest.exit("done", returncode=0)
                """);
        List<String> argv = List.of("python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_calc.py");
        try (PytestSkips skips = PytestSkips.forRun(argv)) {
            run(argv, project, skips.env(Map.of(), Map.of()));
            PytestSkips.Report report = skips.read();

            assertEquals(List.of(new TestCase("test_calc.py::test_declared", TestCase.Status.SKIPPED, "declared", 0, List.of())),
                    report.skips().orElseThrow());
            assertEquals(Optional.of("done (at test_calc.py:14)"), report.stopped());
        }
        // -W's value is no script: this is pytest, and the plugin joins it
        assertTrue(PytestSkips.forRun(List.of("python3", "-W", "ignore", "-m", "pytest")).read().expected());
        assertTrue(PytestSkips.ignoresEnvironment(List.of("python3", "-W", "ignore", "-I", "-m", "pytest")));
    }

    private static String lastLine(String output) {
        List<String> lines = output.strip().lines().toList();
        return lines.get(lines.size() - 1).replaceAll(" in [0-9.]+s", "");
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String run(List<String> argv, Path directory, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(argv).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().remove("PYTEST_ADDOPTS");
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        return output;
    }
}
