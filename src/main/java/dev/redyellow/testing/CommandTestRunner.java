package dev.redyellow.testing;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.ProcessResult;
import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.exec.ProcessSpec;
import dev.redyellow.exec.ProcessStartException;
import dev.redyellow.manifest.TestSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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
            argv = TestArgv.resolve(settings.command(), request.selectedTests(), request.featureId(),
                    settings.rerunDependencyTests(), request.workspace());
        } catch (IllegalArgumentException e) {
            return results.of(TestOutcome.ERROR, TestTally.EMPTY, e.getMessage(), "");
        }
        OutputLines lines = new OutputLines(SummaryParser.all(), new LoadFailures());
        OutputSink output = request.output();
        argv.addedFor().ifPresent(runner -> note(output, "[redyellow] the feature's own tests only (" + runner.label()
                + "): " + String.join(" ", argv.argv()) + "\n"));
        OutputSink both = (stream, bytes, offset, length) -> {
            lines.write(stream, bytes, offset, length);
            output.write(stream, bytes, offset, length);
        };
        Duration timeout = settings.timeoutSeconds() > 0 ? Duration.ofSeconds(settings.timeoutSeconds()) : null;
        ProcessResult process;
        try {
            process = processes.run(new ProcessSpec(argv.argv(), request.workspace(),
                    argv.env(settings.env(), System.getenv()), timeout), both);
        } catch (ProcessStartException e) {
            return results.of(TestOutcome.ERROR, TestTally.EMPTY, e.getMessage(), "");
        }
        lines.finish();
        if (process.timedOut()) {
            return results.of(TestOutcome.TIMEOUT, TestTally.EMPTY, "timed out after " + settings.timeoutSeconds()
                    + " s; the process tree was killed", process.outputTail());
        }
        Optional<Counted> counted;
        try {
            counted = fromReports(request.workspace(), settings.reports(), startedAt).or(() -> fromSummary(lines));
        } catch (IOException e) {
            return results.of(TestOutcome.ERROR, TestTally.EMPTY, e.getMessage(), process.outputTail());
        }
        return outcome(process, counted, lines.loadFailures(), results);
    }

    private static void note(OutputSink output, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        output.write(OutputSink.Stream.STDOUT, bytes, 0, bytes.length);
    }

    private static TestResult outcome(ProcessResult process, Optional<Counted> counted, LoadFailures loadFailures,
                                      RunResults results) {
        TestTally tally = counted.map(Counted::tally).orElse(TestTally.EMPTY);
        String source = counted.map(c -> " (counts from " + c.source() + ")").orElse("");
        if (process.exitCode() != 0 && loadFailures.seen()) {
            // Python counts a module it could not import as "1 error", node --test a file it could not
            // load as a failed test: these are load failures, the counterpart of javac's errors, and the
            // detail keeps the lines that name what is missing, verbatim.
            String detail = loadFailures.detail();
            return results.of(TestOutcome.COMPILE_ERROR, tally, detail.isEmpty()
                    ? "exited " + process.exitCode() + ": the tests could not be loaded" + source : detail,
                    process.outputTail());
        }
        if (process.exitCode() != 0 && tally.executed() == 0) {
            // Not a failure: no test ran, so nothing failed (and no RED is proved by a crash).
            return results.of(TestOutcome.ERROR, tally, "exited " + process.exitCode() + " having run no test"
                    + (source.isEmpty() ? " (no test report and no recognisable test summary in the output)" : source),
                    process.outputTail());
        }
        if (process.exitCode() != 0) {
            String detail = "exit code " + process.exitCode() + source;
            if (tally.failed() > 0) {
                detail += ": " + tally.failed() + " of " + tally.executed() + " tests failed";
            }
            return results.of(TestOutcome.FAILED, tally, detail, process.outputTail());
        }
        if (counted.isEmpty()) {
            return results.of(TestOutcome.NO_TESTS, tally,
                    "exit code 0, but no test report and no recognisable test summary in the output", process.outputTail());
        }
        if (tally.failed() > 0) {
            return results.of(TestOutcome.FAILED, tally, "exit code 0, but " + tally.failed() + " tests failed" + source,
                    process.outputTail());
        }
        if (tally.executed() == 0) {
            return results.of(TestOutcome.NO_TESTS, tally, "no test executed" + source, process.outputTail());
        }
        return results.of(TestOutcome.PASSED, tally, "", process.outputTail());
    }

    private static Optional<Counted> fromSummary(OutputLines lines) {
        return lines.summary().map(s -> new Counted(s.runner() + " summary", s.tally()));
    }

    /**
     * Every report matching the glob that this run wrote: reports older than the run are left-overs
     * (copied in with the project, or from an earlier run) and would count tests that did not run now.
     */
    private static Optional<Counted> fromReports(Path workspace, String glob, Instant startedAt) throws IOException {
        if (glob == null || glob.isBlank()) {
            return Optional.empty();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        // File times come from a coarse kernel clock that may lag ours by a few milliseconds.
        FileTime notBefore = FileTime.from(startedAt.minusMillis(100));
        List<Path> reports;
        try (Stream<Path> files = Files.walk(workspace)) {
            reports = files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) // never read through a link
                    .filter(p -> matcher.matches(workspace.relativize(p)))
                    .filter(p -> modified(p).compareTo(notBefore) >= 0)
                    .sorted()
                    .toList();
        }
        if (reports.isEmpty()) {
            return Optional.empty();
        }
        TestTally tally = TestTally.EMPTY;
        for (Path report : reports) {
            tally = tally.plus(JUnitXmlReport.read(report));
        }
        return Optional.of(new Counted(reports.size() + " JUnit XML report(s)", tally));
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private record Counted(String source, TestTally tally) {
    }
}
