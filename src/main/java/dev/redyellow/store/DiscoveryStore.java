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
}
