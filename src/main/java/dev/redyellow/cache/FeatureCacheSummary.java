package dev.redyellow.cache;

/**
 * What the cache file holds for one feature (the entries of its own test runs), for the cache view.
 *
 * @param savedSeconds the sum over its entries of hits x the original duration
 */
public record FeatureCacheSummary(String featureId, long entries, long bytes, long hits, double savedSeconds) {
}
