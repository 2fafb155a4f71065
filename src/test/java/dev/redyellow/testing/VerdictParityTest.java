package dev.redyellow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.exec.ProcessTree;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.testing.worker.WorkerRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same workspace judged alike by a fresh JVM per run and by a warm worker (issue 25): deep
 * recursion, JVM-wide settings a test changes, aborted tests, resources and relative paths,
 * discovery errors. Real JVMs, real test classes.
 */
class VerdictParityTest {

    @TempDir
    static Path cache;
    private static JUnitTestRunner perRun;
    private static WarmWorkerPool pool;
    private static WarmJUnitRunner warm;

    @TempDir
    Path root;

    private final Output output = new Output();

    @BeforeAll
    static void createRunners() {
        JUnitConsoleJar console = new JUnitConsoleJar(List.of(cache));
        perRun = new JUnitTestRunner(new ProcessRunner(), console);
        pool = new WarmWorkerPool(console);
        warm = new WarmJUnitRunner(pool);
    }

    @AfterAll
    static void closePool() {
        warm.close();
    }

    @Test
    void deepRecursionPassesInBothModesEveryTime() throws Exception {
        Path ws = workspace("deep");
        write(ws, "src/test/java/deep/DeepTest.java", """
                package deep;

                import static org.junit.jupiter.api.Assertions.assertEquals;

                import org.junit.jupiter.api.Test;

                class DeepTest {
                    // A quicksort of a sorted array recurses as deep as the array is long.
                    static int sort(int[] a, int lo, int hi) {
                        if (lo >= hi) {
                            return 0;
                        }
                        int p = a[lo];
                        int i = lo;
                        for (int j = lo + 1; j <= hi; j++) {
                            if (a[j] < p) {
                                i++;
                                int t = a[i]; a[i] = a[j]; a[j] = t;
                            }
                        }
                        int t = a[lo]; a[lo] = a[i]; a[i] = t;
                        return 1 + sort(a, lo, i - 1) + sort(a, i + 1, hi);
                    }

                    @Test void sortsThirtyThousandSortedElements() {
                        int[] a = new int[30_000];
                        for (int k = 0; k < a.length; k++) {
                            a[k] = k;
                        }
                        assertEquals(29_999, sort(a, 0, a.length - 1));
                    }
                }
                """);
        List<String> tests = List.of("src/test/java/deep/DeepTest.java");

        TestResult fresh = perRun.run(request(ws, tests));
        assertEquals(TestOutcome.PASSED, fresh.outcome(), fresh.detail() + fresh.outputTail());
        for (int run = 0; run < 3; run++) {
            TestResult result = warm.run(request(ws, tests));
            assertEquals(TestOutcome.PASSED, result.outcome(), "warm run " + run + ": " + result.detail() + result.outputTail());
        }
    }

    @Test
    void aTestThatTurnsOffRedirectsDoesNotChangeTheNextRunsDefault() throws Exception {
        Path first = workspace("first");
        write(first, "src/test/java/net/RedirectsOffTest.java", """
                package net;

                import static org.junit.jupiter.api.Assertions.assertFalse;

                import java.net.HttpURLConnection;
                import org.junit.jupiter.api.Test;

                class RedirectsOffTest {
                    @Test void turnsRedirectsOff() {
                        HttpURLConnection.setFollowRedirects(false);
                        java.util.Locale.setDefault(java.util.Locale.JAPAN);
                        assertFalse(HttpURLConnection.getFollowRedirects());
                    }
                }
                """);
        Path second = workspace("second");
        write(second, "src/test/java/net/RedirectsDefaultTest.java", """
                package net;

                import static org.junit.jupiter.api.Assertions.assertNotEquals;
                import static org.junit.jupiter.api.Assertions.assertTrue;

                import java.net.HttpURLConnection;
                import org.junit.jupiter.api.Test;

                class RedirectsDefaultTest {
                    @Test void followsRedirectsByDefault() throws Exception {
                        java.nio.file.Files.writeString(java.nio.file.Path.of("pid"), Long.toString(ProcessHandle.current().pid()));
                        assertTrue(HttpURLConnection.getFollowRedirects());
                        assertNotEquals(java.util.Locale.JAPAN, java.util.Locale.getDefault());
                    }
                }
                """);
        write(first, "src/test/java/net/PidTest.java", """
                package net;

                class PidTest {
                    @org.junit.jupiter.api.Test void notesThePid() throws Exception {
                        java.nio.file.Files.writeString(java.nio.file.Path.of("pid"), Long.toString(ProcessHandle.current().pid()));
                    }
                }
                """);

        TestResult off = warm.run(request(first, List.of()));
        TestResult after = warm.run(request(second, List.of("src/test/java/net/RedirectsDefaultTest.java")));

        assertEquals(TestOutcome.PASSED, off.outcome(), off.detail() + off.outputTail());
        assertTrue(output.text().contains("default locale, HttpURLConnection.followRedirects"), output.text());
        assertEquals(TestOutcome.PASSED, after.outcome(), after.detail() + after.outputTail());
        assertEquals(Files.readString(first.resolve("pid")), Files.readString(second.resolve("pid")),
                "the second run was served by the worker that ran the first");
        assertEquals(TestOutcome.PASSED, perRun.run(request(second, List.of("src/test/java/net/RedirectsDefaultTest.java"))).outcome());
    }

