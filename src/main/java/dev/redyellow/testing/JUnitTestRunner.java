package dev.redyellow.testing;

import dev.redyellow.files.Folders;
import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.ProcessResult;
import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.exec.ProcessSpec;
import dev.redyellow.exec.ProcessStartException;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.testing.worker.BaseCompile;
import dev.redyellow.testing.worker.TestJvm;
import dev.redyellow.testing.worker.WorkspaceCompiler;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The built-in {@code junit} test kind: compiles the workspace in process into
 * {@code .redyellow/classes} (only its own sources, against the base's classes compiled once per run,
 * when {@link BaseCompile} finds that safe; else the whole workspace), then runs the selected test
 * classes (all, when none are selected) with the bundled JUnit Platform console launcher in a separate
 * JVM of the same JDK, and reads its XML report. The settings' timeout covers compilation and the test
 * JVM together.
 */
public final class JUnitTestRunner implements TestRunner {

    static final String REPORT = "TEST-junit-jupiter.xml";
    private static final String DISCOVERY_ISSUE = JUnitVerdict.DISCOVERY_ISSUE;
    private static final List<String> RESOURCE_FOLDERS = List.of("src/main/resources", "src/test/resources");
    /** The JUnit console launcher's main class (the standalone jar's Main-Class). */
    private static final String CONSOLE_MAIN = "org.junit.platform.console.ConsoleLauncher";

    private final ProcessRunner processes;
    private final JUnitConsoleJar console;
    private final PhaseTimes.Listener phases;
    // javac's contexts reused across runs where the JVM allows (issue 19); a new file manager per compile otherwise
    private final WorkspaceCompiler compiler = WorkspaceCompiler.forRuns(false);
    private final BaseCompile baseCompile = new BaseCompile();

    public JUnitTestRunner(ProcessRunner processes, JUnitConsoleJar console) {
        this(processes, console, PhaseTimes.Listener.NONE);
    }

