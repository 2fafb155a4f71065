package dev.redyellow.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What runs of a manifest learnt about its dependencies, kept per manifest name (like duration
 * estimates): the edges discovered while running, and the paths each feature's accepted code
 * wrote, so the next run knows both before it starts. Failures of the file surface as
 * {@link StoreFailure}.
 */
public final class DiscoveryStore {

    /** A discovered edge as stored: {@code dependent} needs {@code dependency}'s code. */
    public record StoredEdge(String dependency, String dependent, String reason) {
        public StoredEdge {
            Objects.requireNonNull(dependency, "dependency");
            Objects.requireNonNull(dependent, "dependent");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final Database database;

    public DiscoveryStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Remembers an edge (an edge already known keeps its first reason). */
    public void rememberEdge(String manifestName, StoredEdge edge, Instant found) {
        StoreFailure.unchecked(() -> database.write(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT OR IGNORE INTO discovered_edges "
                    + "(name, dependency, dependent, reason, found_ns) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, manifestName);
                insert.setString(2, edge.dependency());
                insert.setString(3, edge.dependent());
                insert.setString(4, edge.reason());
                insert.setLong(5, found.getEpochSecond() * 1_000_000_000L + found.getNano());
                insert.executeUpdate();
            }
            return null;
        }));
    }

    /** The edges runs of {@code manifestName} discovered, oldest first. */
    public List<StoredEdge> edges(String manifestName) {
        return StoreFailure.unchecked(() -> database.read(c -> {
            List<StoredEdge> edges = new ArrayList<>();
            try (PreparedStatement query = c.prepareStatement("SELECT dependency, dependent, reason FROM discovered_edges "
                    + "WHERE name = ? ORDER BY found_ns, dependency, dependent")) {
                query.setString(1, manifestName);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        edges.add(new StoredEdge(rows.getString(1), rows.getString(2), rows.getString(3)));
                    }
                }
            }
            return edges;
        }));
    }

    /** Remembers the paths {@code feature}'s accepted code and tests wrote. */
    public void rememberAccepted(String manifestName, String feature, Collection<String> paths) {
        StoreFailure.unchecked(() -> database.write(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT OR IGNORE INTO accepted_paths (name, feature, path) VALUES (?, ?, ?)")) {
                for (String path : paths) {
                    insert.setString(1, manifestName);
                    insert.setString(2, feature);
                    insert.setString(3, path);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        }));
    }

    /** Per feature, the paths its accepted code wrote in runs of {@code manifestName}. */
    public Map<String, Set<String>> acceptedPaths(String manifestName) {
        return StoreFailure.unchecked(() -> database.read(c -> {
            Map<String, Set<String>> paths = new LinkedHashMap<>();
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT feature, path FROM accepted_paths WHERE name = ? ORDER BY feature, path")) {
                query.setString(1, manifestName);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        paths.computeIfAbsent(rows.getString(1), f -> new LinkedHashSet<>()).add(rows.getString(2));
                    }
                }
            }
            return paths;
        }));
    }

    /** How many sets of inferred edges the file keeps; the least recently used go first. */
    static final int INFERRED_KEPT = 32;

    /**
     * The edges inferred from the features whose {@code key} this is (see the graph's InferenceKey),
     * if kept; a row that does not read as edges counts as none (it is inferred again and replaced).
     */
    public java.util.Optional<List<StoredEdge>> inferred(String key, Instant used) {
        String json = StoreFailure.unchecked(() -> database.write(c -> {
            String found;
            try (PreparedStatement query = c.prepareStatement("SELECT edges FROM inferred_edges WHERE key = ?")) {
                query.setString(1, key);
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        return null;
                    }
                    found = rows.getString(1);
                }
            }
            try (PreparedStatement touch = c.prepareStatement("UPDATE inferred_edges SET used_ms = ? WHERE key = ?")) {
                touch.setLong(1, used.toEpochMilli());
                touch.setString(2, key);
                touch.executeUpdate();
            }
            return found;
        }));
        if (json == null) {
            return java.util.Optional.empty();
        }
        try {
            StoredEdge[] edges = EDGES_JSON.readValue(json, StoredEdge[].class);
            return java.util.Arrays.stream(edges).anyMatch(java.util.Objects::isNull) ? java.util.Optional.empty()
                    : java.util.Optional.of(List.of(edges));
        } catch (java.io.IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** Keeps the edges inferred from the features whose {@code key} this is. */
    public void rememberInferred(String key, List<StoredEdge> edges, Instant used) {
        String json;
        try {
            json = EDGES_JSON.writeValueAsString(edges);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode the inferred edges", e);
        }
        StoreFailure.unchecked(() -> database.write(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT OR REPLACE INTO inferred_edges (key, edges, used_ms) VALUES (?, ?, ?)")) {
                insert.setString(1, key);
                insert.setString(2, json);
                insert.setLong(3, used.toEpochMilli());
                insert.executeUpdate();
            }
            try (PreparedStatement prune = c.prepareStatement("DELETE FROM inferred_edges WHERE key NOT IN "
                    + "(SELECT key FROM inferred_edges ORDER BY used_ms DESC, key LIMIT " + INFERRED_KEPT + ")")) {
                prune.executeUpdate();
            }
            return null;
        }));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper EDGES_JSON = new com.fasterxml.jackson.databind.ObjectMapper();
}
