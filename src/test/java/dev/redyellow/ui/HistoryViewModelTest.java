package dev.redyellow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.store.FeatureRecord;
import dev.redyellow.store.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The History tab's content and actions, on a real history file, without a window. */
class HistoryViewModelTest {
    @TempDir
    Path tmp;

    private final List<String> opened = new ArrayList<>();

    private static RunRecord run(String id, Instant started, boolean green) {
        return new RunRecord(id, "/p/manifest.json", "shop", started, started.plusSeconds(12), green, 12.0, 1.8, 0.9, 2,
                List.of(new FeatureRecord("add", green ? "GREEN" : "FAILED", green ? "" : "attempts-exhausted", 2, 3, 1,
                        4.5, List.of(), List.of())));
    }

    @Test
    void readsTheNewestRunsShowsASelectedRunsFeaturesAndOpensIt() {
        try (LocalData data = new LocalData(tmp.resolve("ry.db"))) {
            data.runs().orElseThrow().save(run("r1", Instant.parse("2026-12-04T10:00:00Z"), false));
            data.runs().orElseThrow().save(run("r2", Instant.parse("2026-12-04T11:00:00Z"), true));
            HistoryViewModel model = HistoryViewModel.of(new InlineTasks(), data, (r, report) -> {
                opened.add(r.id());
                report.accept("showing " + r.id());
            });
            assertFalse(model.openSelected(), "nothing selected, nothing opened");

            model.refresh();
            assertEquals(List.of("r2", "r1"), model.runs().stream().map(RunRecord::id).toList(), "newest first");
            assertEquals("2 recent runs", model.statusProperty().get());
            assertTrue(HistoryViewModel.line(model.runs().get(0)).endsWith("shop  all GREEN  12.0 s, 1.80×, 2 workers"),
                    HistoryViewModel.line(model.runs().get(0)));

            model.selectedProperty().set(model.runs().get(1));
            assertEquals("attempts-exhausted", model.features().get(0).reason());
            assertTrue(model.openSelected());
            assertEquals(List.of("r1"), opened);
            assertEquals("showing r1", model.statusProperty().get());
            model.selectedProperty().set(null);
            assertEquals(List.of(), model.features());
        }
    }

    @Test
    void anEmptyHistorySaysWhereItLookedAndAnUnreadableOneSaysWhy() throws Exception {
        try (LocalData data = new LocalData(tmp.resolve("ry.db"))) {
            HistoryViewModel model = HistoryViewModel.of(new InlineTasks(), data, (r, report) -> { });
            model.refresh();
            assertEquals("no runs recorded in " + tmp.resolve("ry.db"), model.statusProperty().get());
        }
        HistoryViewModel broken = new HistoryViewModel(new InlineTasks(), () -> {
            throw new java.io.IOException("disk gone");
        }, "x", (r, report) -> { });
        broken.refresh();
        assertEquals("The history could not be read: disk gone", broken.statusProperty().get());
        assertTrue(Files.exists(tmp.resolve("ry.db")));
    }
}
