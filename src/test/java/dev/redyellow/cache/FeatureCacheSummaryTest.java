package dev.redyellow.cache;

import static dev.redyellow.cache.Results.key;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache view's per-feature figures, from a real cache file. */
class FeatureCacheSummaryTest {
    @TempDir
    Path dir;

    @Test
    void countsEntriesHitsAndSavedTimePerFeature() {
        try (OpenedCache opened = TestCaches.open(dir.resolve("redyellow.db"), CacheSettings.defaults())) {
            TestCache cache = opened.cache();
            cache.store(key("a"), "slugify", Set.of(), Results.passed(1500));
            cache.store(key("b"), "slugify", Set.of(), Results.failed(700));
            cache.store(key("c"), "normalize", Set.of(), Results.passed(200));
            cache.lookup(key("a"));
            cache.lookup(key("a"));
            cache.lookup(key("c"));

            List<FeatureCacheSummary> summaries = cache.featureSummaries();

            assertEquals(List.of("normalize", "slugify"), summaries.stream().map(FeatureCacheSummary::featureId).toList());
            FeatureCacheSummary slugify = summaries.get(1);
            assertEquals(2, slugify.entries());
            assertEquals(2, slugify.hits());
            assertEquals(3.0, slugify.savedSeconds(), 1e-9);
            assertEquals(0.2, summaries.get(0).savedSeconds(), 1e-9);
            assertEquals(cache.stats().bytes(), summaries.stream().mapToLong(FeatureCacheSummary::bytes).sum());
        }
    }

    @Test
    void aDisabledCacheSummarisesNothing() {
        assertEquals(List.of(), new DisabledTestCache("off").featureSummaries());
    }
}
