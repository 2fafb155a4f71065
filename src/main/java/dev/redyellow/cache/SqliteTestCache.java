package dev.redyellow.cache;

import dev.redyellow.files.Sha256;
import dev.redyellow.store.Database;
import dev.redyellow.store.SqlWork;
import dev.redyellow.store.StoreFailure;
import dev.redyellow.testing.TestOutcome;
import dev.redyellow.testing.TestResult;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The test cache in the RedYellow SQLite file, with decoded results in a {@link MemoryTier} in
 * front. The file is the truth: a memory hit still marks the entry used in the file, and an entry
 * another process dropped is a miss here too. {@link #lookup} and {@link #store} never throw,
 * because a failing cache must not fail a run: a database error is logged and treated as a miss.
 * A failure of the disk under the file (full, I/O error, read-only) turns the cache off for the rest
 * of this instance's life with one warning, instead of a warning for every test run that follows.
 */
public final class SqliteTestCache implements TestCache {
    private static final System.Logger LOG = System.getLogger(SqliteTestCache.class.getName());

    private final Database database;
    private final CacheSettings settings;
    private final MemoryTier memory;
    private final ResultJson json = new ResultJson();
    private final InputRows inputs = new InputRows();
    private Tally session = Tally.NONE;
    /** Memory hits not yet written to the file: key -> time of the last hit, and how many. */
    private final Map<String, long[]> pendingHits = new HashMap<>();
    private Tally pendingTally = Tally.NONE;
    /** Lookups counted in {@link #pendingTally} but not yet written (guarded by pendingHits). */
    private int pendingLookups;
    private static final int FLUSH_AFTER = 256;
    private volatile long seenDataVersion = -1;
    private volatile long lastRecheckMillis = Long.MIN_VALUE / 2;
    /** Set once the disk under the file failed: from then on every lookup is a miss, nothing is kept. */
    private final java.util.concurrent.atomic.AtomicBoolean off = new java.util.concurrent.atomic.AtomicBoolean();

    public SqliteTestCache(Database database, CacheSettings settings) {
        this.database = Objects.requireNonNull(database, "database");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.memory = new MemoryTier(settings.memoryEntries(), settings.memoryBytes());
        // On a full disk the run's history comes first: the coldest half of the entries makes room.
        database.onFull(c -> {
            long[] totals = EntryRows.totals(c);
            List<String> dropped = EntryRows.evictOver(c, (int) Math.max(0, totals[0] / 2), totals[1] / 2);
            CounterRows.add(c, Tally.evicted(dropped.size()));
            memory.removeAll(dropped);
            return dropped.size();
        });
    }

    private record Found(Optional<MemoryTier.Entry> entry, boolean fromFile, Tally tally) {
    }

    /**
     * A hit in the memory tier is answered without touching the file: its recency and the counters
     * are written behind, in batches (every {@value #FLUSH_AFTER} hits, and before any other write,
     * read of the totals, or close), so a memory hit costs a map lookup, not a transaction.
     */
    @Override
    public Optional<TestResult> lookup(CacheKey key) {
        if (off.get()) {
            addToSession(Tally.miss());
            return Optional.empty();
        }
        String sha = key.sha256();
        long now = settings.clock().millis();
        dropMemoryIfOthersWrote();
        Optional<MemoryTier.Entry> inMemory = memory.get(sha).filter(e -> !expired(e.createdMillis(), now));
        if (inMemory.isPresent()) {
            Tally hit = Tally.hit(inMemory.get().result().durationMillis());
            addToSession(hit);
            pend(sha, now, hit);
            return Optional.of(inMemory.get().result());
        }
        try {
            // A read, not a write: a re-run answered from the file looks up hundreds of keys, and their
            // recency and counters are written in batches (flush), as the memory tier's hits are.
            Optional<EntryRows.Stored> stored = database.read(c -> EntryRows.find(c, sha));
            if (stored.isPresent() && expired(stored.get().createdMillis(), now)) {
                flush();
                long created = stored.get().createdMillis();
                database.writeExpendable(c -> {
                    // only the expired entry read above: another process may have stored a fresh one since
                    EntryRows.deleteIfCreated(c, sha, created);
                    return counted(c, new Found(Optional.empty(), true, Tally.miss().plus(Tally.evicted(1))));
                });
                addToSession(Tally.miss().plus(Tally.evicted(1)));
                memory.remove(sha);
                return Optional.empty();
            }
            if (stored.isEmpty()) {
                addToSession(Tally.miss());
                pend(null, now, Tally.miss());
                memory.remove(sha);
                return Optional.empty();
            }
            TestResult result = json.decode(stored.get().json());
            memory.put(sha, new MemoryTier.Entry(result, stored.get().bytes(), stored.get().createdMillis()));
            Tally hit = Tally.hit(result.durationMillis());
            addToSession(hit);
            pend(sha, now, hit);
            return Optional.of(result);
        } catch (SQLException | RuntimeException e) {
            failed("cache lookup failed on " + database.file() + "; running the tests", e);
            addToSession(Tally.miss());
            return Optional.empty();
        }
    }

    @Override
    public boolean holds(CacheKey key) {
        if (off.get()) {
            return false;
        }
        String sha = key.sha256();
        long now = settings.clock().millis();
        dropMemoryIfOthersWrote();
        if (memory.get(sha).filter(e -> !expired(e.createdMillis(), now)).isPresent()) {
            return true;
        }
        try {
            Optional<EntryRows.Stored> stored = database.read(c -> EntryRows.find(c, sha)).filter(e -> !expired(e.createdMillis(), now));
            // The lookup that usually follows finds it in memory: one read of the file per run, not two.
            stored.ifPresent(row -> memory.put(sha, new MemoryTier.Entry(json.decode(row.json()), row.bytes(), row.createdMillis())));
            return stored.isPresent();
        } catch (SQLException | RuntimeException e) {
            return false; // the lookup that follows says what is wrong with the file
        }
    }

    /** Counts a lookup (and, for a hit, the entry's recency) to be written at the next flush; flushes when enough are waiting. */
    private void pend(String hitKey, long now, Tally tally) {
        boolean full;
        synchronized (pendingHits) {
            if (hitKey != null) {
                long[] pending = pendingHits.computeIfAbsent(hitKey, k -> new long[2]);
                pending[0] = now;
                pending[1]++;
            }
            pendingTally = pendingTally.plus(tally);
            pendingLookups++;
            full = pendingLookups >= FLUSH_AFTER;
        }
        if (full) {
            flush();
        }
    }

    /**
     * Another instance or process may have dropped entries this memory tier still holds; when the
     * file changed under us, the memory tier is emptied and refills from the file.
     */
    private void dropMemoryIfOthersWrote() {
        long now = settings.clock().millis();
        if (now - lastRecheckMillis < settings.recheck().toMillis()) {
            return;
        }
        lastRecheckMillis = now;
        try {
            long version = database.dataVersion();
            if (version != seenDataVersion) {
                seenDataVersion = version;
                memory.clear();
            }
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot check " + database.file() + " for changes; memory tier emptied", e);
            memory.clear();
        }
    }

    /** Writes the memory hits' recency and counters to the file. */
    @Override
    public void flush() {
        Map<String, long[]> hits;
        Tally tally;
        synchronized (pendingHits) {
            if (pendingLookups == 0) {
                return;
            }
            if (off.get()) {
                pendingHits.clear();
                pendingTally = Tally.NONE;
                pendingLookups = 0;
                return;
            }
            hits = new HashMap<>(pendingHits);
            tally = pendingTally;
            pendingHits.clear();
            pendingTally = Tally.NONE;
            pendingLookups = 0;
        }
        try {
            database.writeExpendable(c -> {
                for (Map.Entry<String, long[]> h : hits.entrySet()) {
                    EntryRows.touch(c, h.getKey(), h.getValue()[0], h.getValue()[1]);
                }
                CounterRows.add(c, tally);
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            failed("could not record " + hits.size() + " cache hits in " + database.file(), e);
        }
    }

    private static Found counted(Connection c, Found found) throws SQLException {
        CounterRows.add(c, found.tally());
        return found;
    }

    @Override
    public void store(CacheKey key, String featureId, Set<String> containedFeatures, TestResult result) {
        if (off.get() || !keeps(result.outcome())) {
            return;
        }
        String encoded = json.encode(result);
        long bytes = encoded.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > settings.maxBytes()) {
            LOG.log(System.Logger.Level.INFO, "a result of {0} bytes exceeds the cache limit; not kept", bytes);
            return;
        }
        flush();
        long now = settings.clock().millis();
        EntryRows.NewEntry entry = new EntryRows.NewEntry(key, featureId, Set.copyOf(containedFeatures),
                result.outcome().name(), result.passed(), result.failed(), result.skipped(), result.durationMillis(),
                encoded, Sha256.hex(result.outputTail()), bytes, now);
        try {
            List<String> evicted = database.writeExpendable(c -> {
                EntryRows.insert(c, entry, inputs);
                List<String> over = EntryRows.evictOver(c, settings.maxEntries(), settings.maxBytes());
                CounterRows.add(c, Tally.evicted(over.size()));
                return over;
            });
            addToSession(Tally.evicted(evicted.size()));
            memory.removeAll(evicted);
            if (!evicted.contains(key.sha256())) {
                memory.put(key.sha256(), new MemoryTier.Entry(result, bytes, now));
            }
        } catch (SQLException | RuntimeException e) {
            failed("cache store failed on " + database.file() + "; result not kept", e);
        }
    }

    /**
     * A lookup, store or flush failed. The trace goes to the log only; a disk failure turns the cache
     * off and the user hears of it once, through the database's warning listener.
     */
    private void failed(String what, Exception e) {
        SQLException sql = e instanceof SQLException s ? s : null;
        if (sql != null && Database.isDiskFailure(sql)) {
            LOG.log(System.Logger.Level.INFO, what, e);
            if (off.compareAndSet(false, true)) {
                memory.clear();
                database.warn("the cache file " + database.file() + " cannot be written (" + firstLine(e.getMessage())
                        + "); the cache is off for the rest of this run");
            }
            return;
        }
        // One line on the console (the command line's log format), the trace in the log file.
        LOG.log(System.Logger.Level.WARNING, what, e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** True once a disk failure turned the cache off. */
    public boolean turnedOff() {
        return off.get();
    }

    /** Whether results with this outcome are kept: TIMEOUT and ERROR never, failures by setting. */
    boolean keeps(TestOutcome outcome) {
        return switch (outcome) {
            case PASSED -> true;
            case FAILED, COMPILE_ERROR, NO_TESTS -> settings.cacheFailures();
            case TIMEOUT, ERROR -> false;
        };
    }

    private boolean expired(long createdMillis, long nowMillis) {
        return settings.ttl().map(ttl -> nowMillis - createdMillis >= ttl.toMillis()).orElse(false);
    }

    @Override
    public int invalidateFeature(String featureId) {
        return invalidate(c -> EntryRows.keysOfFeature(c, featureId));
    }

    @Override
    public int invalidateFile(String path) {
        return invalidate(c -> EntryRows.keysWithFile(c, path));
    }

    private int invalidate(SqlWork<List<String>> select) {
        flush();
        List<String> dropped = StoreFailure.unchecked(() -> database.write(c -> {
            List<String> keys = select.apply(c);
            EntryRows.deleteKeys(c, keys);
            CounterRows.add(c, Tally.invalidated(keys.size()));
            return keys;
        }));
        addToSession(Tally.invalidated(dropped.size()));
        memory.removeAll(dropped);
        return dropped.size();
    }

    @Override
    public void clear() {
        flush();
        // Clearing must work on a damaged file too: one that fails SQLite's check is replaced whole.
        StoreFailure.unchecked(database::replaceIfDamaged);
        StoreFailure.unchecked(() -> database.write(c -> {
            EntryRows.deleteAll(c);
            CounterRows.reset(c);
            return null;
        }));
        synchronized (this) {
            session = Tally.NONE;
        }
        memory.clear();
    }

    @Override
    public CacheStats stats() {
        flush();
        return StoreFailure.unchecked(() -> database.read(c -> {
            long[] totals = EntryRows.totals(c);
            return CounterRows.read(c).withContents(totals[0], totals[1]);
        }));
    }

    @Override
    public CacheStats sessionStats() {
        flush();
        long[] totals = StoreFailure.unchecked(() -> database.read(EntryRows::totals));
        synchronized (this) {
            return session.withContents(totals[0], totals[1]);
        }
    }

    /**
     * The feature's newest entry (its current key) against its nearest earlier entry: the one with the
     * same inputs present (fewest added or removed), then the fewest changed, then the newest. The entry
     * just before is often the RED proof of the same run, whose workspace lacks the code, so it would
     * name as added files that did not change since the run the user has in mind.
     */
    @Override
    public Optional<MissExplanation> why(String featureId) {
        List<CacheKey> newest = StoreFailure.unchecked(() -> database.read(
                c -> EntryRows.newestOfFeature(c, featureId, "", WHY_CANDIDATES + 1)));
        return newest.size() < 2 ? Optional.empty() : nearest(featureId, newest.get(0), newest.subList(1, newest.size()));
    }

    @Override
    public Optional<MissExplanation> why(String featureId, CacheKey current) {
        List<CacheKey> earlier = StoreFailure.unchecked(() -> database.read(
                c -> EntryRows.newestOfFeature(c, featureId, current.sha256(), WHY_CANDIDATES)));
        return nearest(featureId, current, earlier);
    }

    /** How many earlier entries {@code why} looks through for the nearest. */
    private static final int WHY_CANDIDATES = 200;

    private static Optional<MissExplanation> nearest(String featureId, CacheKey current, List<CacheKey> newestFirst) {
        MissExplanation best = null;
        for (CacheKey earlier : newestFirst) {
            MissExplanation e = MissExplanation.compare(featureId, earlier, current);
            if (best == null || DISTANCE.compare(e, best) < 0) {
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }

    private static final java.util.Comparator<MissExplanation> DISTANCE = java.util.Comparator
            .<MissExplanation>comparingInt(e -> e.added().size() + e.removed().size())
            .thenComparingInt(e -> e.changed().size());

    @Override
    public List<FeatureCacheSummary> featureSummaries() {
        flush();
        return StoreFailure.unchecked(() -> database.read(EntryRows::summaries));
    }

    /** How many decoded results are held in memory (for tests and benchmarks). */
    public int memoryEntries() {
        return memory.size();
    }

    private synchronized void addToSession(Tally tally) {
        session = session.plus(tally);
    }
}
