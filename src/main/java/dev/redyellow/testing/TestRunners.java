package dev.redyellow.testing;

import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.manifest.TestSettings;

/** Runs each request with the runner of its test kind. Thread-safe, like the runners it holds. */
public final class TestRunners implements TestRunner {

    private final JUnitTestRunner junit;
    private final CommandTestRunner command;

    public TestRunners(JUnitTestRunner junit, CommandTestRunner command) {
        this.junit = junit;
        this.command = command;
    }

    /** The runners with real processes and the bundled JUnit launcher cached per user. */
    public static TestRunners standard() {
        ProcessRunner processes = new ProcessRunner();
        return new TestRunners(new JUnitTestRunner(processes, JUnitConsoleJar.shared()), new CommandTestRunner(processes));
    }

    /** The runner for these settings. */
    public TestRunner forSettings(TestSettings settings) {
        // Java 17 has no pattern switch; TestSettings is sealed, so these two cases are all there are.
        if (settings instanceof TestSettings.JUnit) {
            return junit;
        }
        if (settings instanceof TestSettings.Command) {
            return command;
        }
        throw new IllegalArgumentException("unknown test kind: " + settings.describe());
    }

    @Override
    public TestResult run(TestRequest request) throws InterruptedException {
        return forSettings(request.settings()).run(request);
    }
}
