package dev.redyellow.ui;

import dev.redyellow.cache.CacheSettings;
import dev.redyellow.cache.OpenedCache;
import dev.redyellow.cache.RemoteCacheSettings;
import dev.redyellow.cache.RemoteCacheStats;
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
    private CacheSettings settings = CacheSettings.defaults();
    private Optional<RemoteCacheSettings> remote = Optional.empty();
    /** What the remote tier did in the newest run: the Cache tab shows it. */
    private volatile Optional<RemoteCacheStats> lastRemote = Optional.empty();

    public LocalData(Path file) {
        this.file = file;
        try {
            remote = RemoteCacheSettings.resolve(null, System.getenv());
        } catch (IllegalArgumentException e) {
            unshown.add(e.getMessage() + " ($" + RemoteCacheSettings.ENV + "); no remote cache");
        }
    }

    public Path file() {
        return file;
    }

    private synchronized OpenedCache opened() {
        if (opened == null) {
            opened = TestCaches.open(file, settings);
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

    /** What the remote tier did in the newest run of the window; empty when it had none. */
    public Optional<RemoteCacheStats> lastRemoteStats() {
        return lastRemote;
    }

    /** Keeps what the remote tier did in a run, for the Cache tab. */
    public void rememberRemote(Optional<RemoteCacheStats> stats) {
        lastRemote = stats;
    }

    public synchronized CacheSettings settings() {
        return settings;
    }

    public synchronized Optional<RemoteCacheSettings> remote() {
        return remote;
    }

    /**
     * New cache settings: the remote applies from the next run; new local limits reopen the file (the
     * window calls this between runs, never during one).
     */
    public synchronized void configure(CacheSettings local, Optional<RemoteCacheSettings> remoteTier) {
        remote = remoteTier;
        if (!local.equals(settings)) {
            settings = local;
            if (opened != null) {
                opened.close();
                opened = null;
            }
        }
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
