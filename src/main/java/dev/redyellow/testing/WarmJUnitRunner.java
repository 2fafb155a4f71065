package dev.redyellow.testing;

import dev.redyellow.files.Folders;
import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.ProcessOutputTail;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.testing.worker.BaseCompile;
import dev.redyellow.testing.worker.ReplyCase;
import dev.redyellow.testing.worker.WorkerReply;
import dev.redyellow.testing.worker.WorkerRequest;
import dev.redyellow.testing.worker.WorkspaceCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code junit} kind in warm mode: each run's workspace is compiled in this JVM (as in the
 * per-run mode, with the base's classes shared when {@link BaseCompile} finds that safe) and goes to a worker JVM of the pool, which runs its tests in a fresh class loader
 * and answers with every test's result.
 * Judged like the per-run mode ({@link JUnitVerdict}), with the same test names. The workspace's
 * content is moved into the worker's working directory for the run ({@link WorkspaceLoan}), so
 * relative paths work as in a JVM started in the workspace. The settings' timeout covers
 * compilation and tests, not the start of a new worker.
 */
public final class WarmJUnitRunner implements TestRunner, AutoCloseable {

    private static final int TAIL_BYTES = 64 * 1024;

    private final WarmWorkerPool pool;
    private final PhaseTimes.Listener phases;
    private final BaseCompile baseCompile = new BaseCompile();

    public WarmJUnitRunner(WarmWorkerPool pool, PhaseTimes.Listener phases) {
        this.pool = pool;
        this.phases = phases;
    }

    public WarmJUnitRunner(WarmWorkerPool pool) {
        this(pool, PhaseTimes.Listener.NONE);
    }

    public WarmWorkerPool pool() {
        return pool;
    }

    @Override
    public TestResult run(TestRequest request) throws InterruptedException {
        if (!(request.settings() instanceof TestSettings.JUnit settings)) {
            throw new IllegalArgumentException("not junit settings: " + request.settings().describe());
        }
        RunResults results = new RunResults(System.nanoTime());
        ProcessOutputTail tail = new ProcessOutputTail(TAIL_BYTES);
        OutputSink output = (stream, bytes, offset, length) -> {
            tail.append(bytes, offset, length);
            request.output().write(stream, bytes, offset, length);
        };
        List<String> selected;
        try {
            selected = JUnitTestRunner.selectedClasses(request);
            JUnitTestRunner.mavenBuildFolder(request.workspace());
        } catch (IOException e) {
            return results.of(TestOutcome.ERROR, TestTally.EMPTY, String.valueOf(e.getMessage()), "");
        }
        if (selected.isEmpty() && !request.selectedTests().isEmpty()) {
            return JUnitVerdict.noJavaTests(request.selectedTests(), results);
        }
        WarmWorker worker;
        try {
            worker = pool.borrow(settings.workerHeapMb(), request.workspace());
        } catch (IOException e) {
            return results.of(TestOutcome.ERROR, TestTally.EMPTY, String.valueOf(e.getMessage()), "");
        }
        WorkspaceLoan loan;
        try {
            loan = WorkspaceLoan.lend(request.workspace(), worker.home());
        } catch (IOException e) {
            pool.discard(worker, "its folder could not take the workspace", "crash");
            return results.of(TestOutcome.ERROR, TestTally.EMPTY, String.valueOf(e.getMessage()), "");
        }
        long deadline = System.nanoTime() + settings.timeoutSeconds() * 1_000_000_000L;
        // Compiled here, in the host: javac is then made fast by one JIT, the host's, instead of
        // by each worker's, and the worker's JIT works for the tests alone.
        long compileStarted = System.nanoTime();
        long contextsBefore = WorkspaceCompiler.newContextsOnThisThread();
        Path home = worker.home();
        WorkspaceCompiler.Compilation compilation;
        BaseCompile.Result compiled;
        try {
            Path classes = home.resolve(WorkspaceCompiler.OWN_FOLDER).resolve("classes");
            Folders.deleteTree(classes);
            compiled = baseCompile.compile(worker.compiler(), home, classes, List.of(pool.consoleJar()),
                    JUnitTestRunner.baseOf(request));
            compilation = compiled.compilation();
        } catch (IOException | RuntimeException e) {
            pool.giveBack(worker, loan.giveBack(), settings.runsPerWorker());
            return results.of(TestOutcome.ERROR, TestTally.EMPTY, "could not compile the workspace: " + e, "");
        }
        long compileMillis = (System.nanoTime() - compileStarted) / 1_000_000;
        int newContexts = (int) (WorkspaceCompiler.newContextsOnThisThread() - contextsBefore);
        JUnitTestRunner.say(output, JUnitTestRunner.compileLine(compiled));
        if (Thread.interrupted()) {
            pool.giveBack(worker, loan.giveBack(), settings.runsPerWorker());
            throw new InterruptedException("interrupted while compiling " + request.workspace());
        }
        if (!compilation.succeeded() || compilation.sources() == 0 || System.nanoTime() >= deadline) {
            pool.giveBack(worker, loan.giveBack(), settings.runsPerWorker());
            phases.ran(PhaseTimes.compiledOnly(compileMillis, compiled.shared()).withNewContexts(newContexts));
            if (!compilation.succeeded()) {
                return JUnitVerdict.compileError(compilation.errors(), output, results);
            }
            return compilation.sources() == 0 ? JUnitVerdict.noSources(results)
                    : results.of(TestOutcome.TIMEOUT, TestTally.EMPTY, "timed out after " + settings.timeoutSeconds()
                    + " s while compiling", "");
        }
        // The worker tests the workspace in its own folder, its working directory.
        WorkerRequest workerRequest = new WorkerRequest(home.toAbsolutePath().toString(), selected, true,
                compiled.afterClasses().stream().map(p -> p.toAbsolutePath().toString()).toList());
        WarmWorker.Exchange exchange;
        try {
            exchange = worker.run(workerRequest, output, deadline);
        } catch (InterruptedException e) {
            loan.giveBack();
            pool.discard(worker, "the run was cancelled", "cancelled");
            throw e;
        }
        String notEmpty = loan.giveBack();
        if (exchange instanceof WarmWorker.TimedOut) {
            pool.discard(worker, "timed out", "timeout");
            return results.of(TestOutcome.TIMEOUT, TestTally.EMPTY, "timed out after " + settings.timeoutSeconds()
                    + " s; the test worker JVM was killed and will be replaced", tail.toString());
        }
        if (exchange instanceof WarmWorker.Died died) {
            pool.discard(worker, died.reason(), died.reason().startsWith("test called System.exit") ? "exit" : "crash");
            return results.of(TestOutcome.ERROR, TestTally.EMPTY, died.reason(), tail.toString());
        }
        WorkerReply tested = ((WarmWorker.Replied) exchange).reply();
        pool.giveBack(worker, tested.recycle().isEmpty() ? notEmpty : tested.recycle(), settings.runsPerWorker());
        WorkerReply reply = new WorkerReply(compilation.sources(), List.of(), compileMillis, tested.testMillis(),
                tested.cases(), tested.containerFailed(), tested.problem(), tested.recycle(), tested.restored());
        phases.ran(new PhaseTimes(compileMillis, reply.testMillis(), true, compiled.shared(), newContexts));
        return verdict(reply, worker, output, results, tail);
    }

