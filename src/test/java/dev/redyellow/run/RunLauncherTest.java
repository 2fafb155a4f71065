package dev.redyellow.run;

import dev.redyellow.testkit.PyManifest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.cache.CacheSettings;
import dev.redyellow.cache.OpenedCache;
import dev.redyellow.cache.TestCaches;
import dev.redyellow.cycle.FeatureState;
import dev.redyellow.implement.ManualDecisions;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.store.RunStore;
import dev.redyellow.stream.CallbackSubscriber;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one way both front ends run a manifest: folders, streams, history, clean-up, cancel, settings. */
class RunLauncherTest {
    private static final String ADD_OK = "def add(a, b):\n    return a + b\n";
    private static final String ADD_TEST = "from add import add\nself.assertEqual(5, add(2, 3))";

    @TempDir
    Path tmp;

    private Manifest manifest() throws Exception {
        return new PyManifest().feature("add", List.of(), ADD_TEST, ADD_OK).load(tmp);
    }

    @Test
    void aRunMakesItsFolderSavesItsHistoryStreamsItsOutputAndRemovesItsWorkspaces() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (OpenedCache cache = TestCaches.open(tmp.resolve("ry.db"), CacheSettings.defaults())) {
            RunLauncher launcher = new RunLauncher(manifest(), RunSettings.defaults(tmp.resolve("runs")), cache.cache(),
                    cache.database(), ManualDecisions.NOBODY, RunListener.NONE, warnings::add, Clock.systemUTC())
                    .view("test", new CallbackSubscriber(c -> seen.add(new String(c.bytes(), StandardCharsets.UTF_8))), 64);
            RunLauncher.Launched launched = launcher.run();

            assertTrue(launched.result().allGreen());
            assertEquals(tmp.resolve("runs"), launched.runFolder().getParent());
            assertTrue(Files.isRegularFile(launcher.logFile("add", 0).orElseThrow()), "the RED proof's log is kept");
            assertFalse(Files.exists(launched.runFolder().resolve("workspaces")), "workspaces are removed");
            assertEquals(Optional.empty(), launched.keptWorkspaces());
            assertFalse(seen.isEmpty(), "the viewer got the run's output");
            List<dev.redyellow.store.RunRecord> runs = new RunStore(cache.database().orElseThrow()).recent(5);
            assertEquals(1, runs.size());
            assertEquals(launched.runFolder().getFileName().toString(), runs.get(0).id());
            assertEquals(List.of(), warnings);
        }
    }

    @Test
    void theBasesHashesAreKeptByTheFilesStampsForTheNextRun() throws Exception {
        Path helper = Files.createDirectories(tmp.resolve("base")).resolve("helper.py");
        Files.writeString(helper, "HELP = 1\n");
        Files.setLastModifiedTime(helper, java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2026-01-01T00:00:00Z")));
        Manifest manifest = new PyManifest().base("base").feature("add", List.of(), ADD_TEST, ADD_OK).load(tmp);
        Thread.sleep(2_100); // a file changed in the last two seconds is hashed but never kept (StampedHashes)
        try (OpenedCache cache = TestCaches.open(tmp.resolve("ry.db"), CacheSettings.defaults())) {
            RunLauncher launcher = new RunLauncher(manifest, RunSettings.defaults(tmp.resolve("runs")), cache.cache(),
                    cache.database(), ManualDecisions.NOBODY, RunListener.NONE, w -> { }, Clock.systemUTC());
            assertTrue(launcher.run().result().allGreen());
            String path = helper.toRealPath().toString();
            String kept = cache.database().orElseThrow().read(c -> {
                try (var q = c.prepareStatement("SELECT hash FROM file_stamps WHERE path = ?")) {
                    q.setString(1, path);
                    try (var rows = q.executeQuery()) {
                        return rows.next() ? rows.getString(1) : "none";
                    }
                }
            });
            assertEquals(dev.redyellow.files.Sha256.hex(helper), kept);
        }
    }

    @Test
    void keptWorkspacesStayAndTheCacheOffLeavesNoHistory() throws Exception {
        try (OpenedCache cache = TestCaches.open(tmp.resolve("ry.db"), CacheSettings.defaults())) {
            RunSettings settings = new RunSettings(Optional.of(1), tmp.resolve("runs"), 20, true, Optional.empty(),
                    Optional.empty(), Optional.empty(), 1 << 20, false);
            RunLauncher.Launched launched = new RunLauncher(manifest(), settings, cache.cache(), cache.database(),
                    ManualDecisions.NOBODY, RunListener.NONE, w -> { }, Clock.systemUTC()).run();

            Path kept = launched.keptWorkspaces().orElseThrow();
            try (Stream<Path> list = Files.list(kept)) {
                assertTrue(list.findAny().isPresent(), "workspaces kept in " + kept);
            }
            assertEquals(List.of(), new RunStore(cache.database().orElseThrow()).recent(5));
            assertEquals(0, cache.cache().sessionStats().requests(),
                    "the cache was not asked");
        }
    }

    @Test
    void cancelledBeforeItStartsEveryFeatureEndsCancelled() throws Exception {
        try (OpenedCache cache = TestCaches.open(tmp.resolve("ry.db"), CacheSettings.defaults())) {
            RunLauncher launcher = new RunLauncher(manifest(), RunSettings.defaults(tmp.resolve("runs")), cache.cache(),
                    cache.database(), ManualDecisions.NOBODY, RunListener.NONE, w -> { }, Clock.systemUTC());
            launcher.cancel();
            RunResult result = launcher.run().result();
            assertTrue(result.cancelled());
            assertEquals(FeatureState.CANCELLED, result.outcomes().get(0).state());
        }
    }

    @Test
    void settingsOutOfRangeAreRefusedNamingTheSettingAndTheValue() throws Exception {
        Path runs = tmp.resolve("runs");
        IllegalArgumentException workers = assertThrows(IllegalArgumentException.class, () -> new RunSettings(
                Optional.of(65), runs, 20, false, Optional.empty(), Optional.empty(), Optional.empty(), 0, true));
        assertEquals("workers (--workers) must be between 1 and 64, was 65", workers.getMessage());
        IllegalArgumentException timeout = assertThrows(IllegalArgumentException.class, () -> new RunSettings(
                Optional.empty(), runs, 20, false, Optional.of(Duration.ZERO), Optional.empty(), Optional.empty(), 0, true));
        assertTrue(timeout.getMessage().startsWith("the feature timeout (--feature-timeout) must be at least 1 second"),
                timeout.getMessage());
        IllegalArgumentException budget = assertThrows(IllegalArgumentException.class,
                () -> RunSettings.defaults(runs).withStoreBudget(-(1L << 20)));
        assertTrue(budget.getMessage().contains("was -1 MiB"), budget.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunSettings.defaults(runs).withWorkers(0));
        assertEquals(7, RunSettings.defaults(runs).withWorkers(7).workersFor(manifest()));
        assertEquals(manifest().workers(), RunSettings.defaults(runs).workersFor(manifest()));
    }
}
