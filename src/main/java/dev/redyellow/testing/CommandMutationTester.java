package dev.redyellow.testing;

import dev.redyellow.exec.ProcessResult;
import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.exec.ProcessSpec;
import dev.redyellow.exec.ProcessStartException;
import dev.redyellow.manifest.TestSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Mutation testing for the command kind: runs the test settings' {@code mutationCommand} (argv, no shell) in
 * the workspace with the test settings' environment, and reads the counts from its output
 * ({@link MutationCounts}). Without a mutation command the feature is not measured. In the argv,
 * an argument {@code {tests}} becomes the feature's test paths and {@code {code}} its code paths
 * (one argument each), and {@code {feature}} anywhere becomes its id. A command that exits non-zero
 * still counts when its output gives the counts: mutmut, for one, does so when mutants survive.
 */
public final class CommandMutationTester implements MutationTester {

    private final ProcessRunner processes;

    public CommandMutationTester(ProcessRunner processes) {
        this.processes = processes;
    }

    @Override
    public MutationResult measure(MutationRequest request) throws InterruptedException {
        if (!(request.test() instanceof TestSettings.Command settings)) {
            throw new IllegalArgumentException("not command settings: " + request.test().describe());
        }
        if (settings.mutationCommand().isEmpty()) {
            return MutationResult.notMeasured("the command kind needs a mutation command (test.mutationCommand)");
        }
        long started = System.nanoTime();
        try {
            ProcessResult process = processes.run(new ProcessSpec(argv(settings, request), request.workspace(), settings.env(),
                    Duration.ofSeconds(request.mutation().timeoutSeconds())), request.output());
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (process.timedOut()) {
                return MutationResult.error("the mutation command took longer than "
                        + request.mutation().timeoutSeconds() + " s and was killed", millis);
            }
            Optional<MutationCounts.Counts> counts = MutationCounts.read(process.outputTail());
            if (counts.isEmpty()) {
                return MutationResult.error("the mutation command's output (exit code " + process.exitCode()
                        + ") gives no killed and survived counts", millis);
            }
            return MutationResult.measured(counts.get().killed(), counts.get().survived(), counts.get().survivors(),
                    millis);
        } catch (ProcessStartException e) {
            return MutationResult.error(e.getMessage(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static List<String> argv(TestSettings.Command settings, MutationRequest request) {
        List<String> argv = new ArrayList<>();
        for (String arg : settings.mutationCommand()) {
            if (arg.equals("{tests}")) {
                argv.addAll(request.tests());
            } else if (arg.equals("{code}")) {
                argv.addAll(request.code());
            } else {
                argv.add(arg.replace("{feature}", request.featureId()));
            }
        }
        return argv;
    }
}