    private static TestResult verdict(WorkerReply reply, WarmWorker worker, OutputSink output, RunResults results,
                                      ProcessOutputTail tail) {
        if (!reply.compileErrors().isEmpty()) {
            return JUnitVerdict.compileError(reply.compileErrors(), output, results);
        }
        if (reply.sources() == 0) {
            return JUnitVerdict.noSources(results);
        }
        TestTally tally = tally(reply.cases());
        say(output, "warm test worker " + worker.id() + " (run " + worker.runs() + "): " + tally.passed()
                + " tests successful, " + tally.failed() + " failed, " + tally.skipped() + " skipped; compiled in "
                + reply.compileMillis() + " ms, tested in " + reply.testMillis() + " ms"
                + (reply.restored().isEmpty() ? "" : "; put back what the tests changed: " + String.join(", ", reply.restored()))
                + (reply.recycle().isEmpty() ? "" : "; worker replaced: " + reply.recycle()) + "\n");
        if (!reply.problem().isEmpty()) {
            return results.of(TestOutcome.ERROR, tally, reply.problem(), tail.toString());
        }
        String outsideFailure = reply.containerFailed()
                ? "a test class failed outside any test although no test failed; see the output" : null;
        // As in the per-run mode: a failure outside any test with no test to show for it means the
        // platform could not run the tests.
        String launcherError = reply.containerFailed() && reply.cases().isEmpty()
                ? "the JUnit Platform failed before any test ran; see the output" : null;
        return JUnitVerdict.of(tally, outsideFailure, launcherError, results, tail.toString());
    }

    /** The worker's cases, named as the JUnit XML report names them in the per-run mode. */
    static TestTally tally(List<ReplyCase> replies) {
        List<TestCase> cases = new ArrayList<>();
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        for (ReplyCase reply : replies) {
            String name = JUnitXmlReport.name(reply.className(), reply.legacyName());
            switch (reply.status()) {
                case PASSED -> {
                    passed++;
                    cases.add(new TestCase(name, TestCase.Status.PASSED, "", reply.durationMillis()));
                }
                case FAILED -> {
                    failed++;
                    cases.add(new TestCase(name, TestCase.Status.FAILED, FailureNames.bounded(reply.message()),
                            reply.durationMillis()));
                }
                case SKIPPED -> {
                    skipped++;
                    cases.add(new TestCase(name, TestCase.Status.SKIPPED, reply.message(), reply.durationMillis(),
                            reply.skippedAt()));
                }
            }
        }
        return new TestTally(passed, failed, skipped, cases);
    }

    private static void say(OutputSink output, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        output.write(OutputSink.Stream.STDOUT, bytes, 0, bytes.length);
    }

    @Override
    public void close() {
        pool.close();
    }
}