    /** @param phases told how long each run compiled and tested */
    public JUnitTestRunner(ProcessRunner processes, JUnitConsoleJar console, PhaseTimes.Listener phases) {
        this.processes = processes;
        this.console = console;
        this.phases = phases;
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
            List<String> selected = selectedClasses(request);
            if (selected.isEmpty() && !request.selectedTests().isEmpty()) {
                return JUnitVerdict.noJavaTests(request.selectedTests(), results);
            }
            Folders.deleteTree(classes);
            Folders.deleteTree(reports);
            mavenBuildFolder(request.workspace());
            Path launcher = console.path();
            long contextsBefore = WorkspaceCompiler.newContextsOnThisThread();
            BaseCompile.Result compiled = baseCompile.compile(compiler, request.workspace(), classes, List.of(launcher),
                    baseOf(request));
            int newContexts = (int) (WorkspaceCompiler.newContextsOnThisThread() - contextsBefore);
            WorkspaceCompiler.Compilation compilation = compiled.compilation();
            say(request.output(), compileLine(compiled));
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while compiling " + request.workspace());
            }
            if (!compilation.succeeded()) {
                phases.ran(PhaseTimes.compiledOnly(millisSince(started), compiled.shared()).withNewContexts(newContexts));
                return JUnitVerdict.compileError(compilation.errors(), request.output(), results);
            }
            if (compilation.sources() == 0) {
                return JUnitVerdict.noSources(results);
            }
            List<Path> classRoots = new ArrayList<>(List.of(classes));
            classRoots.addAll(compiled.afterClasses());
            String missing = WorkspaceCompiler.missingClasses(classRoots, selected);
            if (!missing.isEmpty()) {
                return results.of(TestOutcome.ERROR, TestTally.EMPTY, missing, "");
            }
            long compiledAt = System.nanoTime();
            Duration left = timeout.minusNanos(System.nanoTime() - started);
            if (left.isNegative() || left.isZero()) {
                return results.of(TestOutcome.TIMEOUT, TestTally.EMPTY, timedOut(settings), "");
            }
            List<String> command = command(launcher, request, settings, selected, classes, compiled.afterClasses(), reports);
            ProcessResult process = processes.run(new ProcessSpec(command, request.workspace(), Map.of(), left),
                    request.output());
            phases.ran(new PhaseTimes((compiledAt - started) / 1_000_000, millisSince(compiledAt), true,
                    compiled.shared(), newContexts));
            return outcome(process, reports.resolve(REPORT), settings, results);
        } catch (ProcessStartException e) {
            return results.of(TestOutcome.ERROR, TestTally.EMPTY, e.getMessage(), "");
        } catch (IOException e) {
            return results.of(TestOutcome.ERROR, TestTally.EMPTY, String.valueOf(e.getMessage()), "");
        }
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
        // No test failed but the launcher did: a class or its @BeforeAll failed, or the platform could
        // not run the tests at all (a discovery error: no test reported, or the launcher says so).
        String outsideFailure = process.exitCode() == 0 ? null : "the JUnit launcher failed with exit code "
                + process.exitCode() + " although no test failed; see the output";
        boolean discoveryError = process.exitCode() != 0
                && (tally.cases().isEmpty() || process.outputTail().contains(DISCOVERY_ISSUE));
        String launcherError = discoveryError ? "the JUnit Platform failed before running the tests (a discovery or"
                + " engine error, exit code " + process.exitCode() + "): " + discoveryLine(process.outputTail()) : null;
        return JUnitVerdict.of(tally, outsideFailure, launcherError, results, process.outputTail());
    }

    /** The launcher's first line about the discovery issue, else a pointer to the output. */
    private static String discoveryLine(String output) {
        return output.lines().map(String::strip).map(l -> l.replaceAll("^[\\s\\p{So}│├└─╷╵+|'`\\\\-]+", ""))
                .filter(l -> l.contains("resolution failed") || l.contains(DISCOVERY_ISSUE))
                .findFirst().orElse("see the output");
    }

    private static List<String> command(Path launcher, TestRequest request, TestSettings.JUnit settings,
                                        List<String> selected, Path classes, List<Path> after, Path reports) {
        List<String> classPath = new ArrayList<>(List.of(classes.toString()));
        for (String folder : RESOURCE_FOLDERS) {
            if (Files.isDirectory(request.workspace().resolve(folder))) {
                classPath.add(request.workspace().resolve(folder).toString());
            }
        }
        // the base's shared classes last: no class of the workspace's own has their names (BaseCompile)
        after.forEach(folder -> classPath.add(folder.toString()));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // The heap, stack and JIT a warm worker gives its tests too, so both modes judge alike.
        command.addAll(TestJvm.options(settings.workerHeapMb()));
        // The workspace's classes and resources are the JVM's own class path, as Surefire makes them,
        // not the launcher's --class-path (a loader of its own): a test that asks the system class
        // loader for a resource or class (ClassLoader.getSystemClassLoader()) finds them as under Maven.
        // The launcher scans the directories of that class path.
        classPath.add(0, launcher.toString());
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath), CONSOLE_MAIN, "execute",
                "--disable-banner", "--disable-ansi-colors", "--reports-dir", reports.toString()));
        if (request.selectedTests().isEmpty()) {
            command.add("--scan-class-path");
        }
        for (String className : selected) {
            command.add("--select-class");
            command.add(className);
        }
        return command;
    }

    /**
     * Gives a workspace in Maven's layout (it has {@code src/test/java}) the empty {@code target}
     * folder that every Maven test run has, unless it has one: tests write there and ask about it
     * (Commons IO's FileSystemUtilsTest asks for the free space of "target", FilesUncheckTest
     * creates "target/file.txt"), and without it they failed here and passed under Maven.
     */
    static void mavenBuildFolder(Path workspace) throws IOException {
        Path target = workspace.resolve("target");
        if (Files.isDirectory(workspace.resolve("src/test/java"))
                && !Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(target);
        }
    }

    /**
     * The classes of the selected Java test files, in order. The feature's other test files (data
     * files, {@code src/test/resources}) are resources: on the class path or read by relative path,
     * never handed to the launcher as classes.
     */
    static List<String> selectedClasses(TestRequest request) throws IOException {
        List<String> classes = new ArrayList<>();
        for (String test : request.selectedTests()) {
            Path source = request.workspace().resolve(test);
            if (!Files.isRegularFile(source)) {
                throw new IOException("selected test file not found in the workspace: " + test);
            }
            if (isTestSource(test)) {
                classes.add(JavaClassName.of(source));
            }
        }
        return classes;
    }

    /** A Java source that is not a resource: resource folders may hold .java files as data. */
    private static boolean isTestSource(String test) {
        String path = test.replace('\\', '/');
        return path.endsWith(".java") && RESOURCE_FOLDERS.stream().noneMatch(folder -> path.startsWith(folder + "/"));
    }

    /**
     * The base files of the request for {@link BaseCompile}: none when no test is selected (a scan of
     * the class path then finds the base's tests in the whole compile's one folder).
     */
    static java.util.Optional<BaseCompile.Base> baseOf(TestRequest request) {
        return request.baseFiles().filter(b -> !request.selectedTests().isEmpty()).map(b -> forCompile(b, b.javaSources()));
    }

    /**
     * The engine's base files as the compile that shares classes takes them (its plain types), with the
     * workspace's Java sources as named (empty: the compile walks the folder).
     */
    static BaseCompile.Base forCompile(dev.redyellow.exec.BaseFiles b, java.util.Optional<List<String>> javaSources) {
        return new BaseCompile.Base(b.snapshot(), b.hash(), b.unchanged(), b.dependencyFiles(), javaSources,
                b.dependencyLayers().stream().map(l -> new BaseCompile.Layer(l.files(), l.needs(), l.exact())).toList());
    }

    /**
     * Says how the workspace was compiled: its own sources against the base's classes, or whole and
     * why; and, where this JVM cannot reuse javac's contexts (issue 19), that it compiles slower and why.
     */
    static String compileLine(BaseCompile.Result compiled) {
        String slower = WorkspaceCompiler.contextsNotReused();
        return (compiled.shared()
                ? (compiled.reused() ? "took the classes of " + compiled.ownSources() + " of " + compiled.compilation().sources()
                        + " sources from an earlier compile of the same content" : "compiled " + compiled.ownSources()
                        + " of " + compiled.compilation().sources() + " sources")
                + "; the base's classes were compiled once for the run\n"
                : "compiled all " + compiled.compilation().sources() + " sources (" + compiled.wholeBecause() + ")\n")
                + (slower.isEmpty() ? "" : slower + "\n");
    }

    static void say(OutputSink output, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        output.write(OutputSink.Stream.STDOUT, bytes, 0, bytes.length);
    }

    private static String timedOut(TestSettings.JUnit settings) {
        return "timed out after " + settings.timeoutSeconds() + " s; the test JVM was killed";
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
