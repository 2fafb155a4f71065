package dev.redyellow.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the features of a stored run with their attempts and transitions, in recorded order. */
final class RunReads {

    private RunReads() {
    }

    static List<FeatureRecord> features(Connection c, String runId) throws SQLException {
        List<FeatureRecord> features = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(
                "SELECT * FROM run_features WHERE run_id = ? ORDER BY position")) {
            query.setString(1, runId);
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    features.add(new FeatureRecord(r.getString("feature"), r.getString("state"),
                            r.getString("reason"), r.getInt("attempts"), r.getInt("test_runs"),
                            r.getInt("cache_hits"), r.getDouble("seconds"), List.of(), List.of()));
                }
            }
        }
        List<FeatureRecord> complete = new ArrayList<>();
        for (FeatureRecord f : features) {
            complete.add(new FeatureRecord(f.id(), f.state(), f.reason(), f.attempts(), f.testRuns(), f.cacheHits(),
                    f.seconds(), attempts(c, runId, f.id()), transitions(c, runId, f.id())));
        }
        return complete;
    }

    private static List<AttemptSummary> attempts(Connection c, String runId, String feature) throws SQLException {
        List<AttemptSummary> attempts = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(
                "SELECT * FROM run_attempts WHERE run_id = ? AND feature = ? ORDER BY number")) {
            query.setString(1, runId);
            query.setString(2, feature);
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    attempts.add(new AttemptSummary(r.getInt("number"), r.getString("outcome"), r.getInt("passed"),
                            r.getInt("failed"), r.getDouble("seconds"), r.getBoolean("cached")));
                }
            }
        }
        return attempts;
    }

    private static List<TransitionRecord> transitions(Connection c, String runId, String feature)
            throws SQLException {
        List<TransitionRecord> transitions = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(
                "SELECT * FROM run_transitions WHERE run_id = ? AND feature = ? ORDER BY seq")) {
            query.setString(1, runId);
            query.setString(2, feature);
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    transitions.add(new TransitionRecord(r.getString("from_state"), r.getString("to_state"),
                            RunRows.instant(r.getLong("at_ns")), r.getString("reason")));
                }
            }
        }
        return transitions;
    }
}
