package dev.redyellow.testing;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.ProcessResult;
import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.exec.ProcessSpec;
import dev.redyellow.exec.ProcessStartException;
import dev.redyellow.manifest.TestSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The {@code command} test kind: any argv, run in the workspace without a shell, by default on the
 * feature's own tests only ({@link TestArgv}). It passes only when it exits 0 and at least one test
 * ran; the counts come from the JUnit XML reports it wrote (the {@code reports} glob), else from the
 * summary lines of the runner it turned out to be. A non-zero exit is a failure only when a test ran
 * and failed: tests that could not be loaded (a missing module or export) are a compile error, and a
 * non-zero exit without any test run is an error, never a failure.
 */
public final class CommandTestRunner implements TestRunner {

    private final ProcessRunner processes;

    public CommandTestRunner(ProcessRunner processes) {
        this.processes = processes;
    }

    @Override
    public TestResult run(TestRequest request) throws InterruptedException {
        if (!(request.settings() instanceof TestSettings.Command settings)) {
            throw new IllegalArgumentException("not command settings: " + request.settings().describe());
        }
        long started = System.nanoTime();
        Instant startedAt = Instant.now();
        RunResults results = new RunResults(started);
        TestArgv.Resolved argv;
        try {
            argv = argv(settings, request);
        } catch (IllegalArgumentException e) {
            return results.of(TestOutcome.ERROR, TestTally.EMPTY, e.getMessage(), "");
        }
        OutputLines lines = new OutputLines(SummaryParser.forCommand(argv.argv()), new LoadFailures());
        OutputSink output = request.output();
        noteOwnTests(output, argv);
        OutputSink both = (stream, bytes, offset, length) -> {
            lines.write(stream, bytes, offset, length);
            output.write(stream, bytes, offset, length);
        };
        Duration timeout = settings.timeoutSeconds() > 0 ? Duration.ofSeconds(settings.timeoutSeconds()) : null;
        ProcessResult process;
        try (PytestSkips skips = PytestSkips.forRun(argv.argv())) {
            try {
                process = processes.run(new ProcessSpec(argv.argv(), request.workspace(),
                        skips.env(argv.env(settings.env(), System.getenv()), System.getenv()), timeout), both);
            } catch (ProcessStartException e) {
                return results.of(TestOutcome.ERROR, TestTally.EMPTY, e.getMessage(), "");
            }
            lines.finish();
            if (process.timedOut()) {
                return results.of(TestOutcome.TIMEOUT, TestTally.EMPTY, "timed out after " + settings.timeoutSeconds()
                        + " s; the process tree was killed", process.outputTail());
            }
            return CommandVerdict.of(process.exitCode(), process.outputTail(), request.workspace(), settings.reports(),
                    startedAt, lines, skips.read(), results);
        }
    }

    /**
     * The argv that runs the request's tests ({@link TestArgv}); a pytest that cannot load RedYellow's plugin
     * ({@link PytestSkips#ignoresEnvironment}) is asked for where tests were skipped
     * ({@link TestArgv#withSkipReport}). Throws when it cannot be made.
     */
    static TestArgv.Resolved argv(TestSettings.Command settings, TestRequest request) {
        TestArgv.Resolved resolved = TestArgv.resolve(settings.command(), request.selectedTests(), request.featureId(),
                settings.rerunDependencyTests(), request.workspace());
        if (!PytestSkips.ignoresEnvironment(resolved.argv())) {
            return resolved;
        }
        List<String> reporting = TestArgv.withSkipReport(resolved.argv());
        return reporting == resolved.argv() ? resolved
                : new TestArgv.Resolved(reporting, resolved.addedFor(), resolved.importRoot());
    }

    /** Says in the run's output when only the feature's own tests were added to the argv. */
    static void noteOwnTests(OutputSink output, TestArgv.Resolved argv) {
        argv.addedFor().ifPresent(runner -> note(output, "[redyellow] the feature's own tests only (" + runner.label()
                + "): " + String.join(" ", argv.argv()) + "\n"));
    }

    static void note(OutputSink output, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        output.write(OutputSink.Stream.STDOUT, bytes, 0, bytes.length);
    }
}
