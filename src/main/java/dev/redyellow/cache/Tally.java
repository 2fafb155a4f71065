package dev.redyellow.cache;

/** Counts of cache events; added up per transaction, per instance and in the file. */
record Tally(long hits, long misses, double savedSeconds, long evictions, long invalidations) {
    static final Tally NONE = new Tally(0, 0, 0, 0, 0);

    static Tally hit(long durationMillis) {
        return new Tally(1, 0, durationMillis / 1000.0, 0, 0);
    }

    static Tally miss() {
        return new Tally(0, 1, 0, 0, 0);
    }

    static Tally evicted(long count) {
        return new Tally(0, 0, 0, count, 0);
    }

    static Tally invalidated(long count) {
        return new Tally(0, 0, 0, 0, count);
    }

    Tally plus(Tally other) {
        return new Tally(hits + other.hits, misses + other.misses, savedSeconds + other.savedSeconds,
                evictions + other.evictions, invalidations + other.invalidations);
    }

    CacheStats withContents(long entries, long bytes) {
        return CacheStats.of(hits, misses, savedSeconds, entries, bytes, evictions, invalidations);
    }
}
