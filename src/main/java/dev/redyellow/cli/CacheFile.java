package dev.redyellow.cli;

import dev.redyellow.cache.CacheLocation;
import dev.redyellow.cache.CacheSettings;
import dev.redyellow.cache.OpenedCache;
import dev.redyellow.cache.TestCaches;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Opens the cache file named by --cache-db, REDYELLOW_DB or the default, printing its warnings. */
final class CacheFile {

    private CacheFile() {
    }

    static OpenedCache open(Path explicit, PrintWriter err) {
        return open(explicit, err, CacheSettings.defaults());
    }

    static OpenedCache open(Path explicit, PrintWriter err, CacheSettings settings) {
        Path file = CacheLocation.resolve(explicit, System.getenv());
        OpenedCache opened = TestCaches.open(file, settings);
        for (String warning : opened.warnings()) {
            err.println("redyellow: warning: " + warning);
        }
        err.flush();
        // Damage found later (a query, the history save) and a failing disk are told the same way, once each.
        opened.database().ifPresent(db -> db.onWarning(warning -> {
            synchronized (err) {
                err.println("redyellow: warning: " + warning);
                err.flush();
            }
        }));
        return opened;
    }
}
