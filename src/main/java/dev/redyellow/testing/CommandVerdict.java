package dev.redyellow.testing;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How the {@code command} kind judges a run that ended by itself, whether it ran as a process of its
 * own ({@link CommandTestRunner}) or in a warm server ({@link WarmScriptRunner}): the exit code, the
 * JUnit XML reports the run wrote (the {@code reports} glob), else the summary lines of the runner it
 * turned out to be, and the load failures in its output.
 */
final class CommandVerdict {

    private CommandVerdict() {
    }

    /**
     * @param lines     the run's output, read as it came and finished
     * @param startedAt when the run started: reports older than that are left-overs
     * @param plugin    what RedYellow's pytest plugin said ({@link PytestSkips}): its skipped cases stand for those of
     *                  the reports or the summary
     */
    static TestResult of(int exitCode, String outputTail, Path workspace, String reportsGlob, Instant startedAt,
                         OutputLines lines, PytestSkips.Report plugin, RunResults results) {
        Optional<Counted> counted;
        try {
            counted = fromReports(workspace, reportsGlob, startedAt).or(() -> fromSummary(lines));
        } catch (IOException e) {
            return results.of(TestOutcome.ERROR, TestTally.EMPTY, e.getMessage(), outputTail);
        }
        if (plugin.skips().isPresent()) {
            List<TestCase> skips = plugin.skips().get();
            counted = counted.map(c -> new Counted(c.source(), withSkips(c.tally(), skips)));
        }
        TestResult result = outcome(exitCode, outputTail, counted, lines.loadFailures(), results);
        // without the plugin (python -I or -E), pytest's own banner says that its session was stopped
        // (only where pytest's own summary was read: another program's output may hold such a line)
        boolean pytest = lines.summary().map(s -> s.runner().equals("pytest")).orElse(false);
        Optional<String> stopped = plugin.stopped().or(() -> plugin.expected() || !pytest ? Optional.empty() : lines.stopped());
        return exitCode == 0 ? unproven(result, plugin, stopped, outputTail, results) : result;
    }

    /**
     * A run that ended well but cannot be trusted as a pass: pytest was stopped before its tests ended
     * ({@code pytest.exit(returncode=0)} from the code under test leaves the rest unrun; the plugin says so, or
     * pytest's own banner where the plugin could not load, under {@code python -I}), or its skipped tests
     * cannot be told from skips by the implementation, because the plugin that says where they came from and
     * whether the session was stopped was loaded but wrote nothing (turned off by
     * {@code -p no:redyellow_pytest_skips} in a configuration file).
     * Failed, with no failed test, as a failure outside the tests is: it proves no RED, and an attempt that caused
     * it is tried again.
     */
    private static TestResult unproven(TestResult result, PytestSkips.Report plugin, Optional<String> stopped,
                                       String outputTail, RunResults results) {
        TestTally tally = new TestTally(result.passed(), result.failed(), result.skipped(), result.cases());
        if (stopped.isPresent() && (result.outcome() == TestOutcome.PASSED || result.outcome() == TestOutcome.NO_TESTS)) {
            return results.of(TestOutcome.FAILED, tally, "pytest was stopped before its tests ended: "
                    + stopped.get() + "; the tests it did not run are no pass", outputTail);
        }
        if (plugin.expected() && plugin.skips().isEmpty() && result.outcome() == TestOutcome.PASSED) {
            // whether tests were skipped or not: without the plugin's word neither a skip nor a stop can be ruled out
            return results.of(TestOutcome.FAILED, tally, "RedYellow's pytest plugin did not say how the session"
                    + " ended (turned off with -p no:redyellow_pytest_skips, or its session stopped twice?): a skip or a"
                    + " stop by the implementation cannot be ruled out, so the run is no pass", outputTail);
        }
        return result;
    }

    private static TestTally withSkips(TestTally tally, List<TestCase> skips) {
        List<TestCase> cases = new java.util.ArrayList<>(tally.cases().stream()
                .filter(c -> c.status() != TestCase.Status.SKIPPED).toList());
        cases.addAll(skips);
        return new TestTally(tally.passed(), tally.failed(), tally.skipped(), cases);
    }

    private static TestResult outcome(int exitCode, String outputTail, Optional<Counted> counted, LoadFailures loadFailures,
                                      RunResults results) {
        TestTally tally = counted.map(Counted::tally).orElse(TestTally.EMPTY);
        String source = counted.map(c -> " (counts from " + c.source() + ")").orElse("");
        if (exitCode != 0 && loadFailures.seen()) {
            // Python counts a module it could not import as "1 error", node --test a file it could not
            // load as a failed test: these are load failures, the counterpart of javac's errors, and the
            // detail keeps the lines that name what is missing, verbatim.
            String detail = loadFailures.detail();
            return results.of(TestOutcome.COMPILE_ERROR, tally, detail.isEmpty()
                    ? "exited " + exitCode + ": the tests could not be loaded" + source : detail,
                    outputTail);
        }
        if (exitCode != 0 && tally.executed() == 0 && tally.cases().stream().anyMatch(c -> c.status() == TestCase.Status.FAILED)) {
            // No test ran, but the runner names what failed outside them (a fixture of a class or module, a
            // set-up): failed, as a JUnit @BeforeAll's failure is, with no failed test, so it proves no RED
            // and an attempt that caused it is tried again.
            TestCase first = tally.cases().stream().filter(c -> c.status() == TestCase.Status.FAILED).findFirst().orElseThrow();
            return results.of(TestOutcome.FAILED, tally, "exited " + exitCode + " having run no test; failed outside the"
                    + " tests" + source + ": " + first.name() + (first.message().isEmpty() ? "" : ": " + first.message()),
                    outputTail);
        }
        if (exitCode != 0 && tally.executed() == 0) {
            // Not a failure: no test ran, so nothing failed (and no RED is proved by a crash).
            return results.of(TestOutcome.ERROR, tally, "exited " + exitCode + " having run no test"
                    + (source.isEmpty() ? " (no test report and no recognisable test summary in the output)" : source),
                    outputTail);
        }
        if (exitCode != 0) {
            String detail = "exit code " + exitCode + source;
            if (tally.failed() > 0) {
                detail += ": " + tally.failed() + " of " + tally.executed() + " tests failed";
            }
            return results.of(TestOutcome.FAILED, tally, detail, outputTail);
        }
        if (counted.isEmpty()) {
            return results.of(TestOutcome.NO_TESTS, tally,
                    "exit code 0, but no test report and no recognisable test summary in the output", outputTail);
        }
        if (tally.failed() > 0) {
            return results.of(TestOutcome.FAILED, tally, "exit code 0, but " + tally.failed() + " tests failed" + source,
                    outputTail);
        }
        if (tally.executed() == 0) {
            return results.of(TestOutcome.NO_TESTS, tally, "no test executed" + source, outputTail);
        }
        return results.of(TestOutcome.PASSED, tally, "", outputTail);
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
            tally = tally.plus(JUnitXmlReport.read(report, workspace));
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
