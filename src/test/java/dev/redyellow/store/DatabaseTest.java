package dev.redyellow.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    private static String pragma(Database database, String name) throws SQLException {
        return database.read(c -> {
            try (Statement statement = c.createStatement(); ResultSet row = statement.executeQuery("PRAGMA " + name)) {
                row.next();
                return row.getString(1);
            }
        });
    }

    @Test
    void migratesANewFileToTheLatestVersionInWalMode() throws SQLException {
        try (Database database = Database.open(dir.resolve("redyellow.db"))) {
            assertEquals(String.valueOf(Schema.latestVersion()), pragma(database, "user_version"));
            assertEquals("wal", pragma(database, "journal_mode"));
            assertTrue(Integer.parseInt(pragma(database, "busy_timeout")) > 0);
        }
        try (Database again = Database.open(dir.resolve("redyellow.db"))) {
            assertEquals(String.valueOf(Schema.latestVersion()), pragma(again, "user_version"));
        }
    }

    @Test
    void rollsBackAWriteThatFails() throws SQLException {
        try (Database database = Database.open(dir.resolve("redyellow.db"))) {
            assertThrows(SQLException.class, () -> database.write(c -> {
                try (Statement statement = c.createStatement()) {
                    statement.execute("INSERT INTO cache_counters(name, value) VALUES ('hits', 1)");
                    statement.execute("INSERT INTO no_such_table VALUES (1)");
                }
                return null;
            }));
            assertEquals("0", database.read(c -> {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM cache_counters")) {
                    r.next();
                    return r.getString(1);
                }
            }));
        }
    }

    @Test
    void leavesAFileFromANewerVersionUntouchedAndReportsIt() throws Exception {
        Path file = dir.resolve("redyellow.db");
        try (Database database = Database.open(file)) {
            database.write(c -> {
                try (Statement statement = c.createStatement()) {
                    statement.execute("PRAGMA user_version = " + (Schema.latestVersion() + 1));
                }
                return null;
            });
        }
        OpenedDatabase opened = DatabaseFile.open(file, Clock.systemUTC());
        assertFalse(opened.database().isPresent());
        assertTrue(opened.warnings().get(0).contains("newer version"), opened.warnings().get(0));
        try (var siblings = Files.list(dir)) {
            assertTrue(siblings.noneMatch(p -> p.getFileName().toString().contains("corrupt")));
        }
    }

    @Test
    void entriesKeyedTheOldWayGoWhenTheFileIsMigratedAndTheRestStays() throws Exception {
        Path file = dir.resolve("redyellow.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            schemaOfVersion(s, 3);
            s.execute("INSERT INTO cache_entries (key, feature, outcome, passed, failed, skipped, duration_ms, result_json,"
                    + " output_digest, bytes, created_ms, last_used) VALUES ('k', 'f', 'PASSED', 1, 0, 0, 5, '{}', 'd', 2, 1, 1)");
            s.execute("INSERT INTO cache_inputs (entry_id, name, hash) VALUES (1, 'file:a', 'h')");
            s.execute("INSERT INTO discovered_edges VALUES ('m', 'a', 'b', 'why', 1)");
        }
        try (Database database = Database.open(file)) {
            assertEquals(String.valueOf(Schema.latestVersion()), pragma(database, "user_version"));
            assertEquals("0 0 1", database.read(c -> {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT (SELECT COUNT(*) FROM cache_entries),"
                        + " (SELECT COUNT(*) FROM cache_files), (SELECT COUNT(*) FROM discovered_edges)")) {
                    r.next();
                    return r.getInt(1) + " " + r.getInt(2) + " " + r.getInt(3);
                }
            }));
            // no row per input any more (migration 8), so no index by an input's name either
            assertEquals(List.of(), database.read(c -> tablesNamed(c, "cache_inputs")));
        }
    }

    @Test
    void migratingAFileWithARowPerInputKeepsEachEntrysInputsAndEachDistinctFileOnce() throws Exception {
        Path file = dir.resolve("redyellow.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            schemaOfVersion(s, 7);
            for (String key : List.of("k1", "k2", "k3")) {
                s.execute("INSERT INTO cache_entries (key, feature, outcome, passed, failed, skipped, duration_ms, result_json,"
                        + " output_digest, bytes, created_ms, last_used) VALUES ('" + key + "', 'f', 'PASSED', 1, 0, 0, 5, '{}',"
                        + " 'd', 2, 1, 1)");
            }
            s.execute("INSERT INTO cache_inputs (entry_id, name, hash) VALUES (1, 'file:a', 'h1'), (1, 'file:b', 'h2'),"
                    + " (1, 'settings', 's'), (2, 'file:a', 'h1'), (2, 'file:b', 'h3'), (2, 'settings', 's')");
        }
        try (Database database = Database.open(file)) {
            assertEquals(String.valueOf(Schema.latestVersion()), pragma(database, "user_version"));
            assertEquals(List.of("k1 file:a=h1 file:b=h2 settings=s", "k2 file:a=h1 file:b=h3 settings=s", "k3"),
                    database.read(c -> {
                        List<String> entries = new java.util.ArrayList<>();
                        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT e.key, (SELECT"
                                + " group_concat(name || '=' || hash, ' ') FROM (SELECT f.name, f.hash FROM json_each(e.input_ids) j"
                                + " JOIN cache_files f ON f.id = j.value ORDER BY f.name)) FROM cache_entries e ORDER BY e.key")) {
                            while (r.next()) {
                                entries.add(r.getString(2) == null ? r.getString(1) : r.getString(1) + " " + r.getString(2));
                            }
                        }
                        return entries;
                    }));
            assertEquals("4", database.read(c -> {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM cache_files")) {
                    r.next();
                    return r.getString(1);
                }
            }));
            assertEquals(List.of(), database.read(c -> tablesNamed(c, "cache_inputs")));
        }
    }

    /** The tables of a file at schema {@code version}, as that version's RedYellow made them. */
    private static void schemaOfVersion(Statement s, int version) throws java.sql.SQLException {
        for (Migration m : Schema.MIGRATIONS.subList(0, version)) {
            for (String sql : m.statements()) {
                s.execute(sql);
            }
        }
        s.execute("PRAGMA user_version = " + version);
    }

    private static List<String> tablesNamed(java.sql.Connection c, String table) throws java.sql.SQLException {
        List<String> names = new java.util.ArrayList<>();
        try (var query = c.prepareStatement("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            query.setString(1, table);
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
        }
        return names;
    }

    @Test
    void logsAWriteThatWaitedForAnotherHolderOfTheFile() throws Exception {
        // another connection (another process, as far as SQLite knows) holds the file's write lock for 2.5 s
        List<String> slow = slowWritesWhileHeld(dir.resolve("redyellow.db"), false);

        // both writes are slow: the holder's by its own work, this one by its wait for the file's lock
        assertEquals(2, slow.size(), slow.toString());
        for (String line : slow) {
            int inTransaction = Integer.parseInt(line.replaceAll(".*, (\\d+) ms in the transaction.*", "$1"));
            assertTrue(inTransaction >= 1000, line);
            assertFalse(line.endsWith("it failed"), line);
        }
    }

    @Test
    void logsAWriteThatWaitedForAnotherCallerOfTheSameInstance() throws Exception {
        List<String> slow = slowWritesWhileHeld(dir.resolve("redyellow.db"), true);

        // the waiting write spent its time on the instance's lock, not in SQLite
        int waited = slow.stream()
                .mapToInt(m -> Integer.parseInt(m.replaceAll(".*: (\\d+) ms waiting for this instance's other callers.*", "$1")))
                .max().orElseThrow(() -> new AssertionError("no slow write logged"));
        assertTrue(waited >= 1000, slow.toString());
    }

    /**
     * The slow-write lines logged while one write waits for another that holds the file for 2.5 s
     * ({@link #holdingTheWriteLock}): the holder on the same instance, or on a second one.
     */
    private static List<String> slowWritesWhileHeld(Path file, boolean sameInstance) throws Exception {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler handler = collecting(logged);
        Logger logger = Logger.getLogger(Database.class.getName());
        logger.addHandler(handler);
        AtomicReference<Throwable> holderFailed = new AtomicReference<>();
        try (Database mine = Database.open(file); Database other = Database.open(file)) {
            logged.clear(); // whatever opening took is not this test's
            Thread holder = holdingTheWriteLock(sameInstance ? mine : other, holderFailed);
            mine.write(c -> insertCounter(c, "waited"));
            holder.join();
        } finally {
            logger.removeHandler(handler);
        }
        assertNull(holderFailed.get());
        return logged.stream().filter(m -> m.startsWith("a write on " + file + " took ")).toList();
    }

    /**
     * Starts a thread whose write on {@code database} holds the file's write lock (and the instance's)
     * for 2.5 s, and returns it once the write has begun; what it throws goes to {@code failed}.
     */
    private static Thread holdingTheWriteLock(Database database, AtomicReference<Throwable> failed) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try {
                database.write(c -> {
                    insertCounter(c, "held");
                    holding.countDown();
                    try {
                        Thread.sleep(2500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                });
            } catch (SQLException | RuntimeException e) {
                failed.set(e);
                holding.countDown();
            }
        });
        holder.start();
        assertTrue(holding.await(30, TimeUnit.SECONDS), "the holder never began its write");
        return holder;
    }

    /** A log handler that keeps each record's message in {@code into}. */
    private static Handler collecting(List<String> into) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                into.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    private static Void insertCounter(java.sql.Connection c, String name) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute("INSERT INTO cache_counters(name, value) VALUES ('" + name + "', 1)");
        }
        return null;
    }
}
