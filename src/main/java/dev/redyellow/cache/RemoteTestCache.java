package dev.redyellow.cache;

import dev.redyellow.testing.TestResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The shared tier behind a local cache, for one run. A local miss asks the remote; a remote hit is
 * stored locally and counted as a hit; a stored result goes to the local file at once and to the
 * remote in the background, through a bounded queue that {@link #flush} drains at the end of the run
 * within the settings' limit. The first failure of the remote (refused, timed out, a 5xx, a body that
 * does not match its hash) gives one warning and turns the remote off for the rest of this instance's
 * life, so a failing server costs one time-out, never the run. Everything else goes to the local cache.
 */
public final class RemoteTestCache implements TestCache {
    private static final System.Logger LOG = System.getLogger(RemoteTestCache.class.getName());

    private final TestCache local;
    private final RemoteCacheSettings settings;
    private final CacheSettings policy;
    private final HttpRemoteStore remote;
    private final Consumer<String> warnings;
    private final ResultJson json = new ResultJson();
    private final ThreadPoolExecutor uploader;
    private final AtomicReference<String> offReason = new AtomicReference<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong hitMillis = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong uploads = new AtomicLong();
    private final AtomicLong uploadsLost = new AtomicLong();
    private final Object idle = new Object();
    private int pending;

