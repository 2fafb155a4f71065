package dev.redyellow.testing;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.ProcessResult;
import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.exec.ProcessSpec;
import dev.redyellow.exec.ProcessStartException;
import dev.redyellow.manifest.TestSettings;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The built-in {@code junit} test kind: compiles the whole workspace in process into
 * {@code .redyellow/classes}, then runs the selected test classes (all, when none are selected) with
 * the bundled JUnit Platform console launcher in a separate JVM of the same JDK, and reads its XML
 * report. The settings' timeout covers compilation and the test JVM together.
 */
public final class JUnitTestRunner implements TestRunner {

    static final String REPORT = "TEST-junit-jupiter.xml";
    private static final List<String> RESOURCE_FOLDERS = List.of("src/main/resources", "src/test/resources");

    private final ProcessRunner processes;
    private final JUnitConsoleJar console;
    private final WorkspaceCompiler compiler = new WorkspaceCompiler();

    public JUnitTestRunner(ProcessRunner processes, JUnitConsoleJar console) {
        this.processes = processes;
        this.console = console;
    }

    @Override
    public TestResult run(TestRequest request) throws InterruptedException {
        if (!(request.settings() instanceof TestSettings.JUnit settings)) {
            throw new IllegalArgumentException("not junit settings: " + request.settings().describe());
        }
        long started = System.nanoTime();
        Duration timeout = Duration.ofSeconds(settings.timeoutSeconds());
        Path own = request.workspace().resolve(WorkspaceCompiler.OWN_FOLDER);
        Path classes = own.resolve("classes");
        Path reports = own.resolve("reports");
        RunResults results = new RunResults(started);
        try {
            deleteTree(classes);
            deleteTree(reports);
            Path launcher = console.path();
            WorkspaceCompiler.Compilation compilation = compiler.compile(request.workspace(), classes, List.of(launcher));
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while compiling " + request.workspace());
            }
            if (!compilation.succeeded()) {
                return compileError(compilation, request.output(), results);
            }
            if (compilation.sources() == 0) {
                return results.of(TestOutcome.NO_TESTS, TestTally.EMPTY, "no Java sources in the workspace", "");
            }
            Duration left = timeout.minusNanos(System.nanoTime() - started);
            if (left.isNegative() || left.isZero()) {
                return results.of(TestOutcome.TIMEOUT, TestTally.EMPTY, timedOut(settings), "");
            }
            List<String> command = command(launcher, request, classes, reports);
            ProcessResult process = processes.run(new ProcessSpec(command, request.workspace(), Map.of(), left),
                    request.output());
            return outcome(process, reports.resolve(REPORT), settings, results);
        } catch (ProcessStartException e) {
            return results.of(TestOutcome.ERROR, TestTally.EMPTY, e.getMessage(), "");
        } catch (IOException e) {
            return results.of(TestOutcome.ERROR, TestTally.EMPTY, String.valueOf(e.getMessage()), "");
        }
    }

    private static TestResult compileError(WorkspaceCompiler.Compilation compilation, OutputSink output,
                                           RunResults results) {
        String diagnostics = String.join("\n", compilation.errors());
        byte[] bytes = ("compilation failed:\n" + diagnostics + "\n").getBytes(StandardCharsets.UTF_8);
        output.write(OutputSink.Stream.STDERR, bytes, 0, bytes.length);
        return results.of(TestOutcome.COMPILE_ERROR, TestTally.EMPTY, diagnostics, diagnostics);
    }

    private static TestResult outcome(ProcessResult process, Path report, TestSettings.JUnit settings,
                                      RunResults results) throws IOException {
        if (process.timedOut()) {
            return results.of(TestOutcome.TIMEOUT, TestTally.EMPTY, timedOut(settings), process.outputTail());
        }
        if (!Files.isRegularFile(report)) {
            return results.of(TestOutcome.ERROR, TestTally.EMPTY,
                    "the JUnit launcher wrote no report (exit code " + process.exitCode() + ")", process.outputTail());
        }
        TestTally tally = JUnitXmlReport.read(report);
        if (tally.failed() > 0) {
            return results.of(TestOutcome.FAILED, tally, failedTests(tally), process.outputTail());
        }
        if (process.exitCode() != 0) {
            // No test failed but the launcher did: a class or its @BeforeAll failed, or a selector found nothing.
            return results.of(TestOutcome.FAILED, tally, "the JUnit launcher failed with exit code "
                    + process.exitCode() + " although no test failed; see the output", process.outputTail());
        }
        if (tally.executed() == 0) {
            return results.of(TestOutcome.NO_TESTS, tally, "no test executed", process.outputTail());
        }
        return results.of(TestOutcome.PASSED, tally, "", process.outputTail());
    }

    private static List<String> command(Path launcher, TestRequest request, Path classes, Path reports)
            throws IOException {
        List<String> classPath = new ArrayList<>(List.of(classes.toString()));
        for (String folder : RESOURCE_FOLDERS) {
            if (Files.isDirectory(request.workspace().resolve(folder))) {
                classPath.add(request.workspace().resolve(folder).toString());
            }
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
                "-jar", launcher.toString(), "execute", "--disable-banner", "--disable-ansi-colors",
                "--class-path", String.join(File.pathSeparator, classPath),
                "--reports-dir", reports.toString()));
        if (request.selectedTests().isEmpty()) {
            command.add("--scan-class-path");
        }
        for (String test : request.selectedTests()) {
            Path source = request.workspace().resolve(test);
            if (!Files.isRegularFile(source)) {
                throw new IOException("selected test file not found in the workspace: " + test);
            }
            command.add("--select-class");
            command.add(JavaClassName.of(source));
        }
        return command;
    }

    private static String failedTests(TestTally tally) {
        StringBuilder detail = new StringBuilder(tally.failed() + " of " + tally.executed() + " tests failed");
        tally.cases().stream().filter(c -> c.status() == TestCase.Status.FAILED).limit(20)
                .forEach(c -> detail.append("\n").append(c.name()).append(": ").append(c.message()));
        return detail.toString();
    }

    private static String timedOut(TestSettings.JUnit settings) {
        return "timed out after " + settings.timeoutSeconds() + " s; the test JVM was killed";
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
