package dev.redyellow.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The schema of the RedYellow file, as the ordered list of its migrations. The test cache and the
 * run store keep their own tables ({@code cache_*}, {@code run*}) in the same file and the same list.
 */
public final class Schema {

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "test cache", List.of(
                    """
                    CREATE TABLE cache_entries (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        key TEXT NOT NULL UNIQUE,
                        feature TEXT NOT NULL,
                        outcome TEXT NOT NULL,
                        passed INTEGER NOT NULL,
                        failed INTEGER NOT NULL,
                        skipped INTEGER NOT NULL,
                        duration_ms INTEGER NOT NULL,
                        result_json TEXT NOT NULL,
                        output_digest TEXT NOT NULL,
                        bytes INTEGER NOT NULL,
                        created_ms INTEGER NOT NULL,
                        last_hit_ms INTEGER,
                        last_used INTEGER NOT NULL,
                        hits INTEGER NOT NULL DEFAULT 0)""",
                    "CREATE INDEX cache_entries_by_feature ON cache_entries(feature, id)",
                    "CREATE INDEX cache_entries_by_use ON cache_entries(last_used)",
                    """
                    CREATE TABLE cache_inputs (
                        entry_id INTEGER NOT NULL REFERENCES cache_entries(id) ON DELETE CASCADE,
                        name TEXT NOT NULL,
                        hash TEXT NOT NULL,
                        PRIMARY KEY (entry_id, name)) WITHOUT ROWID""",
                    "CREATE INDEX cache_inputs_by_name ON cache_inputs(name)",
                    """
                    CREATE TABLE cache_contains (
                        entry_id INTEGER NOT NULL REFERENCES cache_entries(id) ON DELETE CASCADE,
                        feature TEXT NOT NULL,
                        PRIMARY KEY (entry_id, feature)) WITHOUT ROWID""",
                    "CREATE INDEX cache_contains_by_feature ON cache_contains(feature)",
                    "CREATE TABLE cache_counters (name TEXT PRIMARY KEY, value REAL NOT NULL)")),
            new Migration(2, "run history", List.of(
                    """
                    CREATE TABLE runs (
                        id TEXT PRIMARY KEY,
                        manifest_path TEXT NOT NULL,
                        name TEXT NOT NULL,
                        started_ns INTEGER NOT NULL,
                        ended_ns INTEGER,
                        all_green INTEGER NOT NULL,
                        wall_seconds REAL NOT NULL,
                        speedup REAL NOT NULL,
                        efficiency REAL NOT NULL,
                        workers INTEGER NOT NULL)""",
                    "CREATE INDEX runs_by_start ON runs(started_ns)",
                    "CREATE INDEX runs_by_name ON runs(name, started_ns)",
                    """
                    CREATE TABLE run_features (
                        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        feature TEXT NOT NULL,
                        state TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        attempts INTEGER NOT NULL,
                        test_runs INTEGER NOT NULL,
                        cache_hits INTEGER NOT NULL,
                        seconds REAL NOT NULL,
                        PRIMARY KEY (run_id, feature)) WITHOUT ROWID""",
                    "CREATE INDEX run_features_by_feature ON run_features(feature, state)",
                    """
                    CREATE TABLE run_attempts (
                        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                        feature TEXT NOT NULL,
                        number INTEGER NOT NULL,
                        outcome TEXT NOT NULL,
                        passed INTEGER NOT NULL,
                        failed INTEGER NOT NULL,
                        seconds REAL NOT NULL,
                        cached INTEGER NOT NULL,
                        PRIMARY KEY (run_id, feature, number)) WITHOUT ROWID""",
                    """
                    CREATE TABLE run_transitions (
                        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                        feature TEXT NOT NULL,
                        seq INTEGER NOT NULL,
                        from_state TEXT NOT NULL,
                        to_state TEXT NOT NULL,
                        at_ns INTEGER NOT NULL,
                        reason TEXT NOT NULL,
                        PRIMARY KEY (run_id, feature, seq)) WITHOUT ROWID""")),
            new Migration(3, "dependencies found while running", List.of(
                    """
                    CREATE TABLE discovered_edges (
                        name TEXT NOT NULL,
                        dependency TEXT NOT NULL,
                        dependent TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        found_ns INTEGER NOT NULL,
                        PRIMARY KEY (name, dependency, dependent)) WITHOUT ROWID""",
                    """
                    CREATE TABLE accepted_paths (
                        name TEXT NOT NULL,
                        feature TEXT NOT NULL,
                        path TEXT NOT NULL,
                        PRIMARY KEY (name, feature, path)) WITHOUT ROWID""")),
            // The files of a key became one tree digest (issue 19, CacheKey): no entry keyed the
            // old way can be hit again, so they go rather than fill the file until evicted.
            new Migration(4, "test cache keyed by a tree of the files", List.of(
                    "DELETE FROM cache_entries")),
            new Migration(5, "inferred dependencies kept by what they were inferred from", List.of(
                    """
                    CREATE TABLE inferred_edges (
                        key TEXT PRIMARY KEY,
                        edges TEXT NOT NULL,
                        used_ms INTEGER NOT NULL)""")),
            new Migration(6, "content hashes of unchanged files, by their stamps", List.of(
                    """
                    CREATE TABLE file_stamps (
                        path TEXT PRIMARY KEY,
                        size INTEGER NOT NULL,
                        modified_ns INTEGER NOT NULL,
                        changed_ns INTEGER NOT NULL,
                        file_key TEXT NOT NULL,
                        hash TEXT NOT NULL,
                        used_ms INTEGER NOT NULL) WITHOUT ROWID""",
                    "CREATE INDEX file_stamps_by_use ON file_stamps(used_ms)")),
            // An entry's inputs are its files (about 960 on the real-code case): their rows go in
            // order of (entry_id, name), but in this index by name they land across nearly every page,
            // so each entry's transaction rewrote most of the index: a cycle of 533 test runs spent
            // about 30 s more wall and 23 s more system CPU caching than with no cache, and the same
            // rows in a copy of the table took 40.9 s to insert with it against 3.0 s without. Its one
            // reader, "Invalidate file" (the cache view, `cache invalidate --file`), scans instead
            // (0.1 s over those 510,547 rows).
            new Migration(7, "cache inputs without the index by name", List.of(
                    "DROP INDEX IF EXISTS cache_inputs_by_name")),
            // Those 510,547 input rows of a cycle's 533 entries held 1,822 distinct (name, hash) pairs, and
            // made 92 % of the file (91 of 99 MB): each pair is now one row, and an entry keeps the ids of its
            // inputs as a JSON array (dev.redyellow.cache.InputRows).
            new Migration(8, "cache inputs as one row per distinct file", List.of(
                    """
                    CREATE TABLE cache_files (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        name TEXT NOT NULL,
                        hash TEXT NOT NULL,
                        UNIQUE (name, hash))""",
                    "ALTER TABLE cache_entries ADD COLUMN input_ids TEXT NOT NULL DEFAULT '[]'",
                    "INSERT INTO cache_files (name, hash) SELECT DISTINCT name, hash FROM cache_inputs ORDER BY name, hash",
                    """
                    UPDATE cache_entries SET input_ids = (SELECT json_group_array(f.id) FROM cache_inputs i
                        JOIN cache_files f ON f.name = i.name AND f.hash = i.hash WHERE i.entry_id = cache_entries.id)""",
                    "DROP TABLE cache_inputs")));

    private Schema() {
    }

    /** The version a fully migrated file has. */
    public static int latestVersion() {
        return MIGRATIONS.get(MIGRATIONS.size() - 1).version();
    }

    /**
     * Applies the missing migrations inside the caller's write transaction, so two processes opening
     * a new file at once never both create its tables. Returns the version found before.
     */
    static int migrate(Connection connection) throws SQLException {
        int found = userVersion(connection);
        if (found > latestVersion()) {
            throw new NewerSchemaException(found, latestVersion());
        }
        try (Statement statement = connection.createStatement()) {
            for (Migration migration : MIGRATIONS) {
                if (migration.version() > found) {
                    for (String sql : migration.statements()) {
                        statement.execute(sql);
                    }
                    statement.execute("PRAGMA user_version = " + migration.version());
                }
            }
        }
        return found;
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    /** The file was written by a newer RedYellow: it is left untouched. */
    public static final class NewerSchemaException extends SQLException {
        NewerSchemaException(int found, int supported) {
            super("the database has schema version " + found + " but this RedYellow knows only up to "
                    + supported + "; it was written by a newer version");
        }
    }
}