    @Test
    void settingsThatCannotBePutBackRetireTheWorker() throws Exception {
        Path factory = workspace("factory");
        write(factory, "src/test/java/net/FactoryTest.java", """
                package net;

                import java.net.URL;
                import org.junit.jupiter.api.Test;

                class FactoryTest {
                    @Test void setsAFactory() throws Exception {
                        java.nio.file.Files.writeString(java.nio.file.Path.of("pid"), Long.toString(ProcessHandle.current().pid()));
                        URL.setURLStreamHandlerFactory(protocol -> null);
                        java.security.Security.setProperty("jdk.redyellow.probe", "set");
                    }
                }
                """);
        Path next = workspace("next");
        write(next, "src/test/java/net/NextTest.java", """
                package net;

                import static org.junit.jupiter.api.Assertions.assertNull;

                class NextTest {
                    @org.junit.jupiter.api.Test void seesAFreshJvm() throws Exception {
                        java.nio.file.Files.writeString(java.nio.file.Path.of("pid"), Long.toString(ProcessHandle.current().pid()));
                        assertNull(java.security.Security.getProperty("jdk.redyellow.probe"));
                        java.net.URL.setURLStreamHandlerFactory(protocol -> null);
                    }
                }
                """);

        TestResult set = warm.run(request(factory, List.of()));
        TestResult fresh = warm.run(request(next, List.of()));

        assertEquals(TestOutcome.PASSED, set.outcome(), set.detail() + set.outputTail());
        assertTrue(output.text().contains("worker replaced: the tests changed JVM-wide state that cannot be put back: "
                + "security properties changed (jdk.redyellow.probe); a URL stream handler factory was set"), output.text());
        assertEquals(TestOutcome.PASSED, fresh.outcome(), fresh.detail() + fresh.outputTail());
        long before = Long.parseLong(Files.readString(factory.resolve("pid")));
        assertNotEquals(before, Long.parseLong(Files.readString(next.resolve("pid"))), "a fresh worker served the next run");
        assertFalse(ProcessHandle.of(before).map(h -> !ProcessTree.hasExited(h)).orElse(false), "the retired worker ended");
    }

    @Test
    void aNonDaemonThreadLeftRunningRetiresTheWorker() throws Exception {
        Path leaks = workspace("leaks");
        write(leaks, "src/test/java/t/LeakTest.java", """
                package t;

                class LeakTest {
                    @org.junit.jupiter.api.Test void leavesAThread() throws Exception {
                        java.nio.file.Files.writeString(java.nio.file.Path.of("pid"), Long.toString(ProcessHandle.current().pid()));
                        Thread t = new Thread(() -> {
                            try {
                                Thread.sleep(600_000);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }, "non-daemon-left");
                        t.start();
                    }
                }
                """);
        Path next = workspace("after-leak");
        write(next, "src/test/java/t/NextTest.java", """
                package t;

                class NextTest {
                    @org.junit.jupiter.api.Test void notesThePid() throws Exception {
                        java.nio.file.Files.writeString(java.nio.file.Path.of("pid"), Long.toString(ProcessHandle.current().pid()));
                    }
                }
                """);

        assertEquals(TestOutcome.PASSED, warm.run(request(leaks, List.of())).outcome());
        assertEquals(TestOutcome.PASSED, warm.run(request(next, List.of())).outcome());

        assertNotEquals(Files.readString(leaks.resolve("pid")), Files.readString(next.resolve("pid")));
        assertTrue(output.text().contains("worker replaced: the tests left 1 thread(s) running: non-daemon-left"), output.text());
    }

    @Test
    void aTestAbortedByAnAssumptionIsNoPassInEitherMode() throws Exception {
        Path ws = workspace("assume");
        write(ws, "src/test/java/a/AssumeTest.java", """
                package a;

                import static org.junit.jupiter.api.Assumptions.assumeTrue;

                class AssumeTest {
                    @org.junit.jupiter.api.Test void onlyOnSomeMachines() {
                        assumeTrue(false, "not this machine");
                    }
                }
                """);
        List<String> tests = List.of("src/test/java/a/AssumeTest.java");

        for (TestRunner runner : List.of(perRun, warm)) {
            TestResult result = runner.run(request(ws, tests));
            assertEquals(TestOutcome.NO_TESTS, result.outcome(), runner + ": " + result.detail() + result.outputTail());
            assertEquals(List.of(0, 0, 1), List.of(result.passed(), result.failed(), result.skipped()), runner.toString());
        }
    }

