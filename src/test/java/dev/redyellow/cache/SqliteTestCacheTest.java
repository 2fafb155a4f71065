package dev.redyellow.cache;

import static dev.redyellow.cache.Results.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.testing.TestOutcome;
import dev.redyellow.testing.TestResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SqliteTestCacheTest {
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T10:00:00Z"));
    private final List<OpenedCache> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(OpenedCache::close);
    }

    private TestCache open(CacheSettings settings) {
        OpenedCache cache = TestCaches.open(dir.resolve("redyellow.db"), settings.withClock(clock));
        opened.add(cache);
        assertTrue(cache.enabled(), () -> "cache disabled: " + cache.warnings());
        assertEquals(List.of(), cache.warnings());
        return cache.cache();
    }

    private TestCache open() {
        return open(CacheSettings.defaults());
    }

    @Test
    void missesThenHitsWithTheStoredResult() {
        TestCache cache = open();
        assertEquals(Optional.empty(), cache.lookup(key("a")));
        cache.store(key("a"), "slugify", Set.of(), Results.passed(1500));
        assertEquals(Optional.of(Results.passed(1500)), cache.lookup(key("a")));
        assertEquals(Optional.empty(), cache.lookup(key("b")));
    }

    @Test
    void holdsSaysWhatALookupWouldFindWithoutCountingIt() {
        TestCache cache = open();
        assertFalse(cache.holds(key("a")));
        cache.store(key("a"), "slugify", Set.of(), Results.passed(1500));
        assertTrue(cache.holds(key("a")), "in the memory tier");
        opened.remove(0).close();
        TestCache reopened = open();
        assertTrue(reopened.holds(key("a")), "in the file");
        assertFalse(reopened.holds(key("b")));
        assertEquals(0, reopened.sessionStats().requests(), "asking is no lookup");
        assertEquals(0, reopened.stats().hits());
    }

    @Test
    void memoryHitsAreWrittenBehindAndNothingIsLostOnClose() {
        OpenedCache first = TestCaches.open(dir.resolve("redyellow.db"), CacheSettings.defaults().withClock(clock));
        first.cache().store(key("a"), "slugify", Set.of(), Results.passed(1500));
        for (int i = 0; i < 10; i++) {
            assertTrue(first.cache().lookup(key("a")).isPresent());
        }
        first.close();
        TestCache reopened = open();
        assertEquals(10, reopened.stats().hits());
        assertEquals(15.0, reopened.stats().savedSeconds(), 1e-9);
    }

    @Test
    void returnsTheExactTestResultRecordAfterReopening() {
        TestCache first = open();
        first.store(key("a"), "slugify", Set.of("normalize"), Results.passed(1500));
        first.store(key("b"), "slugify", Set.of(), Results.failed(700));
        opened.remove(0).close();

        TestCache second = open();
        Optional<TestResult> passed = second.lookup(key("a"));
        assertEquals(Optional.of(Results.passed(1500)), passed);
        assertEquals(TestResult.class, passed.orElseThrow().getClass());
        assertEquals(Results.passed(1500).cases(), passed.orElseThrow().cases());
        assertEquals(Optional.of(Results.failed(700)), second.lookup(key("b")));
    }

    @Test
    void keepsTheEntryARecentHitTouchedAndEvictsTheColdOne() {
        TestCache cache = open(CacheSettings.defaults().withLimits(3, Long.MAX_VALUE));
        cache.store(key("a"), "f", Set.of(), Results.passed(100));
        cache.store(key("b"), "f", Set.of(), Results.passed(100));
        cache.store(key("c"), "f", Set.of(), Results.passed(100));
        assertTrue(cache.lookup(key("a")).isPresent());

        cache.store(key("d"), "f", Set.of(), Results.passed(100));

        assertTrue(cache.lookup(key("a")).isPresent(), "a was hit recently");
        assertFalse(cache.lookup(key("b")).isPresent(), "b was the least recently used");
        assertTrue(cache.lookup(key("c")).isPresent());
        assertTrue(cache.lookup(key("d")).isPresent());
        assertEquals(1, cache.stats().evictions());
        assertEquals(3, cache.stats().entries());
    }

    @Test
    void keepsTheStoredBytesWithinTheLimit() {
        TestCache probe = open();
        probe.store(key("probe"), "f", Set.of(), Results.withOutput(10_000));
        long entryBytes = probe.stats().bytes();
        probe.clear();
        TestCache cache = open(CacheSettings.defaults().withLimits(100, 2 * entryBytes + entryBytes / 2));

        for (String name : List.of("a", "b", "c", "d")) {
            cache.store(key(name), "f", Set.of(), Results.withOutput(10_000));
            assertTrue(cache.stats().bytes() <= 2 * entryBytes + entryBytes / 2);
        }

        assertEquals(2, cache.stats().entries());
        assertEquals(2, cache.stats().evictions());
        assertTrue(cache.lookup(key("d")).isPresent());
        assertFalse(cache.lookup(key("a")).isPresent());
    }

    @Test
    void boundsTheMemoryTierByEntriesWhileTheFileKeepsEverything() {
        SqliteTestCache cache = (SqliteTestCache) open(CacheSettings.defaults().withMemoryLimits(2, Long.MAX_VALUE));
        for (String name : List.of("a", "b", "c", "d")) {
            cache.store(key(name), "f", Set.of(), Results.passed(100));
        }
        assertEquals(2, cache.memoryEntries());
        assertEquals(Optional.of(Results.passed(100)), cache.lookup(key("a")));
        assertEquals(4, cache.stats().entries());
    }

    @Test
    void expiresEntriesOlderThanTheTtlOnlyWhenATtlIsSet() {
        TestCache withTtl = open(CacheSettings.defaults().withTtl(Duration.ofHours(1)));
        withTtl.store(key("a"), "f", Set.of(), Results.passed(100));
        clock.advance(Duration.ofMinutes(59));
        assertTrue(withTtl.lookup(key("a")).isPresent());
        clock.advance(Duration.ofMinutes(1));
        assertFalse(withTtl.lookup(key("a")).isPresent());
        assertEquals(1, withTtl.stats().evictions());
        assertEquals(0, withTtl.stats().entries());

        TestCache withoutTtl = open();
        withoutTtl.store(key("b"), "f", Set.of(), Results.passed(100));
        clock.advance(Duration.ofDays(3650));
        assertTrue(withoutTtl.lookup(key("b")).isPresent());
    }

    @Test
    void cachesFailuresByDefaultAndNotWhenTheSettingExcludesThem() {
        TestCache cache = open();
        cache.store(key("a"), "f", Set.of(), Results.failed(100));
        assertTrue(cache.lookup(key("a")).isPresent());

        TestCache strict = open(CacheSettings.defaults().withCacheFailures(false));
        strict.store(key("b"), "f", Set.of(), Results.failed(100));
        strict.store(key("c"), "f", Set.of(), Results.of(TestOutcome.COMPILE_ERROR));
        strict.store(key("d"), "f", Set.of(), Results.of(TestOutcome.NO_TESTS));
        strict.store(key("e"), "f", Set.of(), Results.passed(100));
        assertFalse(strict.lookup(key("b")).isPresent());
        assertFalse(strict.lookup(key("c")).isPresent());
        assertFalse(strict.lookup(key("d")).isPresent());
        assertTrue(strict.lookup(key("e")).isPresent());
    }

    @ParameterizedTest
    @EnumSource(value = TestOutcome.class, names = {"TIMEOUT", "ERROR"})
    void neverCachesRunsThatDidNotComplete(TestOutcome outcome) {
        TestCache cache = open();
        cache.store(key("a"), "f", Set.of(), Results.of(outcome));
        assertFalse(cache.lookup(key("a")).isPresent());
        assertEquals(0, cache.stats().entries());
    }

    @Test
    void invalidatingAFeatureDropsItsEntriesAndThoseContainingItsCode() {
        TestCache cache = open();
        cache.store(key("normalize-1"), "normalize", Set.of(), Results.passed(100));
        cache.store(key("slugify-1"), "slugify", Set.of("normalize"), Results.passed(100));
        cache.store(key("titles-1"), "titles", Set.of("slugify", "normalize"), Results.passed(100));
        cache.store(key("other-1"), "other", Set.of(), Results.passed(100));

        assertEquals(2, cache.invalidateFeature("slugify"));

        assertTrue(cache.lookup(key("normalize-1")).isPresent());
        assertFalse(cache.lookup(key("slugify-1")).isPresent());
        assertFalse(cache.lookup(key("titles-1")).isPresent());
        assertTrue(cache.lookup(key("other-1")).isPresent());
        assertEquals(2, cache.stats().invalidations());
    }

    @Test
    void invalidatingAFileDropsExactlyTheEntriesWhoseInputsHadIt() {
        TestCache cache = open();
        CacheKey withSlugify = CacheKey.of(List.of(new CacheInput("settings", "s"),
                CacheInput.file("src/Slugify.java", "1"), CacheInput.file("src/Base.java", "b")));
        CacheKey withOnlyBase = CacheKey.of(List.of(new CacheInput("settings", "s"),
                CacheInput.file("src/Base.java", "b")));
        CacheKey withPrefix = CacheKey.of(List.of(new CacheInput("settings", "s"),
                CacheInput.file("src/Slugify.java.orig", "2")));
        cache.store(withSlugify, "slugify", Set.of(), Results.passed(100));
        cache.store(withOnlyBase, "base", Set.of(), Results.passed(100));
        cache.store(withPrefix, "other", Set.of(), Results.passed(100));

        assertEquals(1, cache.invalidateFile("src/Slugify.java"));

        assertFalse(cache.lookup(withSlugify).isPresent());
        assertTrue(cache.lookup(withOnlyBase).isPresent());
        assertTrue(cache.lookup(withPrefix).isPresent());
    }

    @Test
    void anEntryDroppedByAnotherInstanceIsAMissHereEvenIfItWasInMemory() {
        TestCache here = open();
        TestCache elsewhere = open();
        here.store(key("a"), "f", Set.of(), Results.passed(100));
        assertTrue(here.lookup(key("a")).isPresent());

        elsewhere.invalidateFeature("f");
        // the memory tier looks for other writers at most every CacheSettings.recheck (100 ms by default)
        clock.advance(CacheSettings.defaults().recheck());

        assertFalse(here.lookup(key("a")).isPresent());
    }

    @Test
    void entriesSharingFilesKeepEachDistinctFileOnceAndUnusedOnesGoAfterEnoughDeletions() throws Exception {
        OpenedCache opened = TestCaches.open(dir.resolve("redyellow.db"), CacheSettings.defaults().withClock(clock));
        this.opened.add(opened);
        TestCache cache = opened.cache();
        dev.redyellow.store.Database database = opened.database().orElseThrow();
        for (int i = 0; i < 3; i++) {
            cache.store(CacheKey.of(List.of(new CacheInput("settings", "s"), CacheInput.file("src/Base.java", "b"),
                    CacheInput.file("src/Own" + i + ".java", "o"))), "own" + i, Set.of(), Results.passed(100));
        }
        assertEquals(5, filesIn(database)); // settings, Base and three Own files

        cache.invalidateFeature("own0");
        assertEquals(5, filesIn(database)); // Own0's row waits until enough entries went
        database.write(c -> {
            InputRows.released(c, InputRows.RELEASED_BEFORE_DROP - 1);
            return null;
        });
        assertEquals(4, filesIn(database));
        cache.clear();
        assertEquals(0, filesIn(database));
    }

    private static int filesIn(dev.redyellow.store.Database database) throws java.sql.SQLException {
        return database.read(c -> {
            try (var s = c.createStatement(); var r = s.executeQuery("SELECT COUNT(*) FROM cache_files")) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    @Test
    void anEntryStoredAfterAnotherInstanceDroppedTheFilesRowsKeepsAllItsInputs() {
        TestCache here = open();
        TestCache elsewhere = open();
        CacheKey first = CacheKey.of(List.of(new CacheInput("settings", "s"), CacheInput.file("src/Slugify.java", "1")));
        here.store(first, "slugify", Set.of(), Results.passed(100)); // here now knows the ids of both inputs

        elsewhere.clear(); // and with its entry every input row is gone
        CacheKey second = CacheKey.of(List.of(new CacheInput("settings", "s"), CacheInput.file("src/Slugify.java", "2")));
        here.store(first, "slugify", Set.of(), Results.failed(100));
        here.store(second, "slugify", Set.of(), Results.passed(100));

        MissExplanation why = here.why("slugify").orElseThrow();
        assertEquals(List.of("file:src/Slugify.java"), why.changed());
        assertEquals(List.of(), why.added());
        assertEquals(List.of(), why.removed());
        assertEquals(2, here.invalidateFile("src/Slugify.java"));
    }

    @Test
    void aRememberedIdThatNowNamesAnotherFileIsLookedUpAgain() throws Exception {
        OpenedCache opened = TestCaches.open(dir.resolve("redyellow.db"), CacheSettings.defaults().withClock(clock));
        this.opened.add(opened);
        TestCache cache = opened.cache();
        CacheKey first = CacheKey.of(List.of(CacheInput.file("src/Slugify.java", "1")));
        cache.store(first, "slugify", Set.of(), Results.passed(100)); // remembers the id of (Slugify.java, 1)
        // as a damaged file replaced by a fresh one would: the same id, another file
        opened.database().orElseThrow().write(c -> {
            try (var s = c.createStatement()) {
                s.executeUpdate("UPDATE cache_files SET name = 'file:src/Other.java'");
            }
            return null;
        });

        CacheKey second = CacheKey.of(List.of(CacheInput.file("src/Slugify.java", "1"), CacheInput.file("src/Base.java", "b")));
        cache.store(second, "slugify", Set.of(), Results.passed(100));

        MissExplanation why = cache.why("slugify").orElseThrow();
        assertEquals(second.sha256(), why.laterKey());
        assertEquals(List.of("file:src/Base.java", "file:src/Slugify.java"), why.added());
        assertEquals(List.of("file:src/Other.java"), why.removed());
    }

    @Test
    void whyNamesTheInputsThatChangedBetweenTheFeaturesEntries() {
        TestCache cache = open();
        CacheKey first = CacheKey.of(List.of(new CacheInput("settings", "s"),
                CacheInput.file("src/Slugify.java", "1"), CacheInput.file("src/Old.java", "o")));
        CacheKey second = CacheKey.of(List.of(new CacheInput("settings", "s"),
                CacheInput.file("src/Slugify.java", "2"), CacheInput.file("src/New.java", "n")));
        assertEquals(Optional.empty(), cache.why("slugify"));
        cache.store(first, "slugify", Set.of(), Results.failed(100));
        cache.store(second, "slugify", Set.of(), Results.passed(100));

        MissExplanation why = cache.why("slugify").orElseThrow();

        assertEquals(List.of("file:src/Slugify.java"), why.changed());
        assertEquals(List.of("file:src/New.java"), why.added());
        assertEquals(List.of("file:src/Old.java"), why.removed());
        assertEquals(first.sha256(), why.earlierKey());
        assertTrue(why.describe().contains("changed file:src/Slugify.java"), why.describe());
    }

    @Test
    void whyComparesACurrentKeyWithTheFeaturesNewestEntry() {
        TestCache cache = open();
        CacheKey stored = CacheKey.of(List.of(new CacheInput("settings", "junit-60"),
                CacheInput.file("src/Slugify.java", "1")));
        CacheKey current = CacheKey.of(List.of(new CacheInput("settings", "junit-90"),
                CacheInput.file("src/Slugify.java", "1")));
        cache.store(stored, "slugify", Set.of(), Results.passed(100));

        MissExplanation why = cache.why("slugify", current).orElseThrow();

        assertEquals(List.of("settings"), why.changed());
        assertEquals(List.of(), why.added());
        assertEquals(List.of(), why.removed());
        assertEquals(Optional.empty(), cache.why("unknown", current));
    }

    @Test
    void countsRequestsHitsMissesAndTheTimeTheHitsSaved() {
        TestCache cache = open();
        cache.store(key("a"), "f", Set.of(), Results.passed(1500));
        cache.store(key("b"), "f", Set.of(), Results.failed(500));
        cache.lookup(key("a"));
        cache.lookup(key("a"));
        cache.lookup(key("b"));
        cache.lookup(key("missing"));

        CacheStats stats = cache.stats();
        assertEquals(4, stats.requests());
        assertEquals(3, stats.hits());
        assertEquals(1, stats.misses());
        assertEquals(0.75, stats.hitRate(), 1e-9);
        assertEquals(3.5, stats.savedSeconds(), 1e-9);
        assertEquals(2, stats.entries());
        assertTrue(stats.bytes() > 0);
        assertEquals(stats, cache.sessionStats());

        TestCache later = open();
        later.lookup(key("a"));
        assertEquals(1, later.sessionStats().hits());
        assertEquals(4, later.stats().hits());
    }

    @Test
    void clearDropsEveryEntryAndResetsTheCounters() {
        TestCache cache = open();
        cache.store(key("a"), "f", Set.of(), Results.passed(100));
        cache.lookup(key("a"));
        cache.clear();
        assertEquals(CacheStats.EMPTY, cache.stats());
        assertFalse(cache.lookup(key("a")).isPresent());
    }
}
