package dev.redyellow.cli;

import dev.redyellow.cache.CacheSettings;
import dev.redyellow.cache.DurationText;
import dev.redyellow.cache.RemoteCacheSettings;
import dev.redyellow.cache.RemoteCaches;
import dev.redyellow.cache.TestCache;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The cache's settings on the command line: the local file's policy (TTL, failures, size limits) and
 * the shared remote tier. Each value is checked as it is parsed, so a bad one is a usage error (exit
 * code 2) before anything runs.
 */
final class CacheTuning {

    @Option(names = "--cache-ttl", paramLabel = "AGE", converter = DurationConverter.class,
            description = "entries older than this no longer count, e.g. 7d, 12h, 30m (default: never)")
    Duration ttl;

    @Option(names = "--cache-failures", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "keep failing results (FAILED, COMPILE_ERROR, NO_TESTS) too (default: ${DEFAULT-VALUE}); "
                    + "--no-cache-failures keeps passing results only")
    boolean cacheFailures = true;

    @Option(names = "--cache-max-entries", paramLabel = "N", converter = PositiveConverter.class,
            description = "entries the cache file keeps; the least recently used go first (default: 20000)")
    Long maxEntries;

    @Option(names = "--cache-max-mb", paramLabel = "MB", converter = PositiveConverter.class,
            description = "MiB of results the cache file keeps (default: 512)")
    Long maxMb;

    @Option(names = "--remote-cache", paramLabel = "URL",
            description = "a shared cache speaking Bazel's HTTP remote-cache protocol (bazel-remote, nginx WebDAV); "
                    + "default: $" + RemoteCacheSettings.ENV + "; 'off' for none")
    String remote;

    @Option(names = "--remote-cache-read-only", description = "read from the remote cache, never write to it")
    boolean remoteReadOnly;

    @Option(names = "--remote-cache-timeout", paramLabel = "TIME", converter = DurationConverter.class,
            description = "the limit of one remote request, e.g. 500ms, 2s (default: 2s); a slower remote is "
                    + "off for the rest of the run")
    Duration remoteTimeout;

    @Option(names = "--remote-cache-auth", paramLabel = "SCHEME:VARIABLE",
            description = "credentials from an environment variable: bearer:VAR (a token) or basic:VAR (user:password)")
    String remoteAuth;

    /** The local cache's settings. */
    CacheSettings settings() {
        CacheSettings s = CacheSettings.defaults().withCacheFailures(cacheFailures);
        if (ttl != null) {
            s = s.withTtl(ttl);
        }
        if (maxEntries != null || maxMb != null) {
            s = s.withLimits(maxEntries != null ? (int) Math.min(Integer.MAX_VALUE, maxEntries) : s.maxEntries(),
                    maxMb != null ? maxMb << 20 : s.maxBytes());
        }
        return s;
    }

    /** The remote tier's settings from the options and the environment; empty when none is named. */
    Optional<RemoteCacheSettings> remote(CommandLine commandLine, Map<String, String> env) {
        try {
            Optional<RemoteCacheSettings> chosen = RemoteCacheSettings.resolve(remote, env);
            return chosen.map(r -> {
                RemoteCacheSettings s = r.withReadOnly(remoteReadOnly);
                s = remoteTimeout != null ? s.withTimeout(remoteTimeout) : s;
                return remoteAuth != null ? s.withAuth(remoteAuth) : s;
            });
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage() + (remote == null
                    ? " (from $" + RemoteCacheSettings.ENV + ")" : ""));
        }
    }

    /** {@code local} with the remote tier behind it when one is set; its warnings go to {@code err}. */
    TestCache withRemote(TestCache local, Optional<RemoteCacheSettings> settings, PrintWriter err) {
        return RemoteCaches.wrap(local, settings, settings(), System.getenv(), warning -> {
            synchronized (err) {
                err.println("redyellow: warning: " + warning);
                err.flush();
            }
        });
    }

    /** 7d, 12h, 30m, 45s, 500ms, or ISO-8601 (PT1H30M). */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return DurationText.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** A whole number of at least 1. */
    static final class PositiveConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                long n = Long.parseLong(value.strip());
                if (n >= 1 && n <= Integer.MAX_VALUE) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // the message below says what is expected
            }
            throw new CommandLine.TypeConversionException("'" + value + "' must be a whole number from 1 to "
                    + Integer.MAX_VALUE);
        }
    }
}
