package dev.redyellow.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Old run folders go, the newest ones and the run's own stay. */
class RunFolderTest {
    @TempDir
    Path root;

    private List<String> names() throws Exception {
        try (Stream<Path> list = Files.list(root)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void pruningKeepsTheNewestOthersAndNeverTheRunsOwn() throws Exception {
        for (int day = 1; day <= 5; day++) {
            Path old = Files.createDirectories(root.resolve("2026120" + day + "-120000-shop-" + day + "/logs"));
            Files.writeString(old.resolve("a.log"), "log of day " + day);
        }
        RunFolder run = RunFolder.create(root, "shop", Instant.parse("2026-12-06T12:00:00Z"));
        assertEquals(6, names().size(), "creating does not prune");

        run.pruneOlder(root, 2);
        assertEquals(List.of("20261204-120000-shop-4", "20261205-120000-shop-5"), names().subList(0, 2));
        assertEquals(3, names().size());
        assertTrue(Files.isDirectory(run.path()));

        run.pruneOlder(root, 0);
        assertEquals(List.of(run.path().getFileName().toString()), names());
    }

    @Test
    void creatingWithAKeepPrunesAsBefore() throws Exception {
        for (int day = 1; day <= 3; day++) {
            Files.createDirectories(root.resolve("2026120" + day + "-120000-shop-" + day));
        }
        RunFolder run = RunFolder.create(root, "shop", Instant.parse("2026-12-06T12:00:00Z"), 1);
        assertEquals(List.of("20261203-120000-shop-3", run.path().getFileName().toString()), names());
    }

    @Test
    void onlyRunFoldersOfTheRunsRootAreEverRemoved() throws Exception {
        Files.createDirectories(root.resolve("20261201-120000-shop-1"));
        Files.createDirectories(root.resolve("my-notes"));
        Files.writeString(root.resolve("20261202-120000-a-file"), "not a folder");
        RunFolder run = RunFolder.create(root, "shop", Instant.parse("2026-12-06T12:00:00Z"));
        run.pruneOlder(root, 0);
        assertEquals(List.of("20261202-120000-a-file", run.path().getFileName().toString(), "my-notes"), names());

        // a run folder made elsewhere (the temporary folder, when the runs root cannot be written)
        // prunes nothing there: its neighbours are other programs'
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        Path others = Files.createDirectories(elsewhere.resolve("20261101-120000-other-program"));
        RunFolder fallback = new RunFolder(Files.createDirectories(elsewhere.resolve("redyellow-run-shop-1")));
        fallback.pruneOlder(root, 0);
        assertTrue(Files.isDirectory(others));
        fallback.pruneOlder(elsewhere, 0);
        assertTrue(!Files.exists(others), "pruned only when asked about its own root");
    }
}
