package dev.redyellow.run;

import dev.redyellow.cache.RemoteCacheStats;
import java.util.Optional;

/**
 * The test cache's part of a run's metrics (SPEC section 5); {@code remote} is the shared tier's part,
 * present when the run used one (report: {@code metrics.cache.remote}).
 */
public record CacheFigures(long requests, long hits, long misses, double hitRate, double savedSeconds,
                           Optional<RemoteCacheStats> remote) {

    public static final CacheFigures NONE = new CacheFigures(0, 0, 0, 0.0, 0.0);

    public CacheFigures(long requests, long hits, long misses, double hitRate, double savedSeconds) {
        this(requests, hits, misses, hitRate, savedSeconds, Optional.empty());
    }
}
