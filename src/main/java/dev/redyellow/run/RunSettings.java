package dev.redyellow.run;

import dev.redyellow.cache.CacheSettings;
import dev.redyellow.cache.RemoteCacheSettings;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.TestSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What a user asks of one run, from the command line or the window, checked here once: a value out
 * of range is refused with {@link IllegalArgumentException} whose message names the setting and the
 * value, so both front ends say the same thing.
 *
 * @param workers          parallel workers; empty: the manifest's
 * @param runsRoot         where the run's folder is made (logs, workspaces, spilled code)
 * @param keepRuns         how many run folders are kept under {@code runsRoot}, the newest
 * @param keepWorkspaces   leave every workspace on disk after the run
 * @param featureTimeout   the longest one feature may take; empty: no limit
 * @param runTimeout       the longest the whole run may take; empty: no limit
 * @param fork             the junit fork mode for every feature; empty: each feature's own
 * @param storeBudgetBytes the most bytes of attempt files the code store keeps in memory
 * @param useCache         answer test runs from the cache, and remember the run (history, discoveries)
 * @param remoteCache      the shared cache behind the local one; empty: none
 * @param cachePolicy      what the cache keeps (the local file's settings): what goes to the remote too
 * @param measureMutation  measure every feature's mutation score even when the manifest does not ask
 *                         ({@code run --mutation}); the manifest's minimum, if any, still gates
 * @param cluster          worker members ({@code HOST:PORT,...}) the test runs go to; empty: all run here
 */
public record RunSettings(Optional<Integer> workers, Path runsRoot, int keepRuns, boolean keepWorkspaces,
                          Optional<Duration> featureTimeout, Optional<Duration> runTimeout,
                          Optional<TestSettings.Fork> fork, long storeBudgetBytes, boolean useCache,
                          Optional<RemoteCacheSettings> remoteCache, CacheSettings cachePolicy,
                          boolean measureMutation, Optional<String> cluster) {
    /** The largest code store budget accepted: 1 TiB. */
    public static final long MAX_STORE_BUDGET_BYTES = 1L << 40;
    /** Run folders kept when nothing else is said. */
    public static final int DEFAULT_KEEP_RUNS = 20;

    public RunSettings {
        if (remoteCache == null || cachePolicy == null || cluster == null) {
            throw new IllegalArgumentException("the cache settings are missing");
        }
        workers.ifPresent(RunSettings::checkWorkers);
        if (runsRoot == null) {
            throw new IllegalArgumentException("the runs folder is missing");
        }
        if (keepRuns < 1) {
            throw new IllegalArgumentException("run folders kept must be at least 1, was " + keepRuns);
        }
        featureTimeout.ifPresent(t -> checkTimeout("the feature timeout (--feature-timeout)", t));
        runTimeout.ifPresent(t -> checkTimeout("the run timeout (--run-timeout)", t));
        if (storeBudgetBytes < 0 || storeBudgetBytes > MAX_STORE_BUDGET_BYTES) {
            throw new IllegalArgumentException("the code store budget (--store-budget-mb) must be between 0 and "
                    + (MAX_STORE_BUDGET_BYTES >> 20) + " MiB, was " + (storeBudgetBytes >> 20) + " MiB");
        }
    }

    /** Settings without a remote cache, with the cache's default policy. */
    public RunSettings(Optional<Integer> workers, Path runsRoot, int keepRuns, boolean keepWorkspaces,
                       Optional<Duration> featureTimeout, Optional<Duration> runTimeout,
                       Optional<TestSettings.Fork> fork, long storeBudgetBytes, boolean useCache) {
        this(workers, runsRoot, keepRuns, keepWorkspaces, featureTimeout, runTimeout, fork, storeBudgetBytes, useCache,
                Optional.empty(), CacheSettings.defaults(), false, Optional.empty());
    }

    /** The defaults: the manifest's workers, no time limits, the cache on, the default store budget. */
    public static RunSettings defaults(Path runsRoot) {
        return new RunSettings(Optional.empty(), runsRoot, DEFAULT_KEEP_RUNS, false, Optional.empty(), Optional.empty(),
                Optional.empty(), RunOptions.DEFAULT_STORE_BUDGET_BYTES, true);
    }

    /** Refuses a worker count outside {@link Manifest#MIN_WORKERS} to {@link Manifest#MAX_WORKERS}. */
    public static int checkWorkers(int workers) {
        if (workers < Manifest.MIN_WORKERS || workers > Manifest.MAX_WORKERS) {
            throw new IllegalArgumentException("workers (--workers) must be between " + Manifest.MIN_WORKERS + " and "
                    + Manifest.MAX_WORKERS + ", was " + workers);
        }
        return workers;
    }

    private static void checkTimeout(String what, Duration t) {
        if (t.isNegative() || t.isZero()) {
            throw new IllegalArgumentException(what + " must be at least 1 second, was " + t.toSeconds() + " s");
        }
    }

    /** The workers this run gets for {@code manifest}. */
    public int workersFor(Manifest manifest) {
        return workers.orElse(manifest.workers());
    }

    public RunSettings withWorkers(int n) {
        return new RunSettings(Optional.of(checkWorkers(n)), runsRoot, keepRuns, keepWorkspaces, featureTimeout,
                runTimeout, fork, storeBudgetBytes, useCache, remoteCache, cachePolicy, measureMutation, cluster);
    }

    public RunSettings withCache(boolean on) {
        return new RunSettings(workers, runsRoot, keepRuns, keepWorkspaces, featureTimeout, runTimeout, fork,
                storeBudgetBytes, on, remoteCache, cachePolicy, measureMutation, cluster);
    }

    public RunSettings withStoreBudget(long bytes) {
        return new RunSettings(workers, runsRoot, keepRuns, keepWorkspaces, featureTimeout, runTimeout, fork, bytes,
                useCache, remoteCache, cachePolicy, measureMutation, cluster);
    }

    /** These settings with every feature's mutation score measured ({@code --mutation}), or as the manifest says. */
    public RunSettings withMutation(boolean measure) {
        return new RunSettings(workers, runsRoot, keepRuns, keepWorkspaces, featureTimeout, runTimeout, fork,
                storeBudgetBytes, useCache, remoteCache, cachePolicy, measure, cluster);
    }

    /** These settings with the test runs sent to these worker members (empty: all run here). */
    public RunSettings withCluster(Optional<String> members) {
        return new RunSettings(workers, runsRoot, keepRuns, keepWorkspaces, featureTimeout, runTimeout, fork,
                storeBudgetBytes, useCache, remoteCache, cachePolicy, measureMutation, members);
    }

    /** These settings with a shared cache behind the local one (empty: none) and the cache's policy. */
    public RunSettings withRemoteCache(Optional<RemoteCacheSettings> remote, CacheSettings policy) {
        return new RunSettings(workers, runsRoot, keepRuns, keepWorkspaces, featureTimeout, runTimeout, fork,
                storeBudgetBytes, useCache, remote, policy, measureMutation, cluster);
    }
}
