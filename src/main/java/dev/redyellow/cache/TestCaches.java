package dev.redyellow.cache;

import dev.redyellow.store.DatabaseFile;
import dev.redyellow.store.OpenedDatabase;
import java.nio.file.Path;

/** Opens the test cache on a file, falling back to a disabled cache when the file cannot be used. */
public final class TestCaches {

    private TestCaches() {
    }

    public static OpenedCache open(Path file, CacheSettings settings) {
        OpenedDatabase opened = DatabaseFile.open(file, settings.clock());
        TestCache cache = opened.database()
                .<TestCache>map(db -> new SqliteTestCache(db, settings))
                .orElseGet(() -> new DisabledTestCache(String.join("; ", opened.warnings())));
        return new OpenedCache(cache, opened.warnings(), opened.database());
    }
}
