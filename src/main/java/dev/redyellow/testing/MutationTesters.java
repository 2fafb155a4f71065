package dev.redyellow.testing;

import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.manifest.TestSettings;
import java.util.Optional;

/**
 * Measures each request with the mutation tester of its test kind: for junit, on the warm test
 * workers when the tests run warm (PIT makes the mutants, {@link WarmMutationTester}) and with PIT's
 * own JVMs when they run in a JVM per run ({@link PitestMutationTester}); for command, its mutation
 * command.
 */
public final class MutationTesters implements MutationTester {

    private final MutationTester perRun;
    private final Optional<MutationTester> warm;
    private final MutationTester command;
    private final Optional<TestSettings.Fork> forcedFork;

    /**
     * @param warm       the junit kind's tester for warm tests; empty: PIT's own JVMs for every fork mode
     * @param forcedFork the run's fork mode for every junit feature, when one is forced ({@code --fork})
     */
    public MutationTesters(MutationTester perRun, Optional<MutationTester> warm, MutationTester command,
                           Optional<TestSettings.Fork> forcedFork) {
        this.perRun = perRun;
        this.warm = warm;
        this.command = command;
        this.forcedFork = forcedFork;
    }

    /** PIT's own JVMs for the junit kind, whatever the fork mode. */
    public MutationTesters(MutationTester junit, MutationTester command) {
        this(junit, Optional.empty(), command, Optional.empty());
    }

    /**
     * Real processes, the bundled JUnit launcher and PIT, cached per user, for a run of {@code workers}
     * parallel features (PIT's threads share the cores with them); PIT's own JVMs for every junit
     * feature.
     */
    public static MutationTesters standard(int workers) {
        ProcessRunner processes = new ProcessRunner();
        return new MutationTesters(pit(processes, workers), new CommandMutationTester(processes));
    }

    /** As {@link #standard(int)}, with the mutants of warm junit features run on {@code pool}'s workers. */
    public static MutationTesters standard(int workers, WarmWorkerPool pool, Optional<TestSettings.Fork> forcedFork) {
        ProcessRunner processes = new ProcessRunner();
        return new MutationTesters(pit(processes, workers), Optional.of(new WarmMutationTester(pool, PitMutants.shared())),
                new CommandMutationTester(processes), forcedFork);
    }

    private static PitestMutationTester pit(ProcessRunner processes, int workers) {
        return new PitestMutationTester(processes, JUnitConsoleJar.shared(), PitestJars.shared(),
                PitestMutationTester.threadsFor(Runtime.getRuntime().availableProcessors(), workers));
    }

    @Override
    public MutationResult measure(MutationRequest request) throws InterruptedException {
        return testerFor(request).measure(request);
    }

    @Override
    public String tool(MutationRequest request) {
        return testerFor(request).tool(request);
    }

    private MutationTester testerFor(MutationRequest request) {
        // Java 17 has no pattern switch; TestSettings is sealed, so these two cases are all there are.
        if (request.test() instanceof TestSettings.JUnit junit) {
            boolean runsWarm = forcedFork.orElse(junit.fork()) == TestSettings.Fork.WARM;
            return runsWarm && warm.isPresent() ? warm.get() : perRun;
        }
        if (request.test() instanceof TestSettings.Command) {
            return command;
        }
        throw new IllegalArgumentException("unknown test kind: " + request.test().describe());
    }
}
