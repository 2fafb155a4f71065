package dev.redyellow.cache;

/**
 * What the cache did and holds.
 *
 * @param savedSeconds the sum of the original durations of the results served from the cache
 * @param evictions    entries dropped for room or age
 * @param invalidations entries dropped on request (feature, file, clear)
 */
public record CacheStats(long requests, long hits, long misses, double hitRate, double savedSeconds,
                         long entries, long bytes, long evictions, long invalidations) {

    public static final CacheStats EMPTY = new CacheStats(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static CacheStats of(long hits, long misses, double savedSeconds, long entries, long bytes,
                                long evictions, long invalidations) {
        long requests = hits + misses;
        double rate = requests == 0 ? 0.0 : (double) hits / requests;
        return new CacheStats(requests, hits, misses, rate, savedSeconds, entries, bytes, evictions, invalidations);
    }

    /**
     * What was done between {@code before} and these counters, taken later of the same cache: the
     * counts are the differences, the entries and bytes those of now.
     */
    public CacheStats since(CacheStats before) {
        return of(hits - before.hits, misses - before.misses, savedSeconds - before.savedSeconds, entries, bytes,
                evictions - before.evictions, invalidations - before.invalidations);
    }
}
