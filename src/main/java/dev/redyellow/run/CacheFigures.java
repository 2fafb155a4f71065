package dev.redyellow.run;

/** The test cache's part of a run's metrics (SPEC section 5). */
public record CacheFigures(long requests, long hits, long misses, double hitRate, double savedSeconds) {

    public static final CacheFigures NONE = new CacheFigures(0, 0, 0, 0.0, 0.0);
}
