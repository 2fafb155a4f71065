package dev.redyellow.bench;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.ProcessResult;
import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.exec.ProcessSpec;
import dev.redyellow.testing.JUnitXmlReport;
import dev.redyellow.testing.TestCase;
import dev.redyellow.testing.TestTally;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One plain run of a real case's whole project with its own runner ({@code vitest run}, {@code
 * pytest}), timed, with each test file's verdict read from the JUnit XML report the run writes: a
 * file passes when at least one of its tests ran and none failed (skipped ones count for nothing,
 * as in RedYellow).
 */
final class PlainScriptRun {

    /** What the run gave: wall seconds, exit code, output tail and the report's test cases. */
    record Result(double wallSeconds, int exitCode, String outputTail, TestTally tally) {

        /** The verdict for one test file (a workspace path such as {@code src/a.spec.ts} or {@code pkg/tests/test_a.py}). */
        boolean passed(String testFile) {
            List<TestCase> own = casesOf(testFile);
            return !own.isEmpty() && own.stream().noneMatch(c -> c.status() == TestCase.Status.FAILED)
                    && own.stream().anyMatch(c -> c.status() == TestCase.Status.PASSED);
        }

        /**
         * The report's cases of one test file: vitest names them by the file's path, pytest by its
         * dotted module name (a file that failed to import is a case named by the module alone).
         */
        List<TestCase> casesOf(String testFile) {
            String dotted = testFile.endsWith(".py") ? testFile.substring(0, testFile.length() - 3).replace('/', '.') : null;
            return tally.cases().stream().filter(c -> c.name().startsWith(testFile + ".") || c.name().equals(testFile)
                    || (dotted != null && (c.name().startsWith(dotted + ".") || c.name().equals(dotted)))).toList();
        }
    }

    private PlainScriptRun() {
    }

    static Result run(List<String> argv, Map<String, String> env, Path project, String report) throws IOException, InterruptedException {
        Files.deleteIfExists(project.resolve(report));
        long started = System.nanoTime();
        ProcessResult process = new ProcessRunner(64 * 1024).run(new ProcessSpec(argv, project, env, Duration.ofMinutes(10)),
                OutputSink.DISCARD);
        double wall = (System.nanoTime() - started) / 1e9;
        TestTally tally = Files.isRegularFile(project.resolve(report)) ? JUnitXmlReport.read(project.resolve(report)) : TestTally.EMPTY;
        return new Result(wall, process.exitCode(), process.outputTail(), tally);
    }
}
