package dev.redyellow.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Limits and policy of the cache, validated once here.
 *
 * @param maxEntries    entries kept in the file; the least recently used go first
 * @param maxBytes      bytes of stored results kept in the file
 * @param memoryEntries entries kept decoded in memory in front of the file
 * @param memoryBytes   bytes of results kept in memory
 * @param ttl           age after which an entry no longer counts; empty (the default): content keys
 *                      never go stale
 * @param cacheFailures whether failing outcomes (FAILED, COMPILE_ERROR, NO_TESTS) are kept
 * @param clock         the time of "created", "last hit" and the TTL
 * @param recheck       how often the memory tier looks whether another instance or process changed
 *                      the file (an entry it dropped is then no longer served from memory)
 */
public record CacheSettings(int maxEntries, long maxBytes, int memoryEntries, long memoryBytes,
                            Optional<Duration> ttl, boolean cacheFailures, Clock clock, Duration recheck) {

    public CacheSettings {
        positive("maxEntries", maxEntries);
        positive("maxBytes", maxBytes);
        positive("memoryEntries", memoryEntries);
        positive("memoryBytes", memoryBytes);
        Objects.requireNonNull(ttl, "ttl");
        ttl.ifPresent(t -> {
            if (t.isNegative() || t.isZero()) {
                throw new IllegalArgumentException("ttl must be positive: " + t);
            }
        });
        Objects.requireNonNull(clock, "clock");
        if (recheck.isNegative()) {
            throw new IllegalArgumentException("recheck must not be negative: " + recheck);
        }
    }

    public static CacheSettings defaults() {
        return new CacheSettings(20_000, 512L << 20, 2_000, 64L << 20, Optional.empty(), true, Clock.systemUTC(),
                Duration.ofMillis(100));
    }

    public CacheSettings withLimits(int entries, long bytes) {
        return new CacheSettings(entries, bytes, memoryEntries, memoryBytes, ttl, cacheFailures, clock, recheck);
    }

    public CacheSettings withMemoryLimits(int entries, long bytes) {
        return new CacheSettings(maxEntries, maxBytes, entries, bytes, ttl, cacheFailures, clock, recheck);
    }

    public CacheSettings withTtl(Duration value) {
        return new CacheSettings(maxEntries, maxBytes, memoryEntries, memoryBytes, Optional.of(value), cacheFailures,
                clock, recheck);
    }

    public CacheSettings withCacheFailures(boolean value) {
        return new CacheSettings(maxEntries, maxBytes, memoryEntries, memoryBytes, ttl, value, clock, recheck);
    }

    public CacheSettings withClock(Clock value) {
        return new CacheSettings(maxEntries, maxBytes, memoryEntries, memoryBytes, ttl, cacheFailures, value, recheck);
    }

    public CacheSettings withRecheck(Duration value) {
        return new CacheSettings(maxEntries, maxBytes, memoryEntries, memoryBytes, ttl, cacheFailures, clock, value);
    }

    /** Whether results with this outcome are kept: TIMEOUT and ERROR never, failures by setting. */
    public boolean keeps(dev.redyellow.testing.TestOutcome outcome) {
        return switch (outcome) {
            case PASSED -> true;
            case FAILED, COMPILE_ERROR, NO_TESTS -> cacheFailures;
            case TIMEOUT, ERROR -> false;
        };
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
