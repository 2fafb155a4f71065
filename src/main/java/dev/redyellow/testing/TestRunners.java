package dev.redyellow.testing;

import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.testing.worker.TestJvm;
import java.util.Optional;

/**
 * Runs each request with the runner of its test kind and fork mode (unless a mode is forced for the
 * whole run, as {@code --fork} does): junit in warm worker JVMs or a JVM per run; command in a warm
 * script server (a recognised pytest or vitest argv) or a process per run. Thread-safe, like the
 * runners it holds. Closing it ends the warm worker JVMs and script servers; call it when the run ends.
 */
public final class TestRunners implements TestRunner, AutoCloseable {

    private final JUnitTestRunner perRun;
    private final WarmJUnitRunner warm;
    private final CommandTestRunner command;
    private final WarmScriptRunner warmScript;
    private final Optional<TestSettings.Fork> forcedFork;
    /** The warm workers that run mutants (issue 22), started on first need: JVMs of their own, see {@link TestJvm#MUTATION_OPTIONS}. */
    private WarmWorkerPool mutationPool;
    private boolean closed;

    /**
     * @param forcedFork the fork mode for every request, whatever its settings say; empty: each
     *                   request's own
     */
    public TestRunners(JUnitTestRunner perRun, WarmJUnitRunner warm, CommandTestRunner command,
                       Optional<TestSettings.Fork> forcedFork) {
        this(perRun, warm, command, new WarmScriptRunner(command), forcedFork);
    }

    public TestRunners(JUnitTestRunner perRun, WarmJUnitRunner warm, CommandTestRunner command,
                       WarmScriptRunner warmScript, Optional<TestSettings.Fork> forcedFork) {
        this.perRun = perRun;
        this.warm = warm;
        this.command = command;
        this.warmScript = warmScript;
        this.forcedFork = forcedFork;
    }

    /** The runners with real processes and the bundled JUnit launcher cached per user. */
    public static TestRunners standard() {
        return standard(Optional.empty());
    }

    /**
     * As {@link #standard()}, with the junit fork mode forced when given. The warm pytest servers keep
     * compiled code in {@link PythonCodeFolder#defaultFolder()} for later runs.
     */
    public static TestRunners standard(Optional<TestSettings.Fork> forcedFork) {
        ProcessRunner processes = new ProcessRunner();
        JUnitConsoleJar console = JUnitConsoleJar.shared();
        CommandTestRunner command = new CommandTestRunner(processes);
        return new TestRunners(new JUnitTestRunner(processes, console), new WarmJUnitRunner(new WarmWorkerPool(console)),
                command, new WarmScriptRunner(command, PythonCodeFolder.defaultFolder()), forcedFork);
    }

    /**
     * The mutation testers of a run of {@code workers} parallel features with these runners: the
     * mutants of warm junit features run on warm workers of their own, closed with these runners.
     */
    public synchronized MutationTesters mutationTesters(int workers) {
        if (closed) {
            throw new IllegalStateException("these test runners are closed");
        }
        if (mutationPool == null) {
            mutationPool = new WarmWorkerPool(JUnitConsoleJar.shared(), TestJvm.MUTATION_OPTIONS);
        }
        return MutationTesters.standard(workers, mutationPool, forcedFork);
    }

    /** The runner for these settings. */
    public TestRunner forSettings(TestSettings settings) {
        // Java 17 has no pattern switch; TestSettings is sealed, so these two cases are all there are.
        if (settings instanceof TestSettings.JUnit junit) {
            return forcedFork.orElse(junit.fork()) == TestSettings.Fork.WARM ? warm : perRun;
        }
        if (settings instanceof TestSettings.Command own) {
            return ((TestSettings.Command) effectiveSettings(own)).fork() == TestSettings.Fork.WARM ? warmScript : command;
        }
        throw new IllegalArgumentException("unknown test kind: " + settings.describe());
    }

    /**
     * The settings with the forced fork mode, when one is forced; for the command kind, perRun when
     * its argv cannot run warm (it runs as a process per run whatever the settings say).
     */
    @Override
    public TestSettings effectiveSettings(TestSettings settings) {
        if (settings instanceof TestSettings.JUnit junit && forcedFork.isPresent()) {
            return junit.withFork(forcedFork.get());
        }
        if (settings instanceof TestSettings.Command own) {
            TestSettings.Fork mode = forcedFork.orElse(own.fork());
            if (mode == TestSettings.Fork.WARM && !WarmScript.capable(own.command())) {
                mode = TestSettings.Fork.PER_RUN;
            }
            return mode == own.fork() ? own : own.withFork(mode);
        }
        return settings;
    }

    @Override
    public TestResult run(TestRequest request) throws InterruptedException {
        return forSettings(request.settings()).run(request);
    }

    /** The warm workers' figures so far (all zero when no run was warm). */
    public WarmPoolState warmPoolState() {
        return warm.pool().state();
    }

    /** The warm script servers' figures so far (all zero when no command run was warm). */
    public ScriptPoolState scriptPoolState() {
        return warmScript.state();
    }

    /** Ends the warm worker JVMs and the warm script servers. */
    @Override
    public void close() {
        try {
            warm.close();
        } finally {
            try {
                warmScript.close();
            } finally {
                synchronized (this) {
                    closed = true;
                    if (mutationPool != null) {
                        mutationPool.close();
                    }
                }
            }
        }
    }
}