    @Test
    void anAbortedTestsMessageAndPlaceAreTheSameInBothModes() throws Exception {
        // the skipped-by-implementation reason quotes both: a class's aborted @BeforeAll ("parent was skipped: "
        // in the XML report), a message of two lines, an abort inside the code under test, a @Disabled test
        Path ws = workspace("aborts");
        write(ws, "src/main/java/a/Code.java", """
                package a;

                public final class Code {
                    public static int run() {
                        throw new org.opentest4j.TestAbortedException("line one\\nline two");
                    }
                }
                """);
        write(ws, "src/test/java/a/ClassAbortTest.java", """
                package a;

                import static org.junit.jupiter.api.Assumptions.assumeTrue;

                class ClassAbortTest {
                    @org.junit.jupiter.api.BeforeAll static void init() {
                        assumeTrue(false, "no init");
                    }

                    @org.junit.jupiter.api.Test void one() {
                    }
                }
                """);
        write(ws, "src/test/java/a/CodeAbortTest.java", """
                package a;

                class CodeAbortTest {
                    @org.junit.jupiter.api.Test void runs() {
                        Code.run();
                    }

                    @org.junit.jupiter.api.Test void passes() {
                    }

                    @org.junit.jupiter.api.Disabled("later") @org.junit.jupiter.api.Test void later() {
                    }
                }
                """);
        List<String> tests = List.of("src/test/java/a/ClassAbortTest.java", "src/test/java/a/CodeAbortTest.java");

        TestResult fresh = perRun.run(request(ws, tests));
        TestResult reused = warm.run(request(ws, tests));

        List<TestCase> skipped = fresh.cases().stream().filter(c -> c.status() == TestCase.Status.SKIPPED)
                .sorted(java.util.Comparator.comparing(TestCase::name)).map(c -> new TestCase(c.name(), c.status(), c.message(), 0,
                        c.skippedAt())).toList();
        assertEquals(List.of(new TestCase("a.ClassAbortTest.one", TestCase.Status.SKIPPED, "Assumption failed: no init", 0),
                new TestCase("a.CodeAbortTest.later", TestCase.Status.SKIPPED, "", 0),
                new TestCase("a.CodeAbortTest.runs", TestCase.Status.SKIPPED, "line one\nline two", 0, List.of("a/Code.java:5"))),
                skipped, fresh.outputTail());
        assertEquals(skipped, reused.cases().stream().filter(c -> c.status() == TestCase.Status.SKIPPED)
                .sorted(java.util.Comparator.comparing(TestCase::name)).map(c -> new TestCase(c.name(), c.status(), c.message(), 0,
                        c.skippedAt())).toList());
    }

