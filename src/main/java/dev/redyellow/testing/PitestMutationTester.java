package dev.redyellow.testing;

import dev.redyellow.files.Folders;
import dev.redyellow.exec.ProcessResult;
import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.exec.ProcessSpec;
import dev.redyellow.exec.ProcessStartException;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.testing.worker.TestJvm;
import dev.redyellow.testing.worker.BaseCompile;
import dev.redyellow.testing.worker.WorkspaceCompiler;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mutation testing for the junit kind with PIT: compiles the workspace as {@link JUnitTestRunner}
 * does, then runs PIT's command line in a JVM of its own with the workspace's classes, the bundled
 * JUnit Platform and PIT's jars on the class path. Only the classes of the feature's own files are
 * mutated and only its own test classes run (PIT picks, per mutant, the tests that cover it); each
 * mutant runs in PIT's minion JVMs with the heap and stack a test JVM gets, and one that makes the
 * tests run past PIT's time-out (a loop for ever) counts as killed. A class with more mutants than
 * the manifest's {@code maxMutantsPerClass} is measured on PIT's evenly spread sample of them
 * (CLASSLIMIT), and the result says so.
 */
public final class PitestMutationTester implements MutationTester {

    static final String MAIN_CLASS = "org.pitest.mutationtest.commandline.MutationCoverageReport";
    private static final List<String> RESOURCE_FOLDERS = List.of("src/main/resources", "src/test/resources");
    /** PIT's own JVM holds the class path's bytecode and the coverage; the tests run in minions. */
    private static final int PIT_HEAP_MB = 512;
    /**
     * Minion JVMs per measurement. One feature's measurement is often the last thing a run waits for
     * (the largest class has the most mutants, bench mutation), so it may use every core; when several
     * run at once the cores are shared, which costs little more than running them one by one.
     */

    private final ProcessRunner processes;
    private final JUnitConsoleJar console;
    private final PitestJars pitest;
    private final WorkspaceCompiler compiler = new WorkspaceCompiler();
    private final BaseCompile baseCompile = new BaseCompile();
    private final int threads;

    /** @param threads PIT's minion threads (one JVM each) per feature measured */
    public PitestMutationTester(ProcessRunner processes, JUnitConsoleJar console, PitestJars pitest, int threads) {
        this.processes = processes;
        this.console = console;
        this.pitest = pitest;
        this.threads = threads;
    }

    public PitestMutationTester(ProcessRunner processes, JUnitConsoleJar console, PitestJars pitest) {
        this(processes, console, pitest, threadsFor(Runtime.getRuntime().availableProcessors(), 1));
    }

    /**
     * PIT's minion threads for a run with {@code workers} features measured at once: the cores each
     * worker has, 1 to 4. Each thread is a JVM of its own; with more JVMs than cores they only wait for
     * each other, and on the 2-core machine 3 workers with 2 threads each made 6 minions on 2 cores.
     */
    static int threadsFor(int cores, int workers) {
        return Math.max(1, Math.min(4, cores / Math.max(1, workers)));
    }

    @Override
    public MutationResult measure(MutationRequest request) throws InterruptedException {
        if (!(request.test() instanceof TestSettings.JUnit settings)) {
            throw new IllegalArgumentException("not junit settings: " + request.test().describe());
        }
        long started = System.nanoTime();
        Path own = request.workspace().resolve(WorkspaceCompiler.OWN_FOLDER);
        Path classes = own.resolve("classes");
        Path reports = own.resolve("pitest");
        try {
            List<String> targets = targetClasses(request);
            if (targets.isEmpty()) {
                return MutationResult.notMeasured("the feature's files hold no Java source to mutate");
            }
            List<String> tests = JUnitTestRunner.selectedClasses(new TestRequest(request.workspace(), settings,
                    request.tests(), request.output(), request.featureId()));
            if (tests.isEmpty()) {
                return MutationResult.notMeasured("the feature has no Java test class to run against mutants");
            }
            Folders.deleteTree(classes);
            Folders.deleteTree(reports);
            JUnitTestRunner.mavenBuildFolder(request.workspace());
            Path launcher = console.path();
            // the base's and dependencies' classes that the test runs compiled serve here too (BaseCompile)
            BaseCompile.Result compiled = baseCompile.compile(compiler, request.workspace(), classes, List.of(launcher),
                    request.base());
            WorkspaceCompiler.Compilation compilation = compiled.compilation();
            if (!compilation.succeeded()) {
                return MutationResult.error("the workspace does not compile: "
                        + String.join("\n", compilation.errors()), millisSince(started));
            }
            JUnitTestRunner.say(request.output(), JUnitTestRunner.compileLine(compiled));
            List<String> command = command(request, settings, launcher, classes, compiled.afterClasses(), reports,
                    targets, tests);
            ProcessResult process = processes.run(new ProcessSpec(command, request.workspace(), Map.of(),
                    Duration.ofSeconds(request.mutation().timeoutSeconds())), request.output());
            if (process.timedOut()) {
                return MutationResult.error("PIT took longer than " + request.mutation().timeoutSeconds()
                        + " s and was killed", millisSince(started));
            }
            Path report = reports.resolve("mutations.xml");
            if (process.exitCode() == 0 && !Files.isRegularFile(report)) {
                // PIT ends well and writes no report when it finds nothing to mutate (an exception
                // class, a constructor that only calls super): there is no mutant the tests could miss. With
                // a cap, PIT may also have sampled mutants its later filters dropped: say it was capped.
                return MutationResult.measured(0, 0, List.of(), millisSince(started))
                        .capped(request.mutation().maxMutantsPerClass());
            }
            if (process.exitCode() != 0 || !Files.isRegularFile(report)) {
                return MutationResult.error("PIT failed with exit code " + process.exitCode() + ": "
                        + lastLines(process.outputTail()), millisSince(started));
            }
            return PitMutationsXml.read(report, millisSince(started), request.mutation().maxMutantsPerClass());
        } catch (ProcessStartException e) {
            return MutationResult.error(e.getMessage(), millisSince(started));
        } catch (IOException e) {
            return MutationResult.error(String.valueOf(e.getMessage()), millisSince(started));
        }
    }

