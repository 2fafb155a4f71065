package dev.redyellow.cache;

import dev.redyellow.testing.TestResult;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Results of earlier test runs by content key. Thread-safe: several workers use one instance.
 * Only results of completed runs are kept: TIMEOUT and ERROR say nothing about the content.
 */
public interface TestCache {

    /** The result stored under {@code key}, counting a hit (refreshing its recency) or a miss. */
    Optional<TestResult> lookup(CacheKey key);

    /**
     * Whether a {@link #lookup} of {@code key} would be answered here and now, asked without counting
     * it, or the entry's use, anywhere (a caller deciding whether to start work beside the run). A
     * cache that cannot tell cheaply says false; one that read the entry to tell may keep it for the
     * lookup that usually follows.
     */
    default boolean holds(CacheKey key) {
        return false;
    }

    /**
     * Keeps {@code result} under {@code key} for {@code featureId}, whose workspace also held the code
     * of {@code containedFeatures}. Results the settings exclude are silently not kept.
     */
    void store(CacheKey key, String featureId, Set<String> containedFeatures, TestResult result);

    /** Drops the entries of the feature and those whose workspace contained its code; returns how many. */
    int invalidateFeature(String featureId);

    /** Drops the entries whose workspace held the file at this workspace path; returns how many. */
    int invalidateFile(String path);

    /** Writes anything held back (hits answered from memory) to the file. */
    default void flush() {
    }

    /** Drops every entry and resets the counters. */
    void clear();

    /** Totals over the whole file, from every process that used it since it was last cleared. */
    CacheStats stats();

    /**
     * The counters of this instance only, since it was opened, with the file's current entries and
     * bytes. An instance may serve several runs (the window keeps one open): see {@link CacheStats#since}.
     */
    CacheStats sessionStats();

    /** How the newest entry of the feature differs from the one before; empty with fewer than two. */
    Optional<MissExplanation> why(String featureId);

    /** How {@code current} differs from the feature's newest entry under another key; empty when none. */
    Optional<MissExplanation> why(String featureId, CacheKey current);

    /** Per feature, its entries, their bytes and hits, by feature id; empty when nothing is kept. */
    default List<FeatureCacheSummary> featureSummaries() {
        return List.of();
    }

    /** What the shared (remote) tier did since this instance was made; empty without one. */
    default Optional<RemoteCacheStats> remoteStats() {
        return Optional.empty();
    }
}