    @Test
    void resourcesAreOnTheClassPathAndRelativePathsResolveInTheWorkspaceInBothModes() throws Exception {
        Path ws = workspace("words");
        write(ws, "data/words.txt", "apple\npear\n");
        write(ws, "src/test/resources/words.properties", "count=2\n");
        write(ws, "src/test/java/w/WordsTest.java", """
                package w;

                import static org.junit.jupiter.api.Assertions.assertEquals;

                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.Properties;
                import org.junit.jupiter.api.Test;

                class WordsTest {
                    @Test void readsTheDataFileByItsRelativePath() throws Exception {
                        assertEquals(2, Files.readAllLines(Path.of("data/words.txt")).size());
                        assertEquals(2, Files.readAllLines(new java.io.File("data/words.txt").toPath()).size());
                    }

                    @Test void loadsTheClassPathResource() throws Exception {
                        Properties p = new Properties();
                        try (var in = WordsTest.class.getResourceAsStream("/words.properties")) {
                            p.load(in);
                        }
                        assertEquals("2", p.getProperty("count"));
                    }

                    @Test void writesARelativeFile() throws Exception {
                        Files.writeString(Path.of("out/written.txt"), "from " + ProcessHandle.current().pid());
                    }
                }
                """);
        Files.createDirectories(ws.resolve("out"));
        List<String> tests = List.of("src/test/java/w/WordsTest.java", "data/words.txt", "src/test/resources/words.properties");

        for (TestRunner runner : List.of(perRun, warm)) {
            Files.deleteIfExists(ws.resolve("out/written.txt"));
            TestResult result = runner.run(request(ws, tests));
            assertEquals(TestOutcome.PASSED, result.outcome(), runner + ": " + result.detail() + result.outputTail());
            assertEquals(3, result.passed(), runner.toString());
            assertTrue(Files.readString(ws.resolve("out/written.txt")).startsWith("from "), "written into the workspace");
            assertTrue(Files.isRegularFile(ws.resolve("data/words.txt")), "the workspace is whole after the run");
        }
        try (var left = Files.list(root)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(".redyellow-warm"))
                    .filter(p -> !isEmpty(p)).toList(), "a worker's folder is empty between runs");
        }
    }

    @Test
    void onlyResourcesSelectedRunsNoTestsInBothModes() throws Exception {
        Path ws = workspace("only-data");
        write(ws, "data/words.txt", "apple\n");
        write(ws, "src/main/java/w/Words.java", "package w;\n\npublic class Words { }\n");

        for (TestRunner runner : List.of(perRun, warm)) {
            TestResult result = runner.run(request(ws, List.of("data/words.txt")));
            assertEquals(TestOutcome.NO_TESTS, result.outcome(), runner + ": " + result.detail());
            assertTrue(result.detail().contains("data/words.txt"), result.detail());
        }
    }

    @Test
    void aTestFileThatDeclaresAnotherClassIsAnErrorNotAFailureInBothModes() throws Exception {
        Path ws = workspace("misnamed");
        write(ws, "src/test/java/m/Renamed.java", """
                package m;

                class MisnamedTest {
                    @org.junit.jupiter.api.Test void passes() { }
                }
                """);

        for (TestRunner runner : List.of(perRun, warm)) {
            TestResult result = runner.run(request(ws, List.of("src/test/java/m/Renamed.java")));
            assertEquals(TestOutcome.ERROR, result.outcome(), runner + ": " + result.detail() + result.outputTail());
            assertTrue(result.detail().contains("no compiled class for the selected test(s) m.Renamed"), result.detail());
        }
    }

    @Test
    void aDiscoveryErrorIsAnErrorNotATestFailureInBothModes() throws Exception {
        Path ws = workspace("discovery");
        write(ws, "src/test/java/d/SetUpTest.java", """
                package d;

                class SetUpTest {
                    @org.junit.jupiter.api.BeforeAll void setUp() { }

                    @org.junit.jupiter.api.Test void passes() { }
                }
                """);

        for (TestRunner runner : List.of(perRun, warm)) {
            TestResult result = runner.run(request(ws, List.of("src/test/java/d/SetUpTest.java")));
            assertEquals(TestOutcome.ERROR, result.outcome(), runner + ": " + result.detail() + result.outputTail());
            assertTrue(result.detail().startsWith("the JUnit Platform could not discover the tests (not a test failure)"),
                    result.detail());
            assertTrue(result.detail().contains("must be static"), result.detail());
        }
    }

    @Test
    void aWorkerEndsWhenItsHostClosesThePipeEvenWhileATestHangs() throws Exception {
        Path ws = workspace("hangs");
        write(ws, "src/test/java/h/HangTest.java", """
                package h;

                class HangTest {
                    @org.junit.jupiter.api.Test void hangs() throws Exception {
                        java.nio.file.Files.writeString(java.nio.file.Path.of("pid.part"), Long.toString(ProcessHandle.current().pid()));
                        java.nio.file.Files.move(java.nio.file.Path.of("pid.part"), java.nio.file.Path.of("pid"));
                        Thread.sleep(600_000);
                    }
                }
                """);
        WarmWorker worker = pool.borrow(128, ws);
        WorkspaceLoan loan = WorkspaceLoan.lend(ws, worker.home());
        AtomicReference<WarmWorker.Exchange> exchange = new AtomicReference<>();
        Thread host = new Thread(() -> {
            try {
                exchange.set(worker.run(new WorkerRequest(worker.home().toString(), List.of("h.HangTest")), output,
                        System.nanoTime() + 300_000_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        host.start();
        Path pid = worker.home().resolve("pid");
        for (int i = 0; i < 1200 && !Files.exists(pid); i++) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(pid), "the test started: " + output.text());

        worker.closeInput();
        host.join(60_000);

        assertTrue(exchange.get() instanceof WarmWorker.Died, String.valueOf(exchange.get()));
        assertFalse(worker.alive(), "the worker ended once its input closed");
        loan.giveBack();
        pool.discard(worker, "test", "crash");
    }

    private static boolean isEmpty(Path folder) {
        try (var entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private Path workspace(String name) throws IOException {
        return Files.createDirectories(root.resolve(name));
    }

    private TestRequest request(Path workspace, List<String> tests) {
        return new TestRequest(workspace, new TestSettings.JUnit(120), tests, output);
    }

    private static void write(Path workspace, String path, String text) throws IOException {
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