    /** The feature's own classes, each with its nested classes ({@code Outer$*}). */
    static List<String> targetClasses(MutationRequest request) throws IOException {
        List<String> targets = new ArrayList<>();
        for (String path : request.code()) {
            String slashed = path.replace('\\', '/');
            Path source = request.workspace().resolve(path);
            if (slashed.endsWith(".java") && Files.isRegularFile(source)
                    && RESOURCE_FOLDERS.stream().noneMatch(f -> slashed.startsWith(f + "/"))) {
                String name = JavaClassName.of(source);
                targets.add(name);
                targets.add(name + "$*");
            }
        }
        return targets;
    }

    private List<String> command(MutationRequest request, TestSettings.JUnit settings, Path launcher, Path classes,
                                 List<Path> afterClasses, Path reports, List<String> targets, List<String> tests)
            throws IOException {
        List<String> classPath = new ArrayList<>();
        pitest.paths().forEach(p -> classPath.add(p.toString()));
        classPath.add(launcher.toString());
        classPath.add(classes.toString());
        afterClasses.forEach(p -> classPath.add(p.toString())); // no class of the workspace's own has their names
        for (String folder : RESOURCE_FOLDERS) {
            if (Files.isDirectory(request.workspace().resolve(folder))) {
                classPath.add(request.workspace().resolve(folder).toString());
            }
        }
        // PIT's own JVM plans and hands out mutants: C1 and the serial collector start it faster, and
        // its minions, which run the tests, keep the test JVM's options (below).
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + PIT_HEAP_MB + "m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", String.join(File.pathSeparator, classPath), MAIN_CLASS,
                "--threads", Integer.toString(threads),
                // the heap, stack and GC a test JVM gets, so a mutant is judged as the tests were
                "--jvmArgs", String.join(",", TestJvm.options(settings.workerHeapMb()))));
        command.addAll(options(request, request.workspace(), reports, targets, tests));
        return command;
    }

    /**
     * PIT's options that decide which mutants are made, the same whether PIT runs them in its own JVMs
     * or only makes them for the warm workers ({@link WarmMutationTester}).
     *
     * @param workspace where the workspace's files are now (a warm worker's folder while lent to it)
     */
    static List<String> options(MutationRequest request, Path workspace, Path reports, List<String> targets,
                                List<String> tests) {
        // every class folder is searched for the classes to mutate: a feature's file unchanged from the
        // base or a GREEN dependency has its classes in the base's folders, not the workspace's own
        List<String> options = new ArrayList<>(List.of(
                "--reportDir", reports.toString(),
                "--targetClasses", String.join(",", targets),
                "--targetTests", String.join(",", tests),
                "--outputFormats", "XML",
                "--timestampedReports=false",
                "--failWhenNoMutations=false",
                "--verbosity", "QUIET_WITH_PROGRESS"));
        if (request.mutation().maxMutantsPerClass() > 0) {
            // an evenly spread sample of a large class's mutants: the wall of a run is set by its largest class
            options.add("--features=+CLASSLIMIT(limit[" + request.mutation().maxMutantsPerClass() + "])");
        }
        // PIT requires source folders (it reads them only for its HTML report, which is not written)
        Path sources = workspace.resolve("src/main/java");
        options.addAll(List.of("--sourceDirs", (Files.isDirectory(sources) ? sources : workspace).toString()));
        return options;
    }

    private static String lastLines(String output) {
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
