package dev.redyellow.cache;

import java.util.Objects;

/**
 * One input of a cache key, with the SHA-256 of its value: a test setting ({@code kind},
 * {@code argv}, {@code env}, {@code timeout}, {@code reports}, {@code fork}, {@code workerHeapMb},
 * {@code runsPerWorker}, {@code rerunDependencyTests}), the {@code tool} that runs the tests, RedYellow's own
 * {@code runner} code ({@link RunnerStamp}), an
 * inherited variable ({@code env:TZ}) or the machine's {@code system:timezone} and {@code system:locale}
 * (see {@link InheritedEnvironment}), the selected {@code tests}, or {@code file:<workspace path>}. Kept
 * with every entry so a miss can name what changed.
 */
public record CacheInput(String name, String hash) {
    public static final String FILE_PREFIX = "file:";

    public CacheInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hash, "hash");
    }

    public static CacheInput file(String path, String hash) {
        return new CacheInput(FILE_PREFIX + path, hash);
    }

    public boolean isFile() {
        return name.startsWith(FILE_PREFIX);
    }
}
