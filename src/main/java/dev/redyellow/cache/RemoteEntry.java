package dev.redyellow.cache;

import dev.redyellow.files.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Our cache entry as the remote keeps it under {@code ac/<key>}: the key and its inputs (so a teammate's
 * miss can be explained), the feature, its summary, and the digest of the full result. A result up to
 * {@value #INLINE_LIMIT} bytes is inlined in {@code result} (one request per hit, as Bazel inlines
 * small outputs); a larger one (many test cases, a long output tail) is a blob under
 * {@code cas/<resultSha256>}. Either way its SHA-256 is checked before it is used.
 */
record RemoteEntry(String format, String key, List<CacheInput> inputs, String featureId,
                   Set<String> containedFeatures, String outcome, int passed, int failed, int skipped,
                   long durationMillis, String resultSha256, long resultBytes, String result) {
    static final String FORMAT = "redyellow-cache-entry/1";
    static final int INLINE_LIMIT = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    RemoteEntry {
        inputs = List.copyOf(inputs);
        containedFeatures = new TreeSet<>(containedFeatures);
    }

    static RemoteEntry of(CacheKey key, String featureId, Set<String> contained,
                          dev.redyellow.testing.TestResult result, byte[] resultJson) {
        return new RemoteEntry(FORMAT, key.sha256(), key.inputs(), featureId, contained, result.outcome().name(),
                result.passed(), result.failed(), result.skipped(), result.durationMillis(), Sha256.hex(resultJson),
                resultJson.length, resultJson.length <= INLINE_LIMIT ? new String(resultJson, StandardCharsets.UTF_8)
                        : null);
    }

    /** Whether the result travels in the entry rather than as a blob. */
    boolean inline() {
        return result != null;
    }

    byte[] encode() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a cache entry always has a JSON form", e);
        }
    }

    /**
     * The entry in {@code body}, fetched as {@code ac/<expectedKey>}; fails when it is not one of ours or
     * names another key (a server that answers with the wrong entry must not give a wrong verdict).
     */
    static RemoteEntry decode(byte[] body, String expectedKey) {
        RemoteEntry entry;
        try {
            entry = JSON.readValue(body, RemoteEntry.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("ac/" + expectedKey + " is not a RedYellow cache entry ("
                    + firstLine(new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8)) + ")", e);
        }
        if (!FORMAT.equals(entry.format())) {
            throw new IllegalArgumentException("ac/" + expectedKey + " has the unknown format " + entry.format());
        }
        if (!expectedKey.equals(entry.key())) {
            throw new IllegalArgumentException("ac/" + expectedKey + " holds the entry of another key, " + entry.key());
        }
        if (entry.resultSha256() == null || !entry.resultSha256().matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("ac/" + expectedKey + " names no result blob");
        }
        if (entry.inline()) {
            String actual = Sha256.hex(entry.result().getBytes(StandardCharsets.UTF_8));
            if (!actual.equals(entry.resultSha256())) {
                throw new IllegalArgumentException("ac/" + expectedKey + " holds a result whose SHA-256 is " + actual
                        + ", not " + entry.resultSha256());
            }
        }
        return entry;
    }

    CacheKey cacheKey() {
        return new CacheKey(key, inputs);
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
