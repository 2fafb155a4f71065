package dev.redyellow.testing;

import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.manifest.TestSettings;

/** Measures each request with the mutation tester of its test kind: PIT for junit, the mutation command for command. */
public final class MutationTesters implements MutationTester {

    private final MutationTester junit;
    private final MutationTester command;

    public MutationTesters(MutationTester junit, MutationTester command) {
        this.junit = junit;
        this.command = command;
    }

    /**
     * Real processes, the bundled JUnit launcher and PIT, cached per user, for a run of {@code workers}
     * parallel features (PIT's threads share the cores with them).
     */
    public static MutationTesters standard(int workers) {
        ProcessRunner processes = new ProcessRunner();
        return new MutationTesters(new PitestMutationTester(processes, JUnitConsoleJar.shared(), PitestJars.shared(),
                PitestMutationTester.threadsFor(Runtime.getRuntime().availableProcessors(), workers)),
                new CommandMutationTester(processes));
    }

    @Override
    public MutationResult measure(MutationRequest request) throws InterruptedException {
        // Java 17 has no pattern switch; TestSettings is sealed, so these two cases are all there are.
        if (request.test() instanceof TestSettings.JUnit) {
            return junit.measure(request);
        }
        if (request.test() instanceof TestSettings.Command) {
            return command.measure(request);
        }
        throw new IllegalArgumentException("unknown test kind: " + request.test().describe());
    }
}
