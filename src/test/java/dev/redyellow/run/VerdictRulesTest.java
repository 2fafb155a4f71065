package dev.redyellow.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.cycle.FeatureState;
import dev.redyellow.cycle.StepOutput;
import dev.redyellow.implement.ManualDecisions;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ManifestLoader;
import dev.redyellow.testing.TestRunners;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What RED and the verdicts may rest on (SPEC section 1), with real processes. */
class VerdictRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestRunners runners = TestRunners.standard();

    @TempDir
    Path tmp;

    @AfterEach
    void closeRunners() {
        runners.close();
    }

    private Manifest manifest(ObjectNode test, ObjectNode implementer, String testPath, String testText,
                              String attemptPath, String attemptText) throws Exception {
        ObjectNode root = JSON.createObjectNode().put("version", 1).put("name", "verdicts").put("maxAttempts", 2)
                .put("workers", 1);
        root.set("test", test);
        if (implementer != null) {
            root.set("implementer", implementer);
        }
        ObjectNode f = root.putArray("features").addObject().put("id", "feature").put("title", "feature");
        f.putObject("tests").put(testPath, testText);
        if (attemptPath != null) {
            f.putArray("attempts").addObject().putObject("files").put(attemptPath, attemptText);
        }
        Path file = tmp.resolve("manifest.json");
        Files.writeString(file, JSON.writeValueAsString(root));
        return ManifestLoader.load(file);
    }

    private FeatureOutcome run(Manifest manifest) throws Exception {
        return run(manifest, tmp.resolve("run"));
    }

    private FeatureOutcome run(Manifest manifest, Path runs) throws Exception {
        RunEngine engine = new RunEngine(manifest, new RunOptions(1, runs, false, ManualDecisions.NOBODY,
                StepOutput.DISCARD), runners, RunListener.NONE, Clock.systemUTC());
        return engine.run().outcomes().get(0);
    }

    /** Writes the manifest and runs every feature of it; the outcomes by feature id. */
    private java.util.Map<String, FeatureOutcome> runAll(ObjectNode root, String name) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, JSON.writeValueAsString(root));
        RunEngine engine = new RunEngine(ManifestLoader.load(file), new RunOptions(1, tmp.resolve("run"), false,
                ManualDecisions.NOBODY, StepOutput.DISCARD), runners, RunListener.NONE, Clock.systemUTC());
        return engine.run().outcomes().stream().collect(java.util.stream.Collectors.toMap(FeatureOutcome::id, o -> o));
    }

    /** A manifest of two attempts per feature on the base folder "base/", tested by a quiet pytest in this fork mode. */
    private static ObjectNode pytestWithBase(String name, String fork) {
        ObjectNode root = JSON.createObjectNode().put("version", 1).put("name", name).put("maxAttempts", 2)
                .put("workers", 1).put("base", "base/");
        ObjectNode pytest = command("python3", "-m", "pytest", "-q", "-p", "no:cacheprovider").put("fork", fork);
        pytest.putObject("env").put("PYTHONDONTWRITEBYTECODE", "1");
        root.set("test", pytest);
        return root;
    }

    private static ObjectNode command(String... argv) {
        ObjectNode test = JSON.createObjectNode().put("kind", "command").put("timeoutSeconds", 60);
        for (String a : argv) {
            test.withArray("command").add(a);
        }
        return test;
    }

    @Test
    void aDependencysTestFailingBesideTheFeaturesOwnProvesNoRed() throws Exception {
        // with rerunDependencyTests the RED run ran every test in the workspace, and a's test failing there
        // "proved" b RED though b's own test passed without b's code (SPEC: at least one of the feature's own
        // tests executed and failed); the RED run now runs b's own tests only
        ObjectNode root = JSON.createObjectNode().put("version", 1).put("name", "own-red").put("maxAttempts", 1)
                .put("workers", 1);
        ObjectNode test = command("python3", "-m", "unittest").put("rerunDependencyTests", true);
        root.set("test", test);
        var features = root.putArray("features");
        ObjectNode a = features.addObject().put("id", "a").put("title", "a");
        a.putObject("tests").put("test_a.py", "import os\nimport unittest\n\nfrom a import value\n\n\n"
                + "class ATest(unittest.TestCase):\n    def test_a(self):\n        self.assertEqual(1, value())\n"
                + "        self.assertFalse(os.path.exists('test_b.py'), \"b's test is here\")\n");
        a.putArray("attempts").addObject().putObject("files").put("a.py", "def value():\n    return 1\n");
        ObjectNode b = features.addObject().put("id", "b").put("title", "b");
        b.putArray("dependsOn").add("a");
        b.putObject("tests").put("test_b.py", "import unittest\n\n\nclass BTest(unittest.TestCase):\n"
                + "    def test_b(self):\n        self.assertTrue(True)\n");
        b.putArray("attempts").addObject().putObject("files").put("b.py", "B = 1\n");
        java.util.Map<String, FeatureOutcome> outcomes = runAll(root, "manifest.json");
        FeatureOutcome ofA = outcomes.get("a");
        FeatureOutcome ofB = outcomes.get("b");

        assertEquals(FeatureState.GREEN, ofA.state(), ofA.reason());
        assertEquals(FeatureState.FAILED, ofB.state(), ofB.reason());
        assertTrue(ofB.reason().startsWith("red-violation: 1 tests passed"), ofB.reason());
    }

    @Test
    void aClassFixtureThatCrashesProvesNoRedAndAnAttemptThatCrashesItIsTriedAgain() throws Exception {
        // setUpClass raising: unittest runs none of the class's tests ("Ran 0 tests", errors=1); that
        // counted as a failed test and proved RED (SPEC: a crash proves nothing)
        String crashing = "import unittest\n\n\nclass DbTest(unittest.TestCase):\n    @classmethod\n"
                + "    def setUpClass(cls):\n        raise RuntimeError('no database')\n\n    def test_reads(self):\n"
                + "        self.assertTrue(True)\n";
        FeatureOutcome crash = run(manifest(command("python3", "-m", "unittest"), null, "test_db.py", crashing, "db.py", "X = 1\n"));
        assertEquals(FeatureState.FAILED, crash.state(), crash.reason());
        assertTrue(crash.reason().startsWith("error: the RED run proves nothing: it failed with no failing test"),
                crash.reason());

        // the fixture calls the feature's code: RED by the missing module, attempt 1's code makes the fixture
        // fail (a failed attempt, tried again, not an error that ends the feature), attempt 2 passes
        String usesCode = "import unittest\n\nfrom shop import make\n\n\nclass ShopTest(unittest.TestCase):\n"
                + "    @classmethod\n    def setUpClass(cls):\n        cls.shop = make()\n\n    def test_named(self):\n"
                + "        self.assertEqual('shop', self.shop)\n";
        ObjectNode root = JSON.createObjectNode().put("version", 1).put("name", "fixture").put("maxAttempts", 2)
                .put("workers", 1);
        root.set("test", command("python3", "-m", "unittest"));
        ObjectNode f = root.putArray("features").addObject().put("id", "shop").put("title", "shop");
        f.putObject("tests").put("test_shop.py", usesCode);
        f.putArray("attempts").addObject().putObject("files").put("shop.py", "def make():\n    raise ValueError('not yet')\n");
        ((com.fasterxml.jackson.databind.node.ArrayNode) f.get("attempts")).addObject().putObject("files")
                .put("shop.py", "def make():\n    return 'shop'\n");
        Path file = tmp.resolve("fixture.json");
        Files.writeString(file, JSON.writeValueAsString(root));
        FeatureOutcome retried = run(ManifestLoader.load(file));
        assertEquals(FeatureState.GREEN, retried.state(), retried.reason());
        assertEquals(List.of("PENDING->RED", "RED->RED", "RED->YELLOW", "YELLOW->GREEN"),
                retried.transitions().stream().map(t -> t.from() + "->" + t.to()).toList());
        assertTrue(retried.transitions().get(1).reason().contains("setUpClass"), retried.transitions().get(1).reason());
    }

    @Test
    void anAttemptThatWritesAFileGoverningTheRunnerIsRejectedAsTampering() throws Exception {
        // a unittest.py beside the tests is what `python -m unittest` imports: this one says OK and exits 0,
        // and the wrong attempt passed
        ObjectNode root = JSON.createObjectNode().put("version", 1).put("name", "runner-file").put("maxAttempts", 2)
                .put("workers", 1);
        root.set("test", command("python3", "-m", "unittest"));
        ObjectNode f = root.putArray("features").addObject().put("id", "calc").put("title", "calc");
        f.putObject("tests").put("test_calc.py", "import unittest\n\nfrom calc import add\n\n\n"
                + "class CalcTest(unittest.TestCase):\n    def test_adds(self):\n        self.assertEqual(4, add(2, 2))\n");
        var attempts = f.putArray("attempts");
        attempts.addObject().putObject("files").put("calc.py", "def add(a, b):\n    return a - b\n")
                .put("unittest.py", "import sys\nprint('Ran 1 test in 0.001s\\n\\nOK', file=sys.stderr)\nsys.exit(0)\n");
        attempts.addObject().putObject("files").put("calc.py", "def add(a, b):\n    return a + b\n");
        Path file = tmp.resolve("runner-file.json");
        Files.writeString(file, JSON.writeValueAsString(root));
        FeatureOutcome o = run(ManifestLoader.load(file));

        assertEquals(FeatureState.GREEN, o.state(), o.reason());
        assertEquals(2, o.attempts());
        String rejected = o.transitions().get(1).reason();
        assertTrue(rejected.startsWith("attempt 1 tampering: changed test files")
                && rejected.contains("unittest.py (a module in the runner's name"), rejected);

        // the base's own conftest.py, written again unchanged by an attempt (as a model shown the base may do)
        Path base = Files.createDirectories(tmp.resolve("base"));
        Files.writeString(base.resolve("conftest.py"), "# the project's fixtures\n");
        root.put("base", "base/");
        attempts.removeAll();
        attempts.addObject().putObject("files").put("calc.py", "def add(a, b):\n    return a + b\n")
                .put("conftest.py", "# the project's fixtures\n");
        Files.writeString(file, JSON.writeValueAsString(root));
        FeatureOutcome unchanged = run(ManifestLoader.load(file));
        assertEquals(FeatureState.GREEN, unchanged.state(), unchanged.reason());
        assertEquals(1, unchanged.attempts());

        // every attempt refused: the reason says why the last was, not what the RED proof's run said (found by a review:
        // "the last did not compile: ... ModuleNotFoundError")
        attempts.removeAll();
        for (int i = 0; i < 2; i++) {
            attempts.addObject().putObject("files").put("calc.py", "def add(a, b):\n    return a + b\n")
                    .put("conftest.py", "# changed " + i + "\n");
        }
        Files.writeString(file, JSON.writeValueAsString(root));
        FeatureOutcome refused = run(ManifestLoader.load(file), tmp.resolve("run-refused"));
        assertEquals(FeatureState.FAILED, refused.state(), refused.reason());
        assertEquals("attempts-exhausted: 2 attempts, the last was turned away untested: tampering: changed test files,"
                + " which are read-only for the implementer: conftest.py (a pytest plugin)", refused.reason());
    }

    @Test
    void aCommandThatFailsHavingRunNoTestDoesNotProveRed() throws Exception {
        // exits 1 and says nothing about tests: before, "red proved: 0 of 0 tests failed"
        Manifest m = manifest(command("python3", "-c", "import sys; sys.exit(1)"), null, "test_x.py", "# a test\n",
                "x.py", "x = 1\n");
        FeatureOutcome o = run(m);
        assertEquals(FeatureState.FAILED, o.state());
        assertEquals(List.of("PENDING->FAILED"), o.transitions().stream().map(t -> t.from() + "->" + t.to()).toList());
        assertTrue(o.reason().startsWith("error:") || o.reason().startsWith("no-tests:"), o.reason());
    }

    @Test
    void javaTestsThatDoNotCompileForAnotherReasonThanMissingCodeProveNothing() throws Exception {
        // a type error in the test itself, nothing missing: not a RED proof
        String test = "package p;\nimport org.junit.jupiter.api.Test;\nclass BrokenTest {\n"
                + "    @Test void t() { int x = \"not a number\"; }\n}\n";
        ObjectNode junit = JSON.createObjectNode().put("kind", "junit").put("timeoutSeconds", 120);
        FeatureOutcome o = run(manifest(junit, null, "src/test/java/p/BrokenTest.java", test,
                "src/main/java/p/Thing.java", "package p; public class Thing { }\n"));
        assertEquals(FeatureState.FAILED, o.state());
        assertTrue(o.reason().startsWith("error: the RED run proves nothing: the tests do not compile"), o.reason());
    }

    @Test
    void anAttemptThatRewritesADependencysTestFailsWithTamperingAndIsNeverAccepted() throws Exception {
        // the script "fixes" the dependency's test so that anything passes, and writes its own module
        // the script also keeps what it was told of the attempt before (REDYELLOW_FAILURES)
        Path told = tmp.resolve("told.txt");
        Path script = Files.writeString(tmp.resolve("cheat.sh"), "#!/bin/sh\n"
                + "printf 'import unittest\\nclass T(unittest.TestCase):\\n    def test_it(self):\\n        pass\\n'"
                + " > \"$1/test_base.py\"\nprintf 'x = 1\\n' > \"$1/x.py\"\n"
                + "printf '%s\\n' \"$REDYELLOW_FAILURES\" >> \"" + told + "\"\n");
        ObjectNode root = JSON.createObjectNode().put("version", 1).put("name", "tamper").put("maxAttempts", 2)
                .put("workers", 1);
        root.set("test", command("python3", "-m", "unittest", "-v"));
        ObjectNode base = root.putArray("features").addObject().put("id", "base").put("title", "base");
        base.putObject("tests").put("test_base.py", "import unittest\nfrom base import b\nclass T(unittest.TestCase):\n"
                + "    def test_it(self):\n        self.assertEqual(3, b)\n");
        base.putArray("attempts").addObject().putObject("files").put("base.py", "b = 3\n");
        ObjectNode x = ((com.fasterxml.jackson.databind.node.ArrayNode) root.get("features")).addObject()
                .put("id", "x").put("title", "x");
        x.putArray("dependsOn").add("base");
        x.putObject("tests").put("test_x.py", "import unittest\nfrom x import x\nclass TX(unittest.TestCase):\n"
                + "    def test_it(self):\n        self.assertEqual(2, x)\n");
        x.putObject("implementer").put("kind", "command").put("timeoutSeconds", 60).putArray("command")
                .add("sh").add(script.toString()).add("{workspace}");
        Path file = tmp.resolve("tamper.json");
        Files.writeString(file, JSON.writeValueAsString(root));
        RunEngine engine = new RunEngine(ManifestLoader.load(file), new RunOptions(1, tmp.resolve("run"), false,
                ManualDecisions.NOBODY, StepOutput.DISCARD), runners, RunListener.NONE, Clock.systemUTC());
        FeatureOutcome o = engine.run().outcomes().get(1);
        assertEquals(FeatureState.FAILED, o.state());
        assertEquals(2, o.attempts());
        assertTrue(o.transitions().get(1).reason().startsWith("attempt 1 tampering: changed test files")
                && o.transitions().get(1).reason().endsWith("test_base.py"), o.transitions().get(1).reason());
        assertEquals(List.of("PENDING->RED", "RED->RED", "RED->RED", "RED->FAILED"),
                o.transitions().stream().map(t -> t.from() + "->" + t.to()).toList());
        assertTrue(o.acceptedFiles().isEmpty());
        // the second try is told why the first was turned away, not only the RED proof's result
        String toldSecond = Files.readString(told);
        assertTrue(toldSecond.contains("Attempt 1: it was turned away untested: tampering: changed test files, which are"
                + " read-only for the implementer: test_base.py"), toldSecond);
    }

    /** A feature with two attempts, each one file; returns its outcome. */
    private FeatureOutcome twoAttempts(ObjectNode test, String testPath, String testText, String codePath, String first,
                                       String second) throws Exception {
        return twoAttempts(test, testPath, testText, codePath, first, second, tmp.resolve("run"));
    }

    private FeatureOutcome twoAttempts(ObjectNode test, String testPath, String testText, String codePath, String first,
                                       String second, Path runs) throws Exception {
        ObjectNode root = JSON.createObjectNode().put("version", 1).put("name", "skips").put("maxAttempts", 2)
                .put("workers", 1);
        root.set("test", test);
        ObjectNode f = root.putArray("features").addObject().put("id", "calc").put("title", "calc");
        f.putObject("tests").put(testPath, testText);
        var attempts = f.putArray("attempts");
        attempts.addObject().putObject("files").put(codePath, first);
        attempts.addObject().putObject("files").put(codePath, second);
        Path file = tmp.resolve("skips.json");
        Files.writeString(file, JSON.writeValueAsString(root));
        return run(ManifestLoader.load(file), runs);
    }

    @ParameterizedTest
    @ValueSource(strings = {"warm", "perRun"})
    void aJUnitTestAbortedByTheImplementationIsNoPassButATestsOwnAssumptionIs(String fork) throws Exception {
        // the implementation threw TestAbortedException and failed an assumption: 1 of 3 tests passed, 2
        // "skipped", and the attempt was GREEN (SPEC: aborted and skipped tests never count as passes)
        String test = "package calc;\nimport static org.junit.jupiter.api.Assertions.assertEquals;\n"
                + "import static org.junit.jupiter.api.Assumptions.assumeTrue;\nimport org.junit.jupiter.api.Disabled;\n"
                + "import org.junit.jupiter.api.Test;\nclass CalcTest {\n"
                + "    @Test void adds() { assertEquals(4, Calc.add(2, 2)); }\n"
                + "    @Test void multiplies() { assertEquals(6, Calc.mul(2, 3)); }\n"
                + "    @Test void divides() { assertEquals(2, Calc.div(6, 3)); }\n"
                + "    @Test void onlyWhereFast() { assumeTrue(Calc.fast(), \"slow here\"); assertEquals(1, Calc.div(1, 1)); }\n"
                + "    @Disabled(\"later\") @Test void later() { assertEquals(0, 1); }\n}\n";
        String dodging = "package calc;\npublic final class Calc {\n"
                + "    public static int add(int a, int b) { return a + b; }\n"
                + "    public static int mul(int a, int b) { throw new org.opentest4j.TestAbortedException(\"not here\"); }\n"
                + "    public static int div(int a, int b) { org.junit.jupiter.api.Assumptions.assumeTrue(b > 5); return a / b; }\n"
                + "    public static boolean fast() { return false; }\n}\n";
        String honest = "package calc;\npublic final class Calc {\n"
                + "    public static int add(int a, int b) { return a + b; }\n"
                + "    public static int mul(int a, int b) { return a * b; }\n"
                + "    public static int div(int a, int b) { return a / b; }\n"
                + "    public static boolean fast() { return false; }\n}\n";
        ObjectNode junit = JSON.createObjectNode().put("kind", "junit").put("timeoutSeconds", 120).put("fork", fork);
        FeatureOutcome o = twoAttempts(junit, "src/test/java/calc/CalcTest.java", test, "src/main/java/calc/Calc.java",
                dodging, honest);

        assertEquals(FeatureState.GREEN, o.state(), o.reason());
        assertEquals(List.of("PENDING->RED", "RED->RED", "RED->YELLOW", "YELLOW->GREEN"),
                o.transitions().stream().map(t -> t.from() + "->" + t.to()).toList());
        assertEquals("attempt 1 skipped-by-implementation: the implementation's code skipped or aborted tests it has to"
                + " pass: calc.CalcTest.multiplies (at calc/Calc.java:4: not here); calc.CalcTest.divides (at calc/Calc.java:5:"
                + " Assumption failed: assumption is not true)", o.transitions().get(1).reason());
        // the test's own assumption (onlyWhereFast) and its @Disabled test are the test author's: no reason to refuse
        assertEquals("attempt 2 passes: 3 tests passed", o.transitions().get(2).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"warm", "perRun"})
    void aPytestSkipFromTheImplementationIsNoPassButTheTestsOwnSkipsAre(String fork) throws Exception {
        String test = "import pytest\n\nfrom calc.ops import add, mul\n\n\ndef test_add():\n    assert add(2, 2) == 4\n\n\n"
                + "def test_mul():\n    assert mul(2, 3) == 6\n\n\n@pytest.mark.skip(reason='declared')\ndef test_later():\n"
                + "    assert False\n\n\ndef test_own_check():\n    pytest.skip('the test skips itself')\n";
        String dodging = "import pytest\n\n\ndef add(a, b):\n    return a + b\n\n\ndef mul(a, b):\n"
                + "    pytest.skip('not here')\n";
        String honest = "def add(a, b):\n    return a + b\n\n\ndef mul(a, b):\n    return a * b\n";
        ObjectNode pytest = command("python3", "-m", "pytest", "-q", "-p", "no:cacheprovider").put("fork", fork);
        pytest.putObject("env").put("PYTHONDONTWRITEBYTECODE", "1");
        // the second time through a runs folder reached by a link: a warm server's pytest named the place from
        // another folder than its own start ("../../../real/...") and the dodge passed (found by a review)
        Path linked = Files.createSymbolicLink(tmp.resolve("linked"), Files.createDirectories(tmp.resolve("real")));
        for (Path runs : List.of(tmp.resolve("run"), linked.resolve("run"))) {
            FeatureOutcome o = twoAttempts(pytest, "tests/test_calc.py", test, "calc/ops.py", dodging, honest, runs);

            assertEquals(FeatureState.GREEN, o.state(), o.reason());
            assertEquals(List.of("PENDING->RED", "RED->RED", "RED->YELLOW", "YELLOW->GREEN"),
                    o.transitions().stream().map(t -> t.from() + "->" + t.to()).toList());
            assertEquals("attempt 1 skipped-by-implementation: the implementation's code skipped or aborted tests it has to"
                    + " pass: tests/test_calc.py::test_mul (at calc/ops.py:9: not here)", o.transitions().get(1).reason(),
                    runs.toString());
            assertEquals("attempt 2 passes: 2 tests passed", o.transitions().get(2).reason());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"warm", "perRun"})
    void anXfailAUnittestSkipAndAHiddenSkipFromTheImplementationAreNoPassWhateverTheIniAsksPytestToPrint(String fork)
            throws Exception {
        // Before RedYellow's pytest plugin each passed: pytest.xfail() counts as xfailed and the summary names no
        // place for it; pytest places unittest.SkipTest in its own unittest.py (also inside a TestCase); a
        // __tracebackhide__ frame is left out of pytest's place; and the ini's --no-fold-skipped named tests, not
        // places. A TestCase's own skipTest and an xfail mark on a test stay the author's.
        Path base = Files.createDirectories(tmp.resolve("base"));
        Files.writeString(base.resolve("pytest.ini"), "[pytest]\naddopts = --no-fold-skipped\n");
        String test = "import unittest\n\nimport pytest\n\nfrom calc.ops import add, div, mul, sub\n\n\n"
                + "def test_add():\n    assert add(2, 2) == 4\n\n\ndef test_mul():\n    assert mul(2, 3) == 6\n\n\n"
                + "def test_div():\n    assert div(6, 3) == 2\n\n\ndef test_sub():\n    assert sub(3, 2) == 1\n\n\n"
                + "@pytest.mark.xfail(reason='the author expects it')\ndef test_expected():\n    assert add(1, 1) == 3\n\n\n"
                + "class DivTest(unittest.TestCase):\n    def test_div(self):\n        self.assertEqual(div(8, 2), 4)\n\n"
                + "    def test_later(self):\n        self.skipTest('the author skips it')\n";
        String dodging = "import unittest\n\nimport pytest\n\n\ndef add(a, b):\n    return a + b\n\n\n"
                + "def mul(a, b):\n    pytest.xfail('later')\n\n\ndef div(a, b):\n    raise unittest.SkipTest('no div')\n\n\n"
                + "def sub(a, b):\n    __tracebackhide__ = True\n    pytest.skip('hidden')\n";
        String honest = "def add(a, b):\n    return a + b\n\n\ndef mul(a, b):\n    return a * b\n\n\n"
                + "def div(a, b):\n    return a // b\n\n\ndef sub(a, b):\n    return a - b\n";
        ObjectNode root = pytestWithBase("dodges", fork);
        ObjectNode f = root.putArray("features").addObject().put("id", "calc").put("title", "calc");
        f.putObject("tests").put("tests/test_calc.py", test);
        var attempts = f.putArray("attempts");
        attempts.addObject().putObject("files").put("calc/ops.py", dodging);
        attempts.addObject().putObject("files").put("calc/ops.py", honest);
        Path file = tmp.resolve("dodges.json");
        Files.writeString(file, JSON.writeValueAsString(root));
        FeatureOutcome o = run(ManifestLoader.load(file));

        assertEquals(FeatureState.GREEN, o.state(), o.reason());
        assertEquals(List.of("PENDING->RED", "RED->RED", "RED->YELLOW", "YELLOW->GREEN"),
                o.transitions().stream().map(t -> t.from() + "->" + t.to()).toList());
        assertEquals("attempt 1 skipped-by-implementation: the implementation's code skipped or aborted tests it has to"
                + " pass: tests/test_calc.py::test_mul (at calc/ops.py:11: xfail: later); tests/test_calc.py::test_div (at"
                + " calc/ops.py:15: no div); tests/test_calc.py::test_sub (at calc/ops.py:20: hidden);"
                + " tests/test_calc.py::DivTest::test_div (at calc/ops.py:15: no div)", o.transitions().get(1).reason());
        assertEquals("attempt 2 passes: 5 tests passed", o.transitions().get(2).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"warm", "perRun"})
    void aPytestExitFromTheImplementationOrThePluginTurnedOffIsNoPassAndABaseConftestWrittenBackStaysTheBases(String fork)
            throws Exception {
        // found by the review: pytest.exit(returncode=0) in the implementation left the other tests unrun and the run
        // passed; a pyproject.toml of the attempt's turned the plugin off, and its skip passed (refused since as a change
        // of pytest's configuration; a base that turns the plugin off still shows the rule); an attempt that wrote
        // the base's conftest.py back unchanged was blamed for the base fixture's skip
        Path base = Files.createDirectories(tmp.resolve("base"));
        String conftest = "import pytest\n\n\n@pytest.fixture\ndef network():\n    pytest.skip('no network here')\n";
        Files.writeString(base.resolve("conftest.py"), conftest);
        ObjectNode root = pytestWithBase("stops", fork);
        var features = root.putArray("features");
        ObjectNode stops = features.addObject().put("id", "stops").put("title", "stops");
        stops.putObject("tests").put("test_stops.py", "from stops import one, two\n\n\ndef test_one():\n"
                + "    assert one() == 1\n\n\ndef test_two():\n    assert two() == 2\n");
        var stopAttempts = stops.putArray("attempts");
        stopAttempts.addObject().putObject("files").put("stops.py", "import pytest\n\n\ndef one():\n    return 1\n\n\n"
                + "def two():\n    pytest.exit('done', returncode=0)\n");
        stopAttempts.addObject().putObject("files").put("stops.py", "def one():\n    return 1\n\n\ndef two():\n    return 2\n");
        ObjectNode off = features.addObject().put("id", "off").put("title", "off");
        off.putObject("tests").put("test_off.py", "from off import three, four\n\n\ndef test_three():\n"
                + "    assert three() == 3\n\n\ndef test_four():\n    assert four() == 4\n\n\ndef test_fetch(network):\n"
                + "    pass\n");
        var offAttempts = off.putArray("attempts");
        offAttempts.addObject().putObject("files")
                .put("pyproject.toml", "[tool.pytest.ini_options]\naddopts = '-p no:redyellow_pytest_skips'\n")
                .put("off.py", "import pytest\n\n\ndef three():\n    return 3\n\n\ndef four():\n    pytest.skip('later')\n");
        offAttempts.addObject().putObject("files").put("conftest.py", conftest)
                .put("off.py", "def three():\n    return 3\n\n\ndef four():\n    return 4\n");
        java.util.Map<String, FeatureOutcome> outcomes = runAll(root, "stops.json");
        FeatureOutcome ofStops = outcomes.get("stops");
        FeatureOutcome ofOff = outcomes.get("off");

        assertEquals(FeatureState.GREEN, ofStops.state(), ofStops.reason());
        assertEquals(2, ofStops.attempts());
        assertTrue(ofStops.transitions().get(1).reason().contains("pytest was stopped before its tests ended: done (at"
                + " stops.py:9)"), ofStops.transitions().get(1).reason());
        assertEquals(FeatureState.GREEN, ofOff.state(), ofOff.reason());
        assertEquals(2, ofOff.attempts());
        // the attempt's pyproject.toml is now refused before any test runs (RunnerSettings)
        assertEquals("attempt 1 tampering: changed test files, which are read-only for the implementer: pyproject.toml"
                + " (pytest's configuration, its [tool.pytest] table)", ofOff.transitions().get(1).reason());
        assertEquals("attempt 2 passes: 2 tests passed", ofOff.transitions().get(2).reason());

        // a base whose configuration turns the plugin off: no run can rule out a skip or a stop, so none passes
        Path quietBase = Files.createDirectories(tmp.resolve("quiet"));
        Files.writeString(quietBase.resolve("pytest.ini"), "[pytest]\naddopts = -p no:redyellow_pytest_skips\n");
        ObjectNode quietRoot = pytestWithBase("quiet", fork).put("base", "quiet/").put("maxAttempts", 1);
        ObjectNode quiet = quietRoot.putArray("features").addObject().put("id", "quiet").put("title", "quiet");
        quiet.putObject("tests").put("test_five.py", "from five import five\n\n\ndef test_five():\n"
                + "    assert five() == 5\n");
        quiet.putArray("attempts").addObject().putObject("files").put("five.py", "def five():\n    return 5\n");
        Path quietManifest = tmp.resolve("quiet.json");
        Files.writeString(quietManifest, JSON.writeValueAsString(quietRoot));
        FeatureOutcome ofQuiet = run(ManifestLoader.load(quietManifest), tmp.resolve("run-quiet"));

        assertEquals(FeatureState.FAILED, ofQuiet.state(), ofQuiet.reason());
        assertTrue(ofQuiet.reason().contains("did not say how the session ended"), ofQuiet.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"warm", "perRun"})
    void anAttemptThatChangesPytestsPartOfAProjectFileOrMarksTheTestsSkippedIsNoPassButItsOwnPartsAreTheFeatures(String fork)
            throws Exception {
        // Before, an attempt's pyproject.toml that deselected the test it could not pass made the run pass: pytest
        // counts a deselected test as neither failed nor skipped by anyone, and names no place for it. A setup.cfg
        // or tox.ini in a test folder is the ini file pytest reads there. The feature's own part of such a file
        // (its dependencies, its name) stays the feature's to change. A pytestmark in the implementation, which the
        // test's star import takes in, skipped every test of that module with no place (the other module's passed).
        Path base = Files.createDirectories(tmp.resolve("base"));
        Files.writeString(base.resolve("pyproject.toml"), "[project]\nname = \"calc\"\nversion = \"1.0\"\n\n"
                + "[tool.pytest.ini_options]\ntestpaths = [\"tests\"]\n");
        String test = "from calc import *  # noqa: F403\n\n\ndef test_add():\n    assert add(2, 2) == 4\n\n\n"
                + "def test_div():\n    assert div(6, 3) == 2\n";
        String halfDone = "def add(a, b):\n    return a + b\n\n\ndef div(a, b):\n    raise NotImplementedError\n";
        String done = "def add(a, b):\n    return a + b\n\n\ndef div(a, b):\n    return a // b\n";
        ObjectNode root = pytestWithBase("deselects", fork).put("maxAttempts", 5);
        ObjectNode f = root.putArray("features").addObject().put("id", "calc").put("title", "calc");
        f.putObject("tests").put("tests/test_calc.py", test)
                .put("tests/test_more.py", "from calc import add\n\n\ndef test_more():\n    assert add(1, 1) == 2\n");
        var attempts = f.putArray("attempts");
        attempts.addObject().putObject("files").put("calc.py", halfDone).put("pyproject.toml", "[project]\n"
                + "name = \"calc\"\nversion = \"1.0\"\n\n[tool.pytest.ini_options]\ntestpaths = [\"tests\"]\n"
                + "addopts = \"--deselect tests/test_calc.py::test_div\"\n");
        attempts.addObject().putObject("files").put("calc.py", halfDone)
                .put("tests/setup.cfg", "[metadata]\nname = calc\n\n[tool:pytest]\naddopts = -k \"not div\"\n");
        attempts.addObject().putObject("files").put("calc.py", halfDone)
                .put("tests/tox.ini", "[tox]\nenvlist = py3\n\n[pytest]\naddopts = -k add\n");
        attempts.addObject().putObject("files").put("calc.py", "import pytest\n\n" + halfDone
                + "\n\npytestmark = pytest.mark.skip(reason=\"later\")\n");
        attempts.addObject().putObject("files").put("calc.py", done).put("pyproject.toml", "[project]\n"
                + "name = \"calc\"\nversion = \"1.1\"\ndependencies = []\n\n[tool.pytest.ini_options]\n"
                + "# the tests are here\ntestpaths = [ \"tests\" ]\n");
        Path file = tmp.resolve("deselects.json");
        Files.writeString(file, JSON.writeValueAsString(root));
        FeatureOutcome o = run(ManifestLoader.load(file));

        assertEquals(FeatureState.GREEN, o.state(), o.reason());
        assertEquals(List.of("PENDING->RED", "RED->RED", "RED->RED", "RED->RED", "RED->RED", "RED->YELLOW", "YELLOW->GREEN"),
                o.transitions().stream().map(t -> t.from() + "->" + t.to()).toList());
        String tampering = "tampering: changed test files, which are read-only for the implementer: ";
        assertEquals("attempt 1 " + tampering + "pyproject.toml (pytest's configuration, its [tool.pytest] table)",
                o.transitions().get(1).reason());
        assertEquals("attempt 2 " + tampering + "tests/setup.cfg (pytest's configuration, its [tool:pytest] section)",
                o.transitions().get(2).reason());
        assertEquals("attempt 3 " + tampering + "tests/tox.ini (pytest's configuration, its [pytest] section)",
                o.transitions().get(3).reason());
        assertEquals("attempt 4 skipped-by-implementation: the implementation's code skipped or aborted tests it has to"
                + " pass: tests/test_calc.py::test_add (at calc.py:11: later); tests/test_calc.py::test_div (at calc.py:11:"
                + " later)", o.transitions().get(4).reason());
        assertEquals("attempt 5 passes: 3 tests passed", o.transitions().get(5).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"warm", "perRun"})
    void underPythonIsolatedPytestsOwnBannerSaysThatTheImplementationStoppedTheSession(String fork) throws Exception {
        // Under python -I the plugin cannot load; pytest.exit(returncode=0) from the implementation then passed, and
        // the XML report's nameless case for the stopped test counted as a second pass.
        ObjectNode root = JSON.createObjectNode().put("version", 1).put("name", "isolated").put("maxAttempts", 2)
                .put("workers", 1);
        ObjectNode pytest = command("python3", "-I", "-m", "pytest", "-q", "-p", "no:cacheprovider",
                "--junitxml=report.xml").put("fork", fork).put("reports", "report.xml");
        root.set("test", pytest);
        ObjectNode f = root.putArray("features").addObject().put("id", "stops").put("title", "stops");
        f.putObject("tests").put("test_stops.py", "from stops import one, two\n\n\ndef test_one():\n"
                + "    assert one() == 1\n\n\ndef test_two():\n    assert two() == 2\n\n\ndef test_three():\n"
                + "    assert one() + two() == 3\n");
        var attempts = f.putArray("attempts");
        attempts.addObject().putObject("files").put("stops.py", "import pytest\n\n\ndef one():\n    return 1\n\n\n"
                + "def two():\n    pytest.exit('done', returncode=0)\n");
        attempts.addObject().putObject("files").put("stops.py", "def one():\n    return 1\n\n\ndef two():\n    return 2\n");
        FeatureOutcome o = runAll(root, "isolated.json").get("stops");

        assertEquals(FeatureState.GREEN, o.state(), o.reason());
        assertEquals(2, o.attempts());
        assertTrue(o.transitions().get(1).reason().contains("pytest was stopped before its tests ended: "
                + "_pytest.outcomes.Exit: done"), o.transitions().get(1).reason());
        assertEquals("attempt 2 passes: 3 tests passed", o.transitions().get(2).reason());
    }

    @Test
    void aSkipFromAnAcceptedDependencysCodeStaysASkipAndARefusedAttemptBreaksARunOfSameFailures() throws Exception {
        // env's accepted code skips when there is no network; fetch's test calls it: fetch's implementer cannot
        // change env, so refusing every attempt for it spent them all (found by a review)
        ObjectNode root = JSON.createObjectNode().put("version", 1).put("name", "dep-skip").put("maxAttempts", 4)
                .put("workers", 1).put("stagnationLimit", 2);
        ObjectNode test = command("python3", "-m", "pytest", "-q", "-p", "no:cacheprovider");
        test.putObject("env").put("PYTHONDONTWRITEBYTECODE", "1");
        root.set("test", test);
        var features = root.putArray("features");
        ObjectNode env = features.addObject().put("id", "env").put("title", "env");
        env.putObject("tests").put("test_env.py", "from env import name\n\n\ndef test_name():\n    assert name() == 'env'\n");
        env.putArray("attempts").addObject().putObject("files").put("env.py", "import pytest\n\n\ndef name():\n"
                + "    return 'env'\n\n\ndef require_network():\n    pytest.skip('no network here')\n");
        ObjectNode fetch = features.addObject().put("id", "fetch").put("title", "fetch");
        fetch.putArray("dependsOn").add("env");
        fetch.putObject("tests").put("test_fetch.py", "from env import require_network\nfrom fetch import fetch\n\n\n"
                + "def test_local():\n    assert fetch('x') == 'x!'\n\n\ndef test_remote():\n    require_network()\n");
        fetch.putArray("attempts").addObject().putObject("files").put("fetch.py", "def fetch(x):\n    return x + '!'\n");
        // and a run of the same failure interrupted by a refused attempt is no stagnation: attempts 1 and 3 fail
        // alike, attempt 2 dodges, attempt 4 is right (before: "stagnated" at attempt 3)
        ObjectNode calc = features.addObject().put("id", "calc").put("title", "calc");
        calc.putObject("tests").put("test_calc.py", "from calc import double\n\n\ndef test_double():\n"
                + "    assert double(2) == 4\n\n\ndef test_zero():\n    assert double(0) == 0\n");
        var attempts = calc.putArray("attempts");
        attempts.addObject().putObject("files").put("calc.py", "def double(x):\n    return x + 2\n");
        attempts.addObject().putObject("files").put("calc.py", "import pytest\n\n\ndef double(x):\n"
                + "    if x == 2:\n        pytest.skip('later')\n    return 0\n");
        attempts.addObject().putObject("files").put("calc.py", "def double(x):\n    return x + 2\n");
        attempts.addObject().putObject("files").put("calc.py", "def double(x):\n    return 2 * x\n");
        java.util.Map<String, FeatureOutcome> outcomes = runAll(root, "dep-skip.json");
        FeatureOutcome ofFetch = outcomes.get("fetch");
        FeatureOutcome ofCalc = outcomes.get("calc");

        assertEquals(FeatureState.GREEN, ofFetch.state(), ofFetch.reason());
        assertEquals(1, ofFetch.attempts());
        assertEquals(FeatureState.GREEN, ofCalc.state(), ofCalc.reason());
        assertEquals(4, ofCalc.attempts());
        assertTrue(ofCalc.transitions().get(2).reason().startsWith("attempt 2 skipped-by-implementation"),
                ofCalc.transitions().get(2).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"warm", "perRun"})
    void anAssumptionInATestsHelperThatTheImplementationCallsBackStaysTheTestsSkip(String fork) throws Exception {
        // the implementation calls the test's fake clock, which assumes: the innermost place is the test's
        // (found by the review: every frame was read, and the implementation's below it refused an honest attempt)
        ObjectNode root = JSON.createObjectNode().put("version", 1).put("name", "callback").put("maxAttempts", 1)
                .put("workers", 1);
        root.putObject("test").put("kind", "junit").put("timeoutSeconds", 120).put("fork", fork);
        ObjectNode f = root.putArray("features").addObject().put("id", "runner").put("title", "runner");
        f.putObject("tests")
                .put("src/test/java/mr/FakeClock.java", "package mr;\nimport static org.junit.jupiter.api.Assumptions.assumeTrue;\n"
                        + "class FakeClock implements Clock {\n    public long now() { assumeTrue(false, \"no clock here\"); return 0; }\n}\n")
                .put("src/test/java/mr/RunnerTest.java", "package mr;\nimport static org.junit.jupiter.api.Assertions.assertEquals;\n"
                        + "import org.junit.jupiter.api.Test;\nclass RunnerTest {\n"
                        + "    @Test void counts() { assertEquals(2, Runner.count(2)); }\n"
                        + "    @Test void stamps() { assertEquals(0, Runner.stamp(new FakeClock())); }\n}\n");
        f.putArray("attempts").addObject().putObject("files")
                .put("src/main/java/mr/Clock.java", "package mr;\npublic interface Clock { long now(); }\n")
                .put("src/main/java/mr/Runner.java", "package mr;\npublic final class Runner {\n"
                        + "    public static int count(int n) { return n; }\n"
                        + "    public static long stamp(Clock clock) { return clock.now(); }\n}\n");
        Path file = tmp.resolve("callback.json");
        Files.writeString(file, JSON.writeValueAsString(root));
        FeatureOutcome o = run(ManifestLoader.load(file));

        assertEquals(FeatureState.GREEN, o.state(), o.reason());
        assertEquals("attempt 1 passes: 1 tests passed", o.transitions().get(1).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"warm", "perRun"})
    void aPytestSkipIsPlacedFromTheWorkspaceAlsoInAJUnitXmlReport(String fork) throws Exception {
        // the base's own root-level helpers.py skips (the test's choice), the implementation writes
        // calc/helpers.py: a place is one file, not any file of that name; and with a --junitxml report, which
        // the verdict reads before the summary, the implementation's skip is still found (an absolute place there)
        Path base = Files.createDirectories(tmp.resolve("base"));
        Files.writeString(base.resolve("helpers.py"), "import pytest\n\n\ndef require_network():\n"
                + "    pytest.skip('no network here')\n");
        ObjectNode root = JSON.createObjectNode().put("version", 1).put("name", "places").put("maxAttempts", 2)
                .put("workers", 1).put("base", "base/");
        ObjectNode test = command("python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "--junitxml=out/report.xml")
                .put("fork", fork).put("reports", "out/*.xml");
        test.putObject("env").put("PYTHONDONTWRITEBYTECODE", "1");
        root.set("test", test);
        ObjectNode f = root.putArray("features").addObject().put("id", "calc").put("title", "calc");
        f.putObject("tests").put("tests/test_calc.py", "import helpers\nfrom calc.helpers import double\n\n\n"
                + "def test_double():\n    assert double(2) == 4\n\n\ndef test_fetch():\n    helpers.require_network()\n\n\n"
                + "def test_triple():\n    assert double(3) == 6\n");
        var attempts = f.putArray("attempts");
        attempts.addObject().putObject("files").put("calc/helpers.py", "import pytest\n\n\ndef double(x):\n"
                + "    if x > 2:\n        pytest.skip('too big')\n    return 2 * x\n");
        attempts.addObject().putObject("files").put("calc/helpers.py", "def double(x):\n    return 2 * x\n");
        Path file = tmp.resolve("places.json");
        Files.writeString(file, JSON.writeValueAsString(root));
        FeatureOutcome o = run(ManifestLoader.load(file));

        assertEquals(FeatureState.GREEN, o.state(), o.reason());
        assertEquals("attempt 1 skipped-by-implementation: the implementation's code skipped or aborted tests it has to"
                + " pass: tests/test_calc.py::test_triple (at calc/helpers.py:6: too big)", o.transitions().get(1).reason());
        assertEquals("attempt 2 passes: 2 tests passed", o.transitions().get(2).reason());
    }

    @Test
    void aStopBeforeTheRunStartsCancelsEveryFeature() throws Exception {
        Manifest m = manifest(command("python3", "-m", "unittest", "-v"), null, "test_x.py",
                "import unittest\nfrom x import x\nclass T(unittest.TestCase):\n    def test_it(self):\n"
                        + "        self.assertEqual(1, x)\n", "x.py", "x = 1\n");
        RunEngine engine = new RunEngine(m, new RunOptions(1, tmp.resolve("run"), false, ManualDecisions.NOBODY,
                StepOutput.DISCARD), runners, RunListener.NONE, Clock.systemUTC());
        engine.cancel(); // Run, then Stop within 50 ms: before, a NullPointerException failed the run
        RunResult result = engine.run();
        assertTrue(result.cancelled());
        assertEquals(FeatureState.CANCELLED, result.outcomes().get(0).state());
    }
}
