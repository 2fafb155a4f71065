package dev.redyellow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.ProcessTree;
import dev.redyellow.manifest.TestSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real worker JVMs running real (and misbehaving) test classes. Each test has its own pool, so the
 * worker figures it reads are its own.
 */
class WarmJUnitRunnerTest {

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

    @TempDir
    Path workspace;

    /** Where the tests leave notes, by absolute path: outside the workspace, which a warm run moves. */
    @TempDir
    Path notes;

    private WarmWorkerPool pool;
    private WarmJUnitRunner runner;
    private final Output output = new Output();

    @BeforeEach
    void createRunner() {
        pool = new WarmWorkerPool(new JUnitConsoleJar(List.of(cache)));
        runner = new WarmJUnitRunner(pool);
    }

    @AfterEach
    void closeRunner() {
        runner.close();
    }

    @Test
    void passingTestsPass() throws Exception {
        write("src/main/java/tools/Slug.java", SLUG);
        writeTest("""
                @Test void lowercases() { assertEquals("abc", Slug.of("ABC")); }
                @Test void joinsWords() { assertEquals("a-b", Slug.of("a b")); }
                """);

        TestResult result = run(60);

        assertEquals(TestOutcome.PASSED, result.outcome(), result.detail() + result.outputTail());
        assertEquals(List.of("tools.SlugTest.joinsWords", "tools.SlugTest.lowercases"),
                result.cases().stream().map(TestCase::name).sorted().toList());
        assertTrue(output.text().contains("2 tests successful"), output.text());
    }

    @Test
    void failingTestIsNamedWithItsMessage() throws Exception {
        write("src/main/java/tools/Slug.java", SLUG);
        writeTest("""
                @Test void lowercases() { assertEquals("abc", Slug.of("ABC")); }
                @Test void underscores() { assertEquals("a_b", Slug.of("a b")); }
                """);

        TestResult result = run(60);

        assertEquals(TestOutcome.FAILED, result.outcome());
        assertEquals(List.of(1, 1), List.of(result.passed(), result.failed()));
        assertEquals("tools.SlugTest.underscores", result.failures().get(0).name());
        assertEquals("expected: <a_b> but was: <a-b>", result.failures().get(0).message());
    }

    @Test
    void compileErrorIsReportedWithFileAndLine() throws Exception {
        write("src/main/java/tools/Slug.java", "package tools;\n\npublic class Slug { int x = \"text\"; }\n");
        writeTest("@Test void runs() { }");

        TestResult result = run(60);

        assertEquals(TestOutcome.COMPILE_ERROR, result.outcome());
        assertTrue(result.detail().startsWith("src/main/java/tools/Slug.java:3: incompatible types"), result.detail());
        assertTrue(output.text().contains("src/main/java/tools/Slug.java:3:"), output.text());
    }

    @Test
    void staticStateOfOneRunIsNotSeenByTheNext() throws Exception {
        write("src/main/java/tools/Registry.java", """
                package tools;

                public final class Registry {
                    public static final java.util.List<String> NAMES = new java.util.ArrayList<>();
                }
                """);
        writeTest("""
                @Test void startsEmpty() {
                    assertEquals(List.of(), Registry.NAMES);
                    assertNull(System.getProperty("tools.touched"));
                    Registry.NAMES.add("first");
                    System.setProperty("tools.touched", "yes");
                    Files.writeString(Path.of(System.getProperty("tools.pids")), ProcessHandle.current().pid() + "\\n",
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                """.replace("@Test void startsEmpty() {", "@Test void startsEmpty() throws Exception {"));

        TestResult first = run(60);
        TestResult second = run(60);

        assertEquals(TestOutcome.PASSED, first.outcome(), first.detail() + first.outputTail());
        assertEquals(TestOutcome.PASSED, second.outcome(), second.detail() + second.outputTail());
        List<String> pids = Files.readAllLines(notes.resolve("pids"));
        assertEquals(2, pids.size());
        assertEquals(pids.get(0), pids.get(1), "both runs in the same worker JVM");
        assertEquals(1, pool.state().workersStarted());
    }

    @Test
    void systemExitEndsTheRunAsAnErrorAndTheNextRunWorks() throws Exception {
        writeTest("@Test void exits() { System.exit(3); }");

        TestResult exited = run(60);

        assertEquals(TestOutcome.ERROR, exited.outcome());
        assertTrue(exited.detail().startsWith("test called System.exit (exit code 3)"), exited.detail());
        writeTest("@Test void passes() { }");
        assertEquals(TestOutcome.PASSED, run(60).outcome());
        assertEquals(2, pool.state().workersStarted());
        assertEquals(1, pool.state().recyclesByCause().get("exit"));
    }

    @Test
    void hungTestTimesOutAndItsWorkerIsKilledAndReplaced() throws Exception {
        writeTest("""
                @Test void hangs() throws Exception {
                    Files.writeString(Path.of(System.getProperty("tools.pids")), Long.toString(ProcessHandle.current().pid()));
                    Thread.sleep(300_000);
                }
                """);

        TestResult hung = run(20);

        assertEquals(TestOutcome.TIMEOUT, hung.outcome(), hung.detail() + hung.outputTail());
        long pid = Long.parseLong(Files.readString(notes.resolve("pids")).strip());
        assertFalse(ProcessHandle.of(pid).map(h -> !ProcessTree.hasExited(h)).orElse(false), "worker " + pid + " survived");
        writeTest("@Test void passes() { }");
        assertEquals(TestOutcome.PASSED, run(60).outcome());
        assertEquals(1, pool.state().recyclesByCause().get("timeout"));
    }

