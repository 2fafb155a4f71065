package dev.redyellow.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** Writes one run with its features, attempts and transitions; called inside a transaction. */
final class RunRows {

    private RunRows() {
    }

    static void replace(Connection c, RunRecord run) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM runs WHERE id = ?")) {
            delete.setString(1, run.id());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO runs (id, manifest_path, name, started_ns, "
                + "ended_ns, all_green, wall_seconds, speedup, efficiency, workers) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            insert.setString(1, run.id());
            insert.setString(2, run.manifestPath());
            insert.setString(3, run.name());
            insert.setLong(4, nanos(run.started()));
            insert.setObject(5, run.ended() == null ? null : nanos(run.ended()));
            insert.setBoolean(6, run.allGreen());
            insert.setDouble(7, run.wallSeconds());
            insert.setDouble(8, run.speedup());
            insert.setDouble(9, run.efficiency());
            insert.setInt(10, run.workers());
            insert.executeUpdate();
        }
        int position = 0;
        for (FeatureRecord feature : run.features()) {
            insertFeature(c, run.id(), position++, feature);
        }
    }

    private static void insertFeature(Connection c, String runId, int position, FeatureRecord feature)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO run_features (run_id, position, feature, "
                + "state, reason, attempts, test_runs, cache_hits, seconds) VALUES (?,?,?,?,?,?,?,?,?)")) {
            insert.setString(1, runId);
            insert.setInt(2, position);
            insert.setString(3, feature.id());
            insert.setString(4, feature.state());
            insert.setString(5, feature.reason());
            insert.setInt(6, feature.attempts());
            insert.setInt(7, feature.testRuns());
            insert.setInt(8, feature.cacheHits());
            insert.setDouble(9, feature.seconds());
            insert.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO run_attempts (run_id, feature, number, "
                + "outcome, passed, failed, seconds, cached) VALUES (?,?,?,?,?,?,?,?)")) {
            for (AttemptSummary attempt : feature.attemptLog()) {
                insert.setString(1, runId);
                insert.setString(2, feature.id());
                insert.setInt(3, attempt.number());
                insert.setString(4, attempt.outcome());
                insert.setInt(5, attempt.passed());
                insert.setInt(6, attempt.failed());
                insert.setDouble(7, attempt.seconds());
                insert.setBoolean(8, attempt.cached());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO run_transitions (run_id, feature, seq, "
                + "from_state, to_state, at_ns, reason) VALUES (?,?,?,?,?,?,?)")) {
            int seq = 0;
            for (TransitionRecord transition : feature.transitions()) {
                insert.setString(1, runId);
                insert.setString(2, feature.id());
                insert.setInt(3, seq++);
                insert.setString(4, transition.from());
                insert.setString(5, transition.to());
                insert.setLong(6, nanos(transition.at()));
                insert.setString(7, transition.reason());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Instants are kept as nanoseconds since the epoch: exact, and ordered as numbers. */
    static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
