package dev.redyellow.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.store.RunRecord;
import dev.redyellow.store.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCachesTest {
    @TempDir
    Path dir;
    private final CacheSettings settings = CacheSettings.defaults()
            .withClock(Clock.fixed(Instant.parse("2026-01-10T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void createsTheFileAndItsFoldersOnFirstUse() {
        Path file = dir.resolve("home/.redyellow/redyellow.db");
        try (OpenedCache opened = TestCaches.open(file, settings)) {
            assertTrue(opened.enabled());
            assertInstanceOf(SqliteTestCache.class, opened.cache());
            opened.cache().store(Results.key("a"), "f", Set.of(), Results.passed(10));
        }
        assertTrue(Files.isRegularFile(file));
    }

    @Test
    void sharesItsDatabaseWithTheRunStore() {
        try (OpenedCache opened = TestCaches.open(dir.resolve("redyellow.db"), settings)) {
            RunStore runs = new RunStore(opened.database().orElseThrow());
            runs.save(new RunRecord("run-1", "m.json", "tools", Instant.EPOCH, null, false, 0, 0, 0, 1, List.of()));
            opened.cache().store(Results.key("a"), "f", Set.of(), Results.passed(10));
            assertEquals(1, runs.recent(5).size());
            assertEquals(1, opened.cache().stats().entries());
        }
    }

    @Test
    void movesACorruptedFileAsideWithAWarningAndStartsFresh() throws IOException {
        Path file = dir.resolve("redyellow.db");
        Files.writeString(file, "this is not an SQLite database, it is a shopping list: milk, eggs, bread\n".repeat(40));

        try (OpenedCache opened = TestCaches.open(file, settings)) {
            assertTrue(opened.enabled());
            assertEquals(1, opened.warnings().size());
            String warning = opened.warnings().get(0);
            Path aside = dir.resolve("redyellow.db.corrupt-20260110-100000");
            assertTrue(warning.contains(aside.toString()), warning);
            assertTrue(Files.readString(aside).startsWith("this is not an SQLite database"));
            opened.cache().store(Results.key("a"), "f", Set.of(), Results.passed(10));
            assertTrue(opened.cache().lookup(Results.key("a")).isPresent());
        }
    }

    @Test
    void disablesTheCacheWithAWarningWhenTheLocationCannotBeWritten() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        try (OpenedCache opened = TestCaches.open(notAFolder.resolve("redyellow.db"), settings)) {
            assertFalse(opened.enabled());
            DisabledTestCache disabled = assertInstanceOf(DisabledTestCache.class, opened.cache());
            assertEquals(1, opened.warnings().size());
            assertTrue(opened.warnings().get(0).contains("continuing without cache"), opened.warnings().get(0));
            assertEquals(opened.warnings().get(0), disabled.warning());
            disabled.store(Results.key("a"), "f", Set.of(), Results.passed(10));
            assertFalse(disabled.lookup(Results.key("a")).isPresent());
            assertEquals(CacheStats.EMPTY, disabled.stats());
        }
    }

    @Test
    void disablesTheCacheWhenThePathIsAFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("redyellow.db"));
        try (OpenedCache opened = TestCaches.open(folder, settings)) {
            assertFalse(opened.enabled());
            assertEquals(1, opened.warnings().size());
        }
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(List.of(folder), siblings.toList(), "nothing was moved aside");
        }
    }

    @Test
    void resolvesTheExplicitPathThenTheEnvironmentThenTheHomeFolder() {
        Path home = dir.resolve("home");
        Path explicit = dir.resolve("explicit.db");
        Map<String, String> env = Map.of(CacheLocation.ENV, dir.resolve("env.db").toString());
        assertEquals(explicit, CacheLocation.resolve(explicit, env, home));
        assertEquals(dir.resolve("env.db"), CacheLocation.resolve(null, env, home));
        assertEquals(home.resolve(".redyellow/redyellow.db"), CacheLocation.resolve(null, Map.of(), home));
        assertEquals(home.resolve(".redyellow/redyellow.db"),
                CacheLocation.resolve(null, Map.of(CacheLocation.ENV, " "), home));
    }
}
