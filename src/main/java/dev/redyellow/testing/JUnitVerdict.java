package dev.redyellow.testing;

import dev.redyellow.exec.OutputSink;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How a junit run's findings become its {@link TestResult}, the same for a fresh test JVM and a warm
 * worker, so both modes judge a workspace alike.
 */
final class JUnitVerdict {

    /** How the JUnit Platform introduces an engine's critical discovery issue, in both modes. */
    static final String DISCOVERY_ISSUE = "encountered a critical issue during test discovery";

    private JUnitVerdict() {
    }

    /** The compiler's errors, also written to the run's output as the compiler would show them. */
    static TestResult compileError(List<String> errors, OutputSink output, RunResults results) {
        String diagnostics = String.join("\n", errors);
        byte[] bytes = ("compilation failed:\n" + diagnostics + "\n").getBytes(StandardCharsets.UTF_8);
        output.write(OutputSink.Stream.STDERR, bytes, 0, bytes.length);
        return results.of(TestOutcome.COMPILE_ERROR, TestTally.EMPTY, diagnostics, diagnostics);
    }

    /** The feature names tests, but none of them is a Java source: resources only, nothing to run. */
    static TestResult noJavaTests(List<String> selectedTests, RunResults results) {
        return results.of(TestOutcome.NO_TESTS, TestTally.EMPTY, "none of the selected tests is a Java source ("
                + String.join(", ", selectedTests.stream().limit(5).toList()) + "); they are resources, no test ran", "");
    }

    static TestResult noSources(RunResults results) {
        return results.of(TestOutcome.NO_TESTS, TestTally.EMPTY, "no Java sources in the workspace", "");
    }

    /**
     * The verdict on the tests that ran. Only a test that ran and passed is a pass: skipped and
     * aborted tests (a failed assumption) are counted as skipped, and a run without a passing or
     * failing test has no tests.
     *
     * @param outsideFailure why the run failed although no single test did (a class's {@code @BeforeAll}),
     *                       or {@code null} when nothing failed outside the tests
     * @param launcherError  why the platform could not run the tests (a discovery error, a failed
     *                       engine), or {@code null}: an infrastructure error, never a test failure
     */
    static TestResult of(TestTally tally, String outsideFailure, String launcherError, RunResults results,
                         String outputTail) {
        // An engine that cannot discover the tests (a non-static @BeforeAll, a class that cannot be
        // loaded) reports each of its tests as failed with the same discovery issue: no test ran.
        java.util.Optional<TestCase> discovery = tally.cases().stream()
                .filter(c -> c.status() == TestCase.Status.FAILED && c.message().contains(DISCOVERY_ISSUE)).findFirst();
        if (discovery.isPresent()) {
            return results.of(TestOutcome.ERROR, tally, "the JUnit Platform could not discover the tests (not a test failure): "
                    + discovery.get().message(), outputTail);
        }
        if (tally.failed() > 0) {
            return results.of(TestOutcome.FAILED, tally, failedTests(tally), outputTail);
        }
        if (launcherError != null) {
            return results.of(TestOutcome.ERROR, tally, launcherError, outputTail);
        }
        if (outsideFailure != null) {
            return results.of(TestOutcome.FAILED, tally, outsideFailure, outputTail);
        }
        if (tally.executed() == 0) {
            return results.of(TestOutcome.NO_TESTS, tally, "no test executed", outputTail);
        }
        return results.of(TestOutcome.PASSED, tally, "", outputTail);
    }

    private static String failedTests(TestTally tally) {
        StringBuilder detail = new StringBuilder(tally.failed() + " of " + tally.executed() + " tests failed");
        tally.cases().stream().filter(c -> c.status() == TestCase.Status.FAILED).limit(20)
                .forEach(c -> detail.append("\n").append(c.name()).append(": ").append(c.message()));
        return detail.toString();
    }
}
