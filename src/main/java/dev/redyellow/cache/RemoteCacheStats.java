package dev.redyellow.cache;

import java.util.Optional;

/**
 * What the remote tier did in one run.
 *
 * @param url        the server (never with credentials)
 * @param requests   GET and PUT requests sent
 * @param hits       lookups answered by the remote after a local miss
 * @param misses     lookups the remote did not answer either
 * @param errors     requests that failed (refused, timed out, 5xx, a body with the wrong hash)
 * @param bytesUp    bytes of bodies sent
 * @param bytesDown  bytes of bodies received
 * @param seconds    time spent in requests, summed over threads
 * @param uploads    results written to the remote
 * @param uploadsLost results not written: the queue was full, the remote was off, or the end of the
 *                   run's flush limit passed
 * @param offReason  why the remote was turned off for the rest of the run; empty while it works
 */
public record RemoteCacheStats(String url, boolean readOnly, long requests, long hits, long misses, long errors,
                               long bytesUp, long bytesDown, double seconds, long uploads, long uploadsLost,
                               Optional<String> offReason) {

    public double hitRate() {
        long asked = hits + misses;
        return asked == 0 ? 0.0 : (double) hits / asked;
    }

    /** One line for the console and the window. */
    public String describe() {
        return String.format(java.util.Locale.ROOT,
                "remote %s%s: %d requests, %d hits, %d misses, %d errors, %.1f KB up, %.1f KB down, %.2f s%s",
                url, readOnly ? " (read-only)" : "", requests, hits, misses, errors, bytesUp / 1024.0,
                bytesDown / 1024.0, seconds, offReason.map(r -> "; off: " + r).orElse(""));
    }
}
