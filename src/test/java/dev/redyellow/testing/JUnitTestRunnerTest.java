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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real compilation and a real test JVM per test, on workspaces in temporary folders. */
class JUnitTestRunnerTest {

    private static final String SLUG = """
            package tools;

            public final class Slug {
                public static String of(String title) {
                    return title.toLowerCase().replace(' ', '-');
                }
            }
            """;

    @TempDir
    static Path cache;
    private static JUnitTestRunner runner;

    @TempDir
    Path workspace;

    private final Output output = new Output();

    @BeforeAll
    static void createRunner() {
        runner = new JUnitTestRunner(new ProcessRunner(), new JUnitConsoleJar(List.of(cache)));
    }

    @Test
    void passingTestsPass() throws Exception {
        write("src/main/java/tools/Slug.java", SLUG);
        write("src/test/java/tools/SlugTest.java", test("""
                @Test void lowercases() { assertEquals("abc", Slug.of("ABC")); }
                @Test void joinsWords() { assertEquals("a-b", Slug.of("a b")); }
                """));

        TestResult result = run(60, "src/test/java/tools/SlugTest.java");

        assertEquals(TestOutcome.PASSED, result.outcome(), result.detail() + result.outputTail());
        assertEquals(2, result.passed());
        assertEquals(List.of("tools.SlugTest.joinsWords", "tools.SlugTest.lowercases"),
                result.cases().stream().map(TestCase::name).sorted().toList());
        assertTrue(output.text().contains("2 tests successful"), output.text());
    }

    @Test
    void failingTestIsNamedWithItsMessage() throws Exception {
        write("src/main/java/tools/Slug.java", SLUG);
        write("src/test/java/tools/SlugTest.java", test("""
                @Test void lowercases() { assertEquals("abc", Slug.of("ABC")); }
                @Test void underscores() { assertEquals("a_b", Slug.of("a b")); }
                """));

        TestResult result = run(60, "src/test/java/tools/SlugTest.java");

        assertEquals(TestOutcome.FAILED, result.outcome());
        assertEquals(List.of(1, 1), List.of(result.passed(), result.failed()));
        TestCase failure = result.failures().get(0);
        assertEquals("tools.SlugTest.underscores", failure.name());
        assertEquals("expected: <a_b> but was: <a-b>", failure.message());
    }

    @Test
    void compileErrorIsReportedWithFileAndLine() throws Exception {
        write("src/main/java/tools/Slug.java", "package tools;\n\npublic class Slug { int x = \"text\"; }\n");
        write("src/test/java/tools/SlugTest.java", test("@Test void runs() { }"));

        TestResult result = run(60, "src/test/java/tools/SlugTest.java");

        assertEquals(TestOutcome.COMPILE_ERROR, result.outcome());
        assertTrue(result.detail().startsWith("src/main/java/tools/Slug.java:3: incompatible types"), result.detail());
        assertTrue(output.text().contains("src/main/java/tools/Slug.java:3:"), output.text());
    }

    @Test
    void missingImplementationIsACompileError() throws Exception {
        write("src/test/java/tools/SlugTest.java", test("@Test void lowercases() { assertEquals(\"a\", Slug.of(\"A\")); }"));

        TestResult result = run(60, "src/test/java/tools/SlugTest.java");

        assertEquals(TestOutcome.COMPILE_ERROR, result.outcome());
        assertTrue(result.detail().contains("cannot find symbol"), result.detail());
    }

    @Test
    void classWithoutTestsRunsNoTests() throws Exception {
        write("src/test/java/tools/SlugTest.java", test("void notATest() { }"));

        TestResult result = run(60, "src/test/java/tools/SlugTest.java");

        assertEquals(TestOutcome.NO_TESTS, result.outcome(), result.detail() + result.outputTail());
        assertEquals(0, result.executed());
    }

    @Test
    void runsOnlyTheSelectedClasses() throws Exception {
        write("src/test/java/tools/GoodTest.java", test("@Test void passes() { }").replace("SlugTest", "GoodTest"));
        write("src/test/java/tools/BadTest.java", test("@Test void fails() { fail(\"bad\"); }").replace("SlugTest", "BadTest"));

        TestResult selected = run(60, "src/test/java/tools/GoodTest.java");
        TestResult all = run(60);

        assertEquals(TestOutcome.PASSED, selected.outcome());
        assertEquals(1, selected.executed());
        assertEquals(TestOutcome.FAILED, all.outcome());
        assertEquals(2, all.executed());
    }

