package dev.redyellow.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.bench.FaultBench;
import dev.redyellow.cache.CacheInput;
import dev.redyellow.cache.CacheKey;
import dev.redyellow.cache.CacheSettings;
import dev.redyellow.cache.OpenedCache;
import dev.redyellow.cache.SqliteTestCache;
import dev.redyellow.cache.TestCaches;
import dev.redyellow.testing.TestOutcome;
import dev.redyellow.testing.TestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A cache file damaged or full while in use: never an exception out of a run, one warning, history kept. */
class DamagedDatabaseTest {
    @TempDir
    Path dir;

    private static CacheKey key(int i) {
        return CacheKey.of(List.of(new CacheInput("settings", "s"), CacheInput.file("src/F" + i + ".java", "content " + i)));
    }

    private static TestResult result() {
        return new TestResult(TestOutcome.PASSED, 1, 0, 0, List.of(), 900, "", "y".repeat(3000));
    }

    private static RunRecord run(String id) {
        return run(id, 1);
    }

    private static RunRecord run(String id, int features) {
        Instant at = Instant.parse("2026-02-01T09:00:00Z");
        List<FeatureRecord> list = new ArrayList<>();
        for (int i = 0; i < features; i++) {
            list.add(new FeatureRecord("feature-" + i, "GREEN", "approved " + "x".repeat(200), 1, 1, 0, 1.5, List.of(),
                    List.of()));
        }
        return new RunRecord(id, "/m.json", "m", at, at.plusSeconds(2), true, 2, 1, 1, 1, list);
    }

    private long corruptFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("c\\.db\\.corrupt-[0-9-]+")).count();
        }
    }

    /** Before: the first query that met the damaged page threw, and the history save failed the run. */
    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.4, 0.5, 0.6, 0.8})
    void damageFoundInUseMovesTheFileAsideOnceAndTheRunsHistoryIsStillSaved(double at) throws Exception {
        Path file = dir.resolve("c.db");
        FaultBench.filledCache(file, 300);
        FaultBench.overwrite(file, at, 4096, 26);
        List<String> warnings = new ArrayList<>();
        try (OpenedCache opened = TestCaches.open(file, CacheSettings.defaults())) {
            warnings.addAll(opened.warnings());
            Database db = opened.database().orElseThrow();
            db.onWarning(warnings::add);
            for (int i = 0; i < 300; i++) {
                opened.cache().lookup(key(i));
            }
            opened.cache().store(key(1000), "f", Set.of(), result());
            RunStore history = new RunStore(db);
            history.featureEstimates("bench");
            history.save(run("after-damage"));
            assertTrue(history.find("after-damage").isPresent());
            opened.cache().stats();
        }
        assertTrue(warnings.size() <= 1, "at most one warning: " + warnings);
        assertEquals(warnings.size(), corruptFiles(), "each warning is one file moved aside: " + warnings);
        warnings.forEach(w -> assertTrue(w.contains("moved it to"), w));
    }

    @Test
    void aDamagedFileWhoseQueriesAllMissTheDamageIsStillReplacedByClear() throws Exception {
        Path file = dir.resolve("c.db");
        FaultBench.filledCache(file, 300);
        FaultBench.overwrite(file, 0.5, 4096, 26);
        List<String> warnings = new ArrayList<>();
        try (OpenedCache opened = TestCaches.open(file, CacheSettings.defaults())) {
            opened.database().orElseThrow().onWarning(warnings::add);
            opened.cache().clear();
            assertEquals(0, opened.cache().stats().entries());
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals(1, corruptFiles());
    }

    /** Before: every store after the disk filled logged a warning with a trace, and the history save failed. */
    @Test
    void aFullDiskTurnsTheCacheOffWithOneWarningAndTheHistoryTakesRoomFromColdEntries() throws Exception {
        Path file = dir.resolve("c.db");
        FaultBench.filledCache(file, 100);
        List<String> warnings = new ArrayList<>();
        try (OpenedCache opened = TestCaches.open(file, CacheSettings.defaults())) {
            Database db = opened.database().orElseThrow();
            db.onWarning(warnings::add);
            long pages = db.read(c -> {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA page_count")) {
                    r.next();
                    return r.getLong(1);
                }
            });
            db.limitPages(pages);
            for (int i = 1000; i < 1030; i++) {
                opened.cache().store(key(i), "f", Set.of(), result());
                assertTrue(opened.cache().lookup(key(i)).isEmpty());
            }
            assertTrue(((SqliteTestCache) opened.cache()).turnedOff());
            RunStore history = new RunStore(db);
            // Large enough to need new pages: it fits only once cold cache entries have made room.
            history.save(run("full", 400));
            assertTrue(history.find("full").isPresent(), "the history made room by dropping cold cache entries");
            assertTrue(opened.cache().stats().entries() < 100);
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("the cache is off"), warnings.get(0));
    }
}