    @Test
    void testThatLeavesAThreadRunningPassesAndItsWorkerIsReplaced() throws Exception {
        writeTest("""
                @Test void startsAThread() throws Exception {
                    Files.writeString(Path.of(System.getProperty("tools.pids")), Long.toString(ProcessHandle.current().pid()));
                    Thread sleeper = new Thread(() -> {
                        try {
                            Thread.sleep(600_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }, "left-behind");
                    sleeper.start();
                }
                """);

        TestResult leaked = run(60);

        assertEquals(TestOutcome.PASSED, leaked.outcome(), leaked.detail() + leaked.outputTail());
        assertTrue(output.text().contains("worker replaced: the tests left 1 thread(s) running: left-behind"), output.text());
        long pid = Long.parseLong(Files.readString(notes.resolve("pids")).strip());
        assertFalse(ProcessHandle.of(pid).map(h -> !ProcessTree.hasExited(h)).orElse(false), "worker " + pid + " survived");
        assertEquals(1, pool.state().recyclesByCause().get("leak"));
        writeTest("@Test void passes() { }");
        assertEquals(TestOutcome.PASSED, run(60).outcome());
    }

    @Test
    void testThatFillsTheHeapIsAnErrorAndItsWorkerIsReplaced() throws Exception {
        writeTest("""
                @Test void fillsTheHeap() {
                    List<long[]> hoard = new ArrayList<>();
                    while (true) {
                        hoard.add(new long[1 << 17]);
                    }
                }
                """);

        TestResult full = runner.run(request(new TestSettings.JUnit(60, TestSettings.Fork.WARM, 64, 50)));

        assertEquals(TestOutcome.ERROR, full.outcome(), full.detail() + full.outputTail());
        assertTrue(full.detail().startsWith("the tests ran out of memory"), full.detail());
        assertEquals(1, pool.state().recyclesByCause().get("leak"));
        writeTest("@Test void passes() { }");
        assertEquals(TestOutcome.PASSED, run(60).outcome());
    }

    @Test
    void workerIsReplacedAfterItsRunLimit() throws Exception {
        writeTest("@Test void passes() { }");
        TestSettings.JUnit twoRuns = new TestSettings.JUnit(60, TestSettings.Fork.WARM, 256, 2);

        for (int i = 0; i < 3; i++) {
            assertEquals(TestOutcome.PASSED, runner.run(request(twoRuns)).outcome());
        }

        WarmPoolState state = pool.state();
        assertEquals(2, state.workersStarted());
        assertEquals(List.of(2, 1), state.workers().stream().map(WarmPoolState.Worker::runs).toList());
        assertEquals(1, state.recyclesByCause().get("run limit"));
    }

    @Test
    void outputReachesTheSinkWhileTheTestStillRuns() throws Exception {
        Path seen = notes.resolve("seen");
        writeTest("""
                @Test void waitsToBeSeen() throws Exception {
                    System.out.println("marker: the test is running");
                    Path seen = Path.of(System.getProperty("tools.pids")).resolveSibling("seen");
                    for (int i = 0; i < 400 && !Files.exists(seen); i++) {
                        Thread.sleep(50);
                    }
                    assertTrue(Files.exists(seen), "the host never saw the output while the test ran");
                }
                """);
        OutputSink watcher = (stream, bytes, offset, length) -> {
            output.write(stream, bytes, offset, length);
            if (output.text().contains("marker: the test is running")) {
                try {
                    Files.writeString(seen, "yes");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };

        TestResult result = runner.run(new TestRequest(workspace, new TestSettings.JUnit(60), List.of(TEST_FILE), watcher));

        assertEquals(TestOutcome.PASSED, result.outcome(), result.detail() + result.outputTail());
    }

    @Test
    void closingThePoolLeavesNoWorkerProcess() throws Exception {
        writeTest("@Test void passes() { }");
        assertEquals(TestOutcome.PASSED, run(60).outcome());
        Set<Long> workers = pool.state().workers().stream().map(WarmPoolState.Worker::pid).collect(Collectors.toSet());
        assertEquals(1, workers.size());
        assertTrue(children().containsAll(workers), "the worker runs before close");

        runner.close();

        Set<Long> left = children();
        left.retainAll(workers);
        assertEquals(Set.of(), left, "worker processes left after close");
    }

    private static Set<Long> children() {
        return ProcessHandle.current().descendants().filter(h -> !ProcessTree.hasExited(h))
                .map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static final String TEST_FILE = "src/test/java/tools/SlugTest.java";

    private TestResult run(int timeoutSeconds) throws InterruptedException {
        return runner.run(request(new TestSettings.JUnit(timeoutSeconds)));
    }

    private TestRequest request(TestSettings.JUnit settings) {
        return new TestRequest(workspace, settings, List.of(TEST_FILE), output);
    }

    /** A test class whose tests know where to leave notes: the system property tools.pids. */
    private void writeTest(String body) throws IOException {
        write(TEST_FILE, """
                package tools;

                import static org.junit.jupiter.api.Assertions.*;

                import java.nio.file.*;
                import java.util.*;
                import org.junit.jupiter.api.BeforeAll;
                import org.junit.jupiter.api.Test;

                class SlugTest {
                    @BeforeAll static void notes() { System.setProperty("tools.pids", "%s"); }
                %s
                }
                """.formatted(notes.resolve("pids").toString().replace("\\", "\\\\"), body));
    }

    private void write(String path, String text) throws IOException {
        Path file = workspace.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static final class Output implements OutputSink {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(Stream stream, byte[] chunk, int offset, int length) {
            bytes.write(chunk, offset, length);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