    @Test
    void failingSetUpOfATestClassFails() throws Exception {
        write("src/test/java/tools/SlugTest.java", test("""
                @org.junit.jupiter.api.BeforeAll static void setUp() { throw new IllegalStateException("no database"); }
                @Test void runs() { }
                """));

        TestResult result = run(60, "src/test/java/tools/SlugTest.java");

        assertEquals(TestOutcome.FAILED, result.outcome(), result.detail() + result.outputTail());
    }

    @Test
    void timeoutKillsTheTestJvm() throws Exception {
        Path pidFile = workspace.resolve("test-jvm.pid");
        write("src/test/java/tools/SlugTest.java", test("""
                @Test void hangs() throws Exception {
                    java.nio.file.Files.writeString(java.nio.file.Path.of("test-jvm.pid"), Long.toString(ProcessHandle.current().pid()));
                    Thread.sleep(300_000);
                }
                """));

        TestResult result = run(4, "src/test/java/tools/SlugTest.java");

        assertEquals(TestOutcome.TIMEOUT, result.outcome(), result.detail() + result.outputTail());
        // on a loaded machine the timeout may come before the test even started: then no pid file,
        // but in every case no process of the run may be left
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessTreeState::running)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList());
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            assertFalse(ProcessHandle.of(pid).map(ProcessTreeState::running).orElse(false),
                    () -> "test JVM " + pid + " survived: " + ProcessTreeState.describe(pid));
        }
    }

    @Test
    void missingSelectedTestFileIsAnError() throws Exception {
        write("src/main/java/tools/Slug.java", SLUG);

        TestResult result = run(60, "src/test/java/tools/NoSuchTest.java");

        assertEquals(TestOutcome.ERROR, result.outcome());
        assertTrue(result.detail().contains("src/test/java/tools/NoSuchTest.java"), result.detail());
    }

    /**
     * javac crashes on valid code (deep nesting on a small stack) and says only "failed": that is no
     * compile error of the code (which a RED proof or an attempt would take as one, and a cache keep);
     * the compile is done again, and the tests run.
     */
    @Test
    void javacCrashingOnValidCodeIsNoCompileError() throws Exception {
        write("src/main/java/tools/Deep.java", dev.redyellow.testing.worker.DeepCode.nested("tools", "Deep", 20_000));
        write("src/test/java/tools/SlugTest.java", test("""
                @Test void one() { assertEquals(1, Deep.one()); }
                """));
        long again = dev.redyellow.testing.worker.WorkspaceCompiler.compilesDoneAgainAfterACrash();
        Object result = dev.redyellow.testing.worker.DeepCode.onJavacStack(256 << 10,
                () -> run(60, "src/test/java/tools/SlugTest.java"));
        assertTrue(result instanceof TestResult, String.valueOf(result));
        TestResult r = (TestResult) result;
        assertEquals(TestOutcome.PASSED, r.outcome(), r.detail() + r.outputTail());
        assertEquals(1, r.passed());
        assertTrue(dev.redyellow.testing.worker.WorkspaceCompiler.compilesDoneAgainAfterACrash() > again,
                "javac crashed on its small stack, and the compile was done again");
    }

    private TestResult run(int timeoutSeconds, String... selected) throws InterruptedException {
        return runner.run(new TestRequest(workspace, new TestSettings.JUnit(timeoutSeconds), List.of(selected), output));
    }

    private static String test(String body) {
        return """
                package tools;

                import static org.junit.jupiter.api.Assertions.*;

                import org.junit.jupiter.api.Test;

                class SlugTest {
                %s
                }
                """.formatted(body);
    }

    private void write(String path, String text) throws IOException {
        Path file = workspace.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** Whether a process still runs; a zombie waiting for PID 1 to reap it does not. */
    private static final class ProcessTreeState {
        static boolean running(ProcessHandle handle) {
            return !dev.redyellow.exec.ProcessTree.hasExited(handle);
        }

        /** What the system says of a process, for a failure message: its stat line, where there is one. */
        static String describe(long pid) {
            try {
                return Files.readString(Path.of("/proc", Long.toString(pid), "stat")).strip();
            } catch (java.io.IOException e) {
                return "no /proc entry (" + e + ")";
            }
        }
    }

    private static final class Output implements OutputSink {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(Stream stream, byte[] b, int offset, int length) {
            bytes.write(b, offset, length);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
