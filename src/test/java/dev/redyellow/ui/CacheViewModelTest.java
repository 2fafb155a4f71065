package dev.redyellow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.cache.CacheInput;
import dev.redyellow.cache.CacheKey;
import dev.redyellow.testing.TestCase;
import dev.redyellow.testing.TestOutcome;
import dev.redyellow.testing.TestResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheViewModelTest {
    @TempDir
    Path dir;
    private LocalData data;
    private CacheViewModel cache;

    private static CacheKey key(String file, String hash) {
        return CacheKey.of(List.of(new CacheInput("settings", "s"), CacheInput.file(file, hash)));
    }

    private void fill() {
        data = new LocalData(dir.resolve("redyellow.db"));
        cache = new CacheViewModel(new InlineTasks(), data);
        TestResult passed = new TestResult(TestOutcome.PASSED, 1, 0, 0,
                List.of(new TestCase("t", TestCase.Status.PASSED, "", 1)), 1200, "", "");
        data.cache().store(key("a.py", "1"), "alpha", Set.of(), passed);
        data.cache().store(key("a.py", "2"), "alpha", Set.of(), passed);
        data.cache().store(key("b.py", "1"), "beta", Set.of("alpha"), passed);
    }

    @AfterEach
    void close() {
        data.close();
    }

    @Test
    void showsEntriesPerFeature() {
        fill();
        cache.refresh();
        assertEquals(List.of("alpha", "beta"), cache.features().stream().map(f -> f.featureId()).toList());
        assertEquals(3, cache.totalsProperty().get().entries());
    }

    @Test
    void invalidatingAFeatureDropsTheEntriesThatContainedIt() {
        fill();
        cache.invalidate("alpha");
        assertEquals(0, cache.totalsProperty().get().entries());
        assertTrue(cache.answerProperty().get().startsWith("Dropped 3 entries"), cache.answerProperty().get());
    }

    @Test
    void explainsWhichInputChanged() {
        fill();
        cache.why("alpha");
        assertTrue(cache.answerProperty().get().contains("changed file:a.py"), cache.answerProperty().get());
    }

    @Test
    void clearEmptiesTheFile() {
        fill();
        cache.clear();
        assertTrue(cache.features().isEmpty());
        assertEquals(0, data.cache().stats().entries());
    }

    @Test
    void invalidatingAFileDropsTheEntriesThatHeldIt() {
        fill();
        cache.invalidateFile(" a.py ");
        assertEquals(1, cache.totalsProperty().get().entries());
        assertTrue(cache.answerProperty().get().startsWith("Dropped 2 entries whose workspace held a.py"),
                cache.answerProperty().get());
    }

    @Test
    void badSettingsAreNamedAndChangeNothing() {
        fill();
        dev.redyellow.cache.CacheSettings before = data.settings();
        cache.ttlProperty().set("soon");
        cache.applySettings();
        assertTrue(cache.answerProperty().get().startsWith("Settings not applied: 'soon' is not a duration"),
                cache.answerProperty().get());
        cache.ttlProperty().set("");
        cache.remoteUrlProperty().set("https://bob:pw@cache.example");
        cache.applySettings();
        assertTrue(cache.answerProperty().get().contains("must not hold credentials"), cache.answerProperty().get());
        assertEquals(before, data.settings());
        assertEquals(java.util.Optional.empty(), data.remote());
    }

    @Test
    void settingsApplyToTheFileAndTheNextRunAndTheTabShowsTheRemoteFigures() throws Exception {
        fill();
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        cache.ttlProperty().set("7d");
        cache.keepFailuresProperty().set(false);
        cache.maxEntriesProperty().set("2");
        cache.remoteUrlProperty().set("http://127.0.0.1:" + port);
        cache.remoteReadOnlyProperty().set(true);
        cache.applySettings();
        assertTrue(cache.answerProperty().get().startsWith("Settings applied; remote cache http://127.0.0.1:" + port
                + " (read-only)"), cache.answerProperty().get());
        assertEquals(java.util.Optional.of(java.time.Duration.ofDays(7)), data.settings().ttl());
        assertEquals(2, data.settings().maxEntries());
        assertTrue(!data.settings().cacheFailures());

        // what the run launcher does for a run of the window: the remote tier behind the file, then the figures kept
        dev.redyellow.cache.TestCache run = dev.redyellow.cache.RemoteCaches.wrap(data.cache(), data.remote(),
                data.settings(), java.util.Map.of(), data::warn);
        assertEquals(java.util.Optional.empty(), run.lookup(key("c.py", "1")));
        data.rememberRemote(run.remoteStats());
        List<String> warnings = data.takeWarnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("local cache only"), warnings.get(0));
        cache.refresh();
        String figures = cache.remoteFiguresProperty().get();
        assertTrue(figures.contains("1 requests") && figures.contains("1 errors") && figures.contains("off:"), figures);
    }
}
