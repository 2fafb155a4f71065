package dev.redyellow.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL of cache entries and the features they contain ({@link InputRows} their inputs); called inside a
 * transaction.
 */
final class EntryRows {

    /** An entry as the file holds it. */
    record Stored(String json, long bytes, long createdMillis) {
    }

    /** What is written for one entry. */
    record NewEntry(CacheKey key, String featureId, Set<String> containedFeatures, String outcome, int passed,
                    int failed, int skipped, long durationMillis, String json, String outputDigest, long bytes,
                    long createdMillis) {
    }

    // Recency is a counter rather than a time: two uses in the same millisecond (or under a fixed
    // test clock) still have an order.
    private static final String NEXT_USE = "(SELECT COALESCE(MAX(last_used), 0) + 1 FROM cache_entries)";

    private EntryRows() {
    }

    static Optional<Stored> find(Connection c, String key) throws SQLException {
        try (PreparedStatement find = c.prepareStatement(
                "SELECT result_json, bytes, created_ms FROM cache_entries WHERE key = ?")) {
            find.setString(1, key);
            try (ResultSet row = find.executeQuery()) {
                return row.next() ? Optional.of(new Stored(row.getString(1), row.getLong(2), row.getLong(3)))
                        : Optional.empty();
            }
        }
    }

    /** Counts a hit and makes the entry the most recently used; false when the entry is gone. */
    static boolean touch(Connection c, String key, long nowMillis) throws SQLException {
        return touch(c, key, nowMillis, 1);
    }

    /** Records {@code hits} hits of an entry, the last at {@code nowMillis}; false when it is gone. */
    static boolean touch(Connection c, String key, long nowMillis, long hits) throws SQLException {
        try (PreparedStatement touch = c.prepareStatement("UPDATE cache_entries SET hits = hits + ?, last_hit_ms = ?, "
                + "last_used = " + NEXT_USE + " WHERE key = ?")) {
            touch.setLong(1, hits);
            touch.setLong(2, nowMillis);
            touch.setString(3, key);
            return touch.executeUpdate() > 0;
        }
    }

    static void insert(Connection c, NewEntry entry, InputRows inputs) throws SQLException {
        deleteKeys(c, List.of(entry.key().sha256()));
        String inputIds = inputs.idsOf(c, entry.key().inputs());
        long id;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO cache_entries (key, feature, outcome, passed, "
                + "failed, skipped, duration_ms, result_json, output_digest, bytes, created_ms, input_ids, last_used) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + NEXT_USE + ")", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, entry.key().sha256());
            insert.setString(2, entry.featureId());
            insert.setString(3, entry.outcome());
            insert.setInt(4, entry.passed());
            insert.setInt(5, entry.failed());
            insert.setInt(6, entry.skipped());
            insert.setLong(7, entry.durationMillis());
            insert.setString(8, entry.json());
            insert.setString(9, entry.outputDigest());
            insert.setLong(10, entry.bytes());
            insert.setLong(11, entry.createdMillis());
            insert.setString(12, inputIds);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        insertContained(c, id, entry.containedFeatures());
    }

    private static void insertContained(Connection c, long id, Set<String> features) throws SQLException {
        try (PreparedStatement contained = c.prepareStatement(
                "INSERT OR IGNORE INTO cache_contains (entry_id, feature) VALUES (?, ?)")) {
            for (String feature : features) {
                contained.setLong(1, id);
                contained.setString(2, feature);
                contained.addBatch();
            }
            contained.executeBatch();
        }
    }

    /** Drops least recently used entries until both limits hold; returns their keys. */
    static List<String> evictOver(Connection c, int maxEntries, long maxBytes) throws SQLException {
        long[] totals = totals(c);
        long count = totals[0];
        long bytes = totals[1];
        List<String> evicted = new ArrayList<>();
        if (count <= maxEntries && bytes <= maxBytes) {
            return evicted;
        }
        try (Statement statement = c.createStatement();
             ResultSet coldest = statement.executeQuery("SELECT key, bytes FROM cache_entries ORDER BY last_used")) {
            while ((count > maxEntries || bytes > maxBytes) && coldest.next()) {
                evicted.add(coldest.getString(1));
                count--;
                bytes -= coldest.getLong(2);
            }
        }
        deleteKeys(c, evicted);
        return evicted;
    }

    /** The number of entries and the sum of their bytes. */
    static long[] totals(Connection c) throws SQLException {
        try (Statement statement = c.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*), COALESCE(SUM(bytes), 0) FROM cache_entries")) {
            row.next();
            return new long[] {row.getLong(1), row.getLong(2)};
        }
    }

    static List<FeatureCacheSummary> summaries(Connection c) throws SQLException {
        List<FeatureCacheSummary> out = new ArrayList<>();
        try (Statement statement = c.createStatement();
             ResultSet rows = statement.executeQuery("SELECT feature, COUNT(*), SUM(bytes), SUM(hits), "
                     + "SUM(hits * duration_ms) FROM cache_entries GROUP BY feature ORDER BY feature")) {
            while (rows.next()) {
                out.add(new FeatureCacheSummary(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getLong(4),
                        rows.getLong(5) / 1000.0));
            }
        }
        return out;
    }

    static List<String> keysOfFeature(Connection c, String featureId) throws SQLException {
        return keys(c, "SELECT key FROM cache_entries WHERE feature = ?1 UNION SELECT e.key FROM cache_entries e "
                + "JOIN cache_contains f ON f.entry_id = e.id WHERE f.feature = ?1", featureId);
    }

    static List<String> keysWithFile(Connection c, String path) throws SQLException {
        return keys(c, InputRows.KEYS_WITH_INPUT, CacheInput.FILE_PREFIX + path);
    }

    static int deleteAll(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            int deleted = statement.executeUpdate("DELETE FROM cache_entries");
            statement.executeUpdate("DELETE FROM cache_files");
            return deleted;
        }
    }

    private static List<String> keys(Connection c, String sql, String parameter) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
        }
        return keys;
    }

    /** Deletes the entry of {@code key} only if it is the one made at {@code createdMillis} (not one stored since). */
    static int deleteIfCreated(Connection c, String key, long createdMillis) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM cache_entries WHERE key = ? AND created_ms = ?")) {
            delete.setString(1, key);
            delete.setLong(2, createdMillis);
            int deleted = delete.executeUpdate();
            InputRows.released(c, deleted);
            return deleted;
        }
    }

    static int deleteKeys(Connection c, Collection<String> keys) throws SQLException {
        int deleted = 0;
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM cache_entries WHERE key = ?")) {
            for (String key : keys) {
                delete.setString(1, key);
                deleted += delete.executeUpdate();
            }
        }
        InputRows.released(c, deleted);
        return deleted;
    }

    /** The newest entries of a feature, newest first, except the one under {@code excludedKey}. */
    static List<CacheKey> newestOfFeature(Connection c, String featureId, String excludedKey, int limit)
            throws SQLException {
        record Row(long id, String key) {
        }
        List<Row> rowsFound = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(
                "SELECT id, key FROM cache_entries WHERE feature = ? AND key <> ? ORDER BY id DESC LIMIT ?")) {
            query.setString(1, featureId);
            query.setString(2, excludedKey);
            query.setInt(3, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    rowsFound.add(new Row(rows.getLong(1), rows.getString(2)));
                }
            }
        }
        List<CacheKey> keys = new ArrayList<>();
        for (Row row : rowsFound) {
            keys.add(new CacheKey(row.key(), InputRows.of(c, row.id())));
        }
        return keys;
    }
}
