package dev.redyellow.run;

import dev.redyellow.cache.DisabledTestCache;
import dev.redyellow.cache.TestCache;
import dev.redyellow.cycle.StepOutput;
import java.time.Duration;
import java.util.Map;
import dev.redyellow.implement.ManualDecisions;
import dev.redyellow.files.KnownHashes;
import dev.redyellow.testing.MutationTester;
import dev.redyellow.testing.MutationTesters;
import java.util.function.IntFunction;
import java.nio.file.Path;

/**
 * How to run a manifest.
 *
 * @param workers        parallel workers (at least 1)
 * @param runDir         the run's own folder: workspaces and logs go under it
 * @param keepWorkspaces leave every workspace on disk after the run
 * @param decisions      answers manual reviews
 * @param output         receives every step's output
 * @param cache          answers test runs on content seen before
 * @param estimates      seconds per feature learnt from earlier runs (features absent get the default)
 * @param featureTimeout the longest one feature may take, or {@code null} for no limit
 * @param runTimeout     the longest the whole run may take, or {@code null} for no limit
 * @param memory         what earlier runs of the manifest discovered, and where this run's findings go
 * @param storeBudgetBytes the most bytes of attempt files the run's code store keeps in memory; the
 *                       least recently used beyond it are spilled to the run folder
 * @param measureMutation measure every feature's mutation score even when the manifest does not ask
 *                       ({@code run --mutation}); the manifest's minimum, if any, still gates
 * @param hashes         content hashes of the base's files and dependency folders, kept from earlier
 *                       runs by the files' stamps
 * @param mutationTesters makes the run's mutation tester for its number of workers, on first need:
 *                       the launcher's shares the run's warm test workers ({@code TestRunners})
 */
public record RunOptions(int workers, Path runDir, boolean keepWorkspaces, ManualDecisions decisions, StepOutput output,
                         TestCache cache, Map<String, Double> estimates, Duration featureTimeout, Duration runTimeout,
                         DiscoveryMemory memory, long storeBudgetBytes, boolean measureMutation, KnownHashes hashes,
                         IntFunction<MutationTester> mutationTesters) {
    /** The code store's memory budget when none is given: 64 MiB. */
    public static final long DEFAULT_STORE_BUDGET_BYTES = 64L << 20;

    public RunOptions {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        estimates = Map.copyOf(estimates);
        memory = memory == null ? DiscoveryMemory.NONE : memory;
        hashes = hashes == null ? KnownHashes.READ_EACH_TIME : hashes;
        mutationTesters = mutationTesters == null ? MutationTesters::standard : mutationTesters;
        if (storeBudgetBytes < 0) {
            throw new IllegalArgumentException("the code store's budget must not be negative, was " + storeBudgetBytes);
        }
    }

    /** Options that measure mutation scores only when the manifest asks. */
    public RunOptions(int workers, Path runDir, boolean keepWorkspaces, ManualDecisions decisions, StepOutput output,
                      TestCache cache, Map<String, Double> estimates, Duration featureTimeout, Duration runTimeout,
                      DiscoveryMemory memory, long storeBudgetBytes) {
        this(workers, runDir, keepWorkspaces, decisions, output, cache, estimates, featureTimeout, runTimeout, memory,
                storeBudgetBytes, false, KnownHashes.READ_EACH_TIME, null);
    }

    /** These options with mutation scores measured for every feature ({@code --mutation}) or as the manifest says. */
    public RunOptions withMutation(boolean measure) {
        return new RunOptions(workers, runDir, keepWorkspaces, decisions, output, cache, estimates, featureTimeout,
                runTimeout, memory, storeBudgetBytes, measure, hashes, mutationTesters);
    }

    /** Options that remember nothing between runs. */
    public RunOptions(int workers, Path runDir, boolean keepWorkspaces, ManualDecisions decisions, StepOutput output,
                      TestCache cache, Map<String, Double> estimates, Duration featureTimeout, Duration runTimeout) {
        this(workers, runDir, keepWorkspaces, decisions, output, cache, estimates, featureTimeout, runTimeout,
                DiscoveryMemory.NONE, DEFAULT_STORE_BUDGET_BYTES);
    }

    /** These options with {@code memory}. */
    public RunOptions withMemory(DiscoveryMemory memory) {
        return new RunOptions(workers, runDir, keepWorkspaces, decisions, output, cache, estimates, featureTimeout,
                runTimeout, memory, storeBudgetBytes, measureMutation, hashes, mutationTesters);
    }

    /** These options with a code store budget of {@code bytes}. */
    public RunOptions withStoreBudget(long bytes) {
        return new RunOptions(workers, runDir, keepWorkspaces, decisions, output, cache, estimates, featureTimeout,
                runTimeout, memory, bytes, measureMutation, hashes, mutationTesters);
    }

    /** These options with the base's content hashes from {@code hashes}. */
    public RunOptions withHashes(KnownHashes hashes) {
        return new RunOptions(workers, runDir, keepWorkspaces, decisions, output, cache, estimates, featureTimeout,
                runTimeout, memory, storeBudgetBytes, measureMutation, hashes, mutationTesters);
    }

    /** These options with mutation testers made by {@code testers} (for the run's number of workers). */
    public RunOptions withMutationTesters(IntFunction<MutationTester> testers) {
        return new RunOptions(workers, runDir, keepWorkspaces, decisions, output, cache, estimates, featureTimeout,
                runTimeout, memory, storeBudgetBytes, measureMutation, hashes, testers);
    }

    /** Options without a cache and without learnt estimates. */
    public RunOptions(int workers, Path runDir, boolean keepWorkspaces, ManualDecisions decisions, StepOutput output) {
        this(workers, runDir, keepWorkspaces, decisions, output, new DisabledTestCache(""), Map.of(), null, null,
                DiscoveryMemory.NONE, DEFAULT_STORE_BUDGET_BYTES);
    }
}
