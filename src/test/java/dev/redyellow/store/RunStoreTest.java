package dev.redyellow.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {
    @TempDir
    Path dir;

    private static final Instant START = Instant.parse("2026-01-10T10:00:00.123456789Z");

    private static FeatureRecord feature(String id, String state, double seconds) {
        return new FeatureRecord(id, state, state.equals("GREEN") ? "approved" : "attempts-exhausted", 2, 3, 1,
                seconds,
                List.of(new AttemptSummary(1, "FAILED", 1, 1, seconds / 2, false),
                        new AttemptSummary(2, "PASSED", 2, 0, seconds / 2, true)),
                List.of(new TransitionRecord("PENDING", "RED", START.plusMillis(10), "tests fail without code"),
                        new TransitionRecord("RED", "YELLOW", START.plusNanos(2_000_000_001L), "2 passed"),
                        new TransitionRecord("YELLOW", "GREEN", START.plusSeconds(3), null)));
    }

    private static RunRecord run(String id, String name, Instant started, List<FeatureRecord> features) {
        return new RunRecord(id, "/work/" + name + "/manifest.json", name, started, started.plusSeconds(9), true,
                9.1, 2.38, 0.95, 3, features);
    }

    @Test
    void readsBackARunExactlyAsItWasSaved() throws SQLException {
        RunRecord run = run("run-1", "string-tools", START, List.of(feature("slugify", "GREEN", 4.2),
                feature("normalize", "FAILED", 1.5)));
        try (Database database = Database.open(dir.resolve("redyellow.db"))) {
            new RunStore(database).save(run);
        }
        try (Database database = Database.open(dir.resolve("redyellow.db"))) {
            assertEquals(Optional.of(run), new RunStore(database).find("run-1"));
            assertEquals(Optional.empty(), new RunStore(database).find("run-2"));
        }
    }

    @Test
    void replacesARunSavedAgainUnderTheSameId() throws SQLException {
        try (Database database = Database.open(dir.resolve("redyellow.db"))) {
            RunStore runs = new RunStore(database);
            RunRecord started = new RunRecord("run-1", "m.json", "tools", START, null, false, 0, 0, 0, 2, List.of());
            runs.save(started);
            assertEquals(Optional.of(started), runs.find("run-1"));
            RunRecord ended = run("run-1", "tools", START, List.of(feature("slugify", "GREEN", 4.2)));
            runs.save(ended);
            assertEquals(Optional.of(ended), runs.find("run-1"));
            assertEquals(1, runs.recent(10).size());
        }
    }

    @Test
    void listsRecentRunsNewestFirst() throws SQLException {
        try (Database database = Database.open(dir.resolve("redyellow.db"))) {
            RunStore runs = new RunStore(database);
            for (int i = 0; i < 5; i++) {
                runs.save(run("run-" + i, "tools", START.plusSeconds(60L * i), List.of()));
            }
            assertEquals(List.of("run-4", "run-3", "run-2"), runs.recent(3).stream().map(RunRecord::id).toList());
        }
    }

    @Test
    void estimatesAFeatureFromItsLastGreenRunsOfTheSameManifest() throws SQLException {
        try (Database database = Database.open(dir.resolve("redyellow.db"))) {
            RunStore runs = new RunStore(database);
            double[] slugify = {100, 2, 4, 6, 8, 10};
            for (int i = 0; i < slugify.length; i++) {
                runs.save(run("run-" + i, "tools", START.plusSeconds(60L * i), List.of(
                        feature("slugify", "GREEN", slugify[i]), feature("normalize", i == 5 ? "GREEN" : "FAILED", 7))));
            }
            runs.save(run("other", "other-project", START.plusSeconds(1_000), List.of(feature("slugify", "GREEN", 50))));

            Map<String, Double> estimates = runs.featureEstimates("tools");

            assertEquals(6.0, estimates.get("slugify"), 1e-9, "mean of the last five: 2, 4, 6, 8, 10");
            assertEquals(7.0, estimates.get("normalize"), 1e-9, "only its GREEN run counts");
            assertEquals(2, estimates.size());
            assertTrue(runs.featureEstimates("never-ran").isEmpty());
        }
    }

    @Test
    void estimatesComeFromTheManifestsLatestRunsOnly() throws SQLException {
        try (Database database = Database.open(dir.resolve("redyellow.db"))) {
            RunStore runs = new RunStore(database);
            // an old GREEN run of "legacy", then a window's worth of runs where it never ends GREEN
            runs.save(run("old", "tools", START, List.of(feature("legacy", "GREEN", 3), feature("slugify", "GREEN", 90))));
            for (int i = 1; i <= RunStore.ESTIMATE_WINDOW; i++) {
                runs.save(run("run-" + i, "tools", START.plusSeconds(60L * i), List.of(
                        feature("legacy", "FAILED", 1), feature("slugify", "GREEN", 2))));
            }

            Map<String, Double> estimates = runs.featureEstimates("tools");

            assertEquals(2.0, estimates.get("slugify"), 1e-9, "the last five of the window, not the old 90 s");
            assertTrue(!estimates.containsKey("legacy"), "GREEN only before the window: " + estimates);
        }
    }
}