    /**
     * @param authorization the Authorization header's value (see {@link RemoteCacheSettings#authorization})
     * @param warnings      where the one warning of a failing remote goes (the console, the window)
     */
    RemoteTestCache(TestCache local, RemoteCacheSettings settings, Optional<String> authorization, CacheSettings policy,
                    Consumer<String> warnings) {
        this.local = Objects.requireNonNull(local, "local");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.remote = new HttpRemoteStore(settings, authorization);
        // Two uploads at a time; idle threads end on their own, so an instance needs no closing.
        this.uploader = new ThreadPoolExecutor(2, 2, 2, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.queueCapacity()), r -> {
                    Thread t = new Thread(r, "redyellow-remote-cache-upload");
                    t.setDaemon(true);
                    return t;
                });
        uploader.allowCoreThreadTimeOut(true);
    }

    /** What the local tier holds; the server is not asked. */
    @Override
    public boolean holds(CacheKey key) {
        return local.holds(key);
    }

    @Override
    public Optional<TestResult> lookup(CacheKey key) {
        Optional<TestResult> found = local.lookup(key);
        if (found.isPresent() || offReason.get() != null) {
            return found;
        }
        try {
            Optional<TestResult> fetched = fetch(key);
            fetched.ifPresentOrElse(r -> {
                hits.incrementAndGet();
                hitMillis.addAndGet(r.durationMillis());
            }, misses::incrementAndGet);
            return fetched;
        } catch (HttpRemoteStore.Failure | RuntimeException e) {
            turnOff(e);
            return Optional.empty();
        } catch (InterruptedException e) {
            // the run is being stopped: a miss, and the stop goes on
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Optional<TestResult> fetch(CacheKey key) throws HttpRemoteStore.Failure, InterruptedException {
        Optional<byte[]> entryBody = remote.get(HttpRemoteStore.Space.AC, key.sha256());
        if (entryBody.isEmpty()) {
            return Optional.empty();
        }
        RemoteEntry entry = RemoteEntry.decode(entryBody.get(), key.sha256());
        String resultJson;
        if (entry.inline()) {
            resultJson = entry.result();
        } else {
            // The blob may be gone while its entry stays (a server evicts each on its own): a miss, not a fault.
            Optional<byte[]> resultBody = remote.get(HttpRemoteStore.Space.CAS, entry.resultSha256());
            if (resultBody.isEmpty()) {
                return Optional.empty();
            }
            resultJson = new String(resultBody.get(), StandardCharsets.UTF_8);
        }
        TestResult result = json.decode(resultJson);
        local.store(key, entry.featureId(), entry.containedFeatures(), result);
        return Optional.of(result);
    }

    @Override
    public void store(CacheKey key, String featureId, Set<String> containedFeatures, TestResult result) {
        local.store(key, featureId, containedFeatures, result);
        if (settings.readOnly() || !policy.keeps(result.outcome())) {
            return;
        }
        if (offReason.get() != null) {
            uploadsLost.incrementAndGet();
            return;
        }
        Set<String> contained = Set.copyOf(containedFeatures);
        synchronized (idle) {
            pending++;
        }
        try {
            uploader.execute(new Upload(key, featureId, contained, result));
        } catch (RejectedExecutionException full) {
            uploadsLost.incrementAndGet();
            done();
        }
    }

    /** One result on its way to the remote: a large one's blob first, so an entry never names a missing blob. */
    private final class Upload implements Runnable {
        private final CacheKey key;
        private final String featureId;
        private final Set<String> contained;
        private final TestResult result;

        Upload(CacheKey key, String featureId, Set<String> contained, TestResult result) {
            this.key = key;
            this.featureId = featureId;
            this.contained = contained;
            this.result = result;
        }

        @Override
        public void run() {
            try {
                if (offReason.get() != null) {
                    uploadsLost.incrementAndGet();
                    return;
                }
                byte[] body = json.encode(result).getBytes(StandardCharsets.UTF_8);
                RemoteEntry entry = RemoteEntry.of(key, featureId, contained, result, body);
                if (!entry.inline()) {
                    remote.put(HttpRemoteStore.Space.CAS, entry.resultSha256(), body);
                }
                remote.put(HttpRemoteStore.Space.AC, key.sha256(), entry.encode());
                uploads.incrementAndGet();
            } catch (HttpRemoteStore.Failure | RuntimeException e) {
                uploadsLost.incrementAndGet();
                turnOff(e);
            } catch (InterruptedException e) {
                uploadsLost.incrementAndGet();
                Thread.currentThread().interrupt();
            } finally {
                done();
            }
        }
    }

    private void done() {
        synchronized (idle) {
            pending--;
            idle.notifyAll();
        }
    }

    /**
     * Writes the local tier's pending hits and waits, at most the settings' flush limit, for the uploads
     * still queued; those not started by then are dropped (and counted), with a warning.
     */
    @Override
    public void flush() {
        local.flush();
        long deadline = System.nanoTime() + settings.flushLimit().toNanos();
        synchronized (idle) {
            try {
                while (pending > 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    TimeUnit.NANOSECONDS.timedWait(idle, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Runnable> waiting = new ArrayList<>();
        uploader.getQueue().drainTo(waiting);
        if (!waiting.isEmpty()) {
            uploadsLost.addAndGet(waiting.size());
            waiting.forEach(w -> done());
            warnings.accept("the remote cache " + settings.url() + " did not take " + waiting.size()
                    + " result(s) within " + settings.flushLimit().toSeconds() + " s; they are kept locally only");
        }
    }

    private void turnOff(Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (offReason.compareAndSet(null, reason)) {
            LOG.log(System.Logger.Level.INFO, "remote cache " + settings.url() + " failed", e); // the trace: log file only
            warnings.accept("the remote cache " + settings.url() + " failed: " + reason
                    + "; this run goes on with the local cache only");
        }
    }

    /** Whether a failure turned the remote off. */
    public boolean remoteOff() {
        return offReason.get() != null;
    }

    @Override
    public Optional<RemoteCacheStats> remoteStats() {
        return Optional.of(new RemoteCacheStats(settings.url().toString(), settings.readOnly(), remote.requests(),
                hits.get(), misses.get(), remote.errors(), remote.bytesUp(), remote.bytesDown(), remote.seconds(),
                uploads.get(), uploadsLost.get(), Optional.ofNullable(offReason.get())));
    }

    /** The local counters, with the remote's hits counted as hits (the local file saw them as misses). */
    @Override
    public CacheStats sessionStats() {
        CacheStats s = local.sessionStats();
        long remoteHits = hits.get();
        return CacheStats.of(s.hits() + remoteHits, Math.max(0, s.misses() - remoteHits),
                s.savedSeconds() + hitMillis.get() / 1000.0, s.entries(), s.bytes(), s.evictions(), s.invalidations());
    }

    @Override
    public int invalidateFeature(String featureId) {
        return local.invalidateFeature(featureId);
    }

    @Override
    public int invalidateFile(String path) {
        return local.invalidateFile(path);
    }

    @Override
    public void clear() {
        local.clear();
    }

    @Override
    public CacheStats stats() {
        return local.stats();
    }

    @Override
    public Optional<MissExplanation> why(String featureId) {
        return local.why(featureId);
    }

    @Override
    public Optional<MissExplanation> why(String featureId, CacheKey current) {
        return local.why(featureId, current);
    }

    @Override
    public List<FeatureCacheSummary> featureSummaries() {
        return local.featureSummaries();
    }
}
