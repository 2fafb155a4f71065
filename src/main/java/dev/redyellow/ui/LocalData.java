package dev.redyellow.ui;

import dev.redyellow.cache.CacheSettings;
import dev.redyellow.cache.OpenedCache;
import dev.redyellow.cache.TestCache;
import dev.redyellow.cache.TestCaches;
import dev.redyellow.store.DiscoveryStore;
import dev.redyellow.store.RunStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Optional;

/**
 * The RedYellow file for this session of the app: the test cache and the run history share it. Opened
 * once, on first use, from a background task (never the FX thread); closed when the app stops.
 */
public final class LocalData implements AutoCloseable {
    private final Path file;
    private OpenedCache opened;
    /** One-line warnings of the file not shown yet: opening it, and any later damage or full disk. */
    private final List<String> unshown = new CopyOnWriteArrayList<>();

    public LocalData(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    private synchronized OpenedCache opened() {
        if (opened == null) {
            opened = TestCaches.open(file, CacheSettings.defaults());
            unshown.addAll(opened.warnings());
            opened.database().ifPresent(d -> d.onWarning(unshown::add));
        }
        return opened;
    }

    public TestCache cache() {
        return opened().cache();
    }

    /** The opened file, shared by the cache, the history and the discoveries; empty without a usable file. */
    public Optional<dev.redyellow.store.Database> database() {
        return opened().database();
    }

    /** Adds a warning to show once (a history that could not be read or saved). */
    public void warn(String warning) {
        unshown.add(warning);
    }

    public Optional<RunStore> runs() {
        return opened().database().map(RunStore::new);
    }

    /** What runs of each manifest discovered about its dependencies; empty without a usable file. */
    public Optional<DiscoveryStore> discoveries() {
        return opened().database().map(DiscoveryStore::new);
    }

    /** The warnings not shown yet (each once), oldest first; empty when all is well. */
    public List<String> takeWarnings() {
        List<String> taken = List.copyOf(unshown);
        unshown.removeAll(taken);
        return taken;
    }

    /** Why the file could not be used as it is (moved aside, unwritable); empty when all is well. */
    public List<String> warnings() {
        return opened().warnings();
    }

    @Override
    public synchronized void close() {
        if (opened != null) {
            opened.close();
            opened = null;
        }
    }
}
