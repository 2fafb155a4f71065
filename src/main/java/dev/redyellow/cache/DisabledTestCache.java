package dev.redyellow.cache;

import dev.redyellow.testing.TestResult;
import java.util.Optional;
import java.util.Set;

/** The cache when its file cannot be used: keeps nothing, so every run executes its tests. */
public record DisabledTestCache(String warning) implements TestCache {

    @Override
    public Optional<TestResult> lookup(CacheKey key) {
        return Optional.empty();
    }

    @Override
    public void store(CacheKey key, String featureId, Set<String> containedFeatures, TestResult result) {
        // Nothing is kept: the warning told the user why.
    }

    @Override
    public int invalidateFeature(String featureId) {
        return 0;
    }

    @Override
    public int invalidateFile(String path) {
        return 0;
    }

    @Override
    public void clear() {
        // Nothing to clear.
    }

    @Override
    public CacheStats stats() {
        return CacheStats.EMPTY;
    }

    @Override
    public CacheStats sessionStats() {
        return CacheStats.EMPTY;
    }

    @Override
    public Optional<MissExplanation> why(String featureId) {
        return Optional.empty();
    }

    @Override
    public Optional<MissExplanation> why(String featureId, CacheKey current) {
        return Optional.empty();
    }
}
