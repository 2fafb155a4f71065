package dev.redyellow.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** The cache's counters in the file, so every process and the {@code cache stats} command see the totals. */
final class CounterRows {
    private static final String ADD = "INSERT INTO cache_counters(name, value) VALUES (?, ?) "
            + "ON CONFLICT(name) DO UPDATE SET value = value + excluded.value";

    private CounterRows() {
    }

    static void add(Connection connection, Tally delta) throws SQLException {
        Map<String, Double> values = Map.of("hits", (double) delta.hits(), "misses", (double) delta.misses(),
                "saved_seconds", delta.savedSeconds(), "evictions", (double) delta.evictions(),
                "invalidations", (double) delta.invalidations());
        try (PreparedStatement add = connection.prepareStatement(ADD)) {
            for (Map.Entry<String, Double> value : values.entrySet()) {
                if (value.getValue() != 0) {
                    add.setString(1, value.getKey());
                    add.setDouble(2, value.getValue());
                    add.addBatch();
                }
            }
            add.executeBatch();
        }
    }

    static Tally read(Connection connection) throws SQLException {
        Map<String, Double> values = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name, value FROM cache_counters")) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getDouble(2));
            }
        }
        return new Tally(Math.round(values.getOrDefault("hits", 0.0)), Math.round(values.getOrDefault("misses", 0.0)),
                values.getOrDefault("saved_seconds", 0.0), Math.round(values.getOrDefault("evictions", 0.0)),
                Math.round(values.getOrDefault("invalidations", 0.0)));
    }

    static void reset(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM cache_counters");
        }
    }
}
