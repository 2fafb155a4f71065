package dev.redyellow.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The inputs of cache entries, each distinct (name, hash) once in {@code cache_files}; an entry keeps
 * the ids of its inputs as a JSON array ({@code cache_entries.input_ids}). On the real-code case the
 * 533 entries of a cycle had 510,547 inputs but only 1,822 distinct ones: a row per input made 92 % of
 * the file and most of the writes of every stored result (schema migration 8).
 *
 * <p>The ids of pairs seen before are remembered, so storing an entry whose files are known costs one
 * check, made in the write's transaction: that each remembered id still names its pair. An id may have
 * gone meanwhile (rows no entry uses are deleted when entries go, by this process or another one on the
 * same file) or name another pair (a damaged file replaced by a fresh one, an insert rolled back); then
 * every id is looked up again.
 *
 * <p>Which rows no entry uses is known only by reading every entry's ids, so that is done once as many
 * entries were deleted since the last time as a quarter of those left (at least
 * {@value #RELEASED_BEFORE_DROP}; a full cache evicts one per stored result), and when the cache is
 * cleared. Unused rows meanwhile cost only their bytes. A drop that fails (a full disk, where the
 * deletions are making room) is undone alone and tried again later.
 */
final class InputRows {
    /** Beyond this many remembered pairs the memory starts over (a long session over many projects). */
    private static final int REMEMBERED = 20_000;

    /** The fewest entries deleted before the rows no entry uses are dropped. */
    static final int RELEASED_BEFORE_DROP = 512;
    private static final String RELEASED = "input_rows_released";

    private static final com.fasterxml.jackson.databind.ObjectMapper PAIRS =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final Map<CacheInput, Long> ids = new HashMap<>();

    /** The JSON array of the ids of {@code inputs} (one per name: the last wins, as a key has one per name). */
    synchronized String idsOf(Connection c, List<CacheInput> inputs) throws SQLException {
        Map<String, CacheInput> byName = new LinkedHashMap<>();
        inputs.forEach(input -> byName.put(input.name(), input));
        List<CacheInput> unique = new ArrayList<>(byName.values());
        List<Long> known = resolve(c, unique);
        if (stillNamed(c, unique, known) == unique.size()) {
            return json(known);
        }
        ids.clear(); // a remembered id is gone or names another pair now: every id is looked up again
        List<Long> again = resolve(c, unique);
        if (stillNamed(c, unique, again) != unique.size()) {
            throw new SQLException("the cache's input rows changed while an entry was written");
        }
        return json(again);
    }

    private List<Long> resolve(Connection c, List<CacheInput> inputs) throws SQLException {
        List<CacheInput> unknown = inputs.stream().filter(i -> !ids.containsKey(i)).toList();
        if (!unknown.isEmpty()) {
            if (ids.size() + unknown.size() > REMEMBERED) {
                ids.clear();
                unknown = inputs;
            }
            try (PreparedStatement insert = c.prepareStatement(
                         "INSERT OR IGNORE INTO cache_files (name, hash) VALUES (?, ?)");
                 PreparedStatement find = c.prepareStatement(
                         "SELECT id FROM cache_files WHERE name = ? AND hash = ?")) {
                for (CacheInput input : unknown) {
                    insert.setString(1, input.name());
                    insert.setString(2, input.hash());
                    insert.addBatch();
                }
                insert.executeBatch();
                for (CacheInput input : unknown) {
                    find.setString(1, input.name());
                    find.setString(2, input.hash());
                    try (ResultSet row = find.executeQuery()) {
                        if (!row.next()) {
                            throw new SQLException("the cache's input row for " + input.name() + " was not written");
                        }
                        ids.put(input, row.getLong(1));
                    }
                }
            }
        }
        List<Long> found = new ArrayList<>(inputs.size());
        inputs.forEach(input -> found.add(ids.get(input)));
        return found;
    }

    /** How many of {@code ids} name the pair of {@code inputs} at the same place. */
    private static long stillNamed(Connection c, List<CacheInput> inputs, List<Long> ids) throws SQLException {
        com.fasterxml.jackson.databind.node.ArrayNode rows = PAIRS.createArrayNode();
        for (int i = 0; i < inputs.size(); i++) {
            rows.addArray().add(ids.get(i)).add(inputs.get(i).name()).add(inputs.get(i).hash());
        }
        try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM json_each(?) j JOIN cache_files f"
                + " ON f.id = j.value ->> 0 AND f.name = j.value ->> 1 AND f.hash = j.value ->> 2")) {
            count.setString(1, rows.toString());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String json(List<Long> ids) {
        StringJoiner joined = new StringJoiner(",", "[", "]");
        ids.forEach(id -> joined.add(Long.toString(id)));
        return joined.toString();
    }

    /** The inputs of the entry with this id, by name. */
    static List<CacheInput> of(Connection c, long entryId) throws SQLException {
        List<CacheInput> inputs = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement("SELECT f.name, f.hash FROM cache_entries e,"
                + " json_each(e.input_ids) j JOIN cache_files f ON f.id = j.value WHERE e.id = ? ORDER BY f.name")) {
            query.setLong(1, entryId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    inputs.add(new CacheInput(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return inputs;
    }

    /** The query of the keys of entries with an input named {@code ?1}: a scan, as no index is by name. */
    static final String KEYS_WITH_INPUT = "SELECT e.key FROM cache_entries e WHERE EXISTS"
            + " (SELECT 1 FROM json_each(e.input_ids) j WHERE j.value IN (SELECT id FROM cache_files WHERE name = ?1))";

    /** Counts {@code deleted} entries; past the threshold (see the class comment) drops the rows no entry uses. */
    static void released(Connection c, int deleted) throws SQLException {
        if (deleted <= 0) {
            return;
        }
        try (PreparedStatement add = c.prepareStatement("INSERT INTO cache_counters(name, value) VALUES (?, ?) "
                + "ON CONFLICT(name) DO UPDATE SET value = value + excluded.value")) {
            add.setString(1, RELEASED);
            add.setDouble(2, deleted);
            add.executeUpdate();
        }
        double released;
        try (PreparedStatement read = c.prepareStatement("SELECT value FROM cache_counters WHERE name = ?")) {
            read.setString(1, RELEASED);
            try (ResultSet row = read.executeQuery()) {
                row.next();
                released = row.getDouble(1);
            }
        }
        // the count of entries is read only past the floor: a full cache deletes one entry per stored result
        if (released >= RELEASED_BEFORE_DROP && released >= entries(c) / 4) {
            try (Statement statement = c.createStatement()) {
                statement.execute("SAVEPOINT drop_unused_inputs");
                try {
                    dropUnused(c);
                    statement.execute("RELEASE drop_unused_inputs");
                } catch (SQLException e) {
                    // the deletions that counted stay; only the drop is undone, and tried after the next ones
                    statement.execute("ROLLBACK TO drop_unused_inputs");
                    statement.execute("RELEASE drop_unused_inputs");
                }
            }
        }
    }

    private static long entries(Connection c) throws SQLException {
        try (Statement statement = c.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM cache_entries")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Deletes the rows no entry uses any more. */
    static void dropUnused(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.executeUpdate("DELETE FROM cache_files WHERE id NOT IN"
                    + " (SELECT j.value FROM cache_entries e, json_each(e.input_ids) j)");
            statement.executeUpdate("DELETE FROM cache_counters WHERE name = '" + RELEASED + "'");
        }
    }
}
