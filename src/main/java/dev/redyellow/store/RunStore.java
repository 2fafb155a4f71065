package dev.redyellow.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The history of runs in the RedYellow file (the same file and connection as the test cache), so
 * earlier runs survive a restart and the scheduler can estimate durations from them. Failures of the
 * file surface as {@link StoreFailure}.
 */
public final class RunStore {
    /** How many recent GREEN runs of a feature its duration estimate averages. */
    public static final int ESTIMATE_RUNS = 5;
    /** How many of a manifest's latest runs its estimates are read from. */
    public static final int ESTIMATE_WINDOW = 20;

    private final Database database;

    public RunStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Records the run, replacing an earlier record with the same id (save at start, save at end). */
    public void save(RunRecord run) {
        StoreFailure.unchecked(() -> database.write(c -> {
            RunRows.replace(c, run);
            return null;
        }));
    }

    public Optional<RunRecord> find(String runId) {
        return StoreFailure.unchecked(() -> database.read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT * FROM runs WHERE id = ?")) {
                query.setString(1, runId);
                return runs(c, query).stream().findFirst();
            }
        }));
    }

    /** The most recently started runs, newest first, with their features. */
    public List<RunRecord> recent(int limit) {
        return StoreFailure.unchecked(() -> database.read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT * FROM runs ORDER BY started_ns DESC LIMIT ?")) {
                query.setInt(1, limit);
                return runs(c, query);
            }
        }));
    }

    public Map<String, Double> featureEstimates(String manifestName) {
        return featureEstimates(manifestName, ESTIMATE_RUNS);
    }

    /**
     * Per feature id, the mean seconds of its last {@code lastRuns} GREEN results among the last
     * {@link #ESTIMATE_WINDOW} runs of the manifest named {@code manifestName}. Features never GREEN
     * there are absent (the caller's default). Only that window is read: the history keeps every run,
     * and reading all of it made each run's start slower than the last (a cached re-run of 261
     * features read 87,696 rows of 336 runs, about 0.1 s).
     */
    public Map<String, Double> featureEstimates(String manifestName, int lastRuns) {
        Map<String, List<Double>> seconds = StoreFailure.unchecked(() -> database.read(c -> {
            Map<String, List<Double>> found = new HashMap<>();
            try (PreparedStatement query = c.prepareStatement("SELECT f.feature, f.seconds FROM run_features f "
                    + "JOIN (SELECT id, started_ns FROM runs WHERE name = ? ORDER BY started_ns DESC LIMIT ?) r "
                    + "ON r.id = f.run_id WHERE f.state = 'GREEN' ORDER BY r.started_ns DESC")) {
                query.setString(1, manifestName);
                query.setInt(2, ESTIMATE_WINDOW);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        List<Double> list = found.computeIfAbsent(rows.getString(1), id -> new ArrayList<>());
                        if (list.size() < lastRuns) {
                            list.add(rows.getDouble(2));
                        }
                    }
                }
            }
            return found;
        }));
        Map<String, Double> estimates = new TreeMap<>();
        seconds.forEach((id, list) -> estimates.put(id, list.stream().mapToDouble(d -> d).average().orElseThrow()));
        return estimates;
    }

    private static List<RunRecord> runs(Connection c, PreparedStatement query) throws SQLException {
        record Header(String id, String manifestPath, String name, long started, Long ended, boolean allGreen,
                      double wall, double speedup, double efficiency, int workers) {
        }
        List<Header> headers = new ArrayList<>();
        try (ResultSet r = query.executeQuery()) {
            while (r.next()) {
                Object ended = r.getObject("ended_ns");
                headers.add(new Header(r.getString("id"), r.getString("manifest_path"), r.getString("name"),
                        r.getLong("started_ns"), ended == null ? null : ((Number) ended).longValue(),
                        r.getBoolean("all_green"), r.getDouble("wall_seconds"), r.getDouble("speedup"),
                        r.getDouble("efficiency"), r.getInt("workers")));
            }
        }
        List<RunRecord> runs = new ArrayList<>();
        for (Header h : headers) {
            runs.add(new RunRecord(h.id(), h.manifestPath(), h.name(), RunRows.instant(h.started()),
                    h.ended() == null ? null : RunRows.instant(h.ended()), h.allGreen(), h.wall(), h.speedup(),
                    h.efficiency(), h.workers(), RunReads.features(c, h.id())));
        }
        return runs;
    }
}
