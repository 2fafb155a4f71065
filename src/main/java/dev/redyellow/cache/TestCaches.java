package dev.redyellow.cache;

import dev.redyellow.store.DatabaseFile;
import dev.redyellow.store.OpenedDatabase;
import java.nio.file.Path;

/** Opens the test cache on a file, falling back to a disabled cache when the file cannot be used. */
public final class TestCaches {

    private TestCaches() {
    }

    /**
     * Starts loading, on a daemon thread, what opening and reading the cache will need: SQLite's native
     * library and driver, and the JSON form of a stored result. A command calls it before it reads its
     * manifest, so the two overlap (about 0.1 s of a cached re-run's start, issue 19). It touches no
     * cache file; whatever fails here fails again, and is reported, where the cache is opened.
     */
    public static void preload() {
        Thread loader = new Thread(() -> {
            try {
                dev.redyellow.store.Database.preload();
                ResultJson.learn();
            } catch (RuntimeException | LinkageError e) {
                System.getLogger(TestCaches.class.getName()).log(System.Logger.Level.DEBUG, "preloading the cache failed", e);
            }
        }, "redyellow-cache-preload");
        loader.setDaemon(true);
        loader.start();
    }

    public static OpenedCache open(Path file, CacheSettings settings) {
        OpenedDatabase opened = DatabaseFile.open(file, settings.clock());
        TestCache cache = opened.database()
                .<TestCache>map(db -> new SqliteTestCache(db, settings))
                .orElseGet(() -> new DisabledTestCache(String.join("; ", opened.warnings())));
        return new OpenedCache(cache, opened.warnings(), opened.database());
    }
}
