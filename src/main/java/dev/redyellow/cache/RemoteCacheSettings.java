package dev.redyellow.cache;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the shared (remote) cache tier is and how to use it, validated once here. The URL is the
 * base of Bazel's HTTP remote-cache protocol: entries go to {@code URL/ac/<sha256>}, blobs to
 * {@code URL/cas/<sha256>}. Credentials are never held here: only the name of the environment
 * variable that holds them, so no setting, log line or report can carry them.
 *
 * @param url          the server's base URL, http or https, without user information
 * @param readOnly     reads only, never writes (pull requests next to a writing main branch)
 * @param timeout      the limit of one request, connection included; a remote slower than this is
 *                     treated as down for the rest of the run
 * @param auth         how the credentials are sent: NONE, BEARER (the variable holds a token) or
 *                     BASIC (the variable holds {@code user:password})
 * @param credentialsVariable the environment variable holding the credentials; empty with NONE
 * @param queueCapacity uploads waiting at most; beyond it a result is kept locally only
 * @param flushLimit   how long the end of a run waits for the uploads still queued
 */
public record RemoteCacheSettings(URI url, boolean readOnly, Duration timeout, Auth auth,
                                  Optional<String> credentialsVariable, int queueCapacity, Duration flushLimit) {
    /** The environment variable that gives the default URL. */
    public static final String ENV = "REDYELLOW_REMOTE_CACHE";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_FLUSH_LIMIT = Duration.ofSeconds(10);
    public static final int DEFAULT_QUEUE = 1024;

    /** How credentials go with each request. */
    public enum Auth {
        NONE, BEARER, BASIC
    }

    public RemoteCacheSettings {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the remote cache URL must start with http:// or https://, was " + url);
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException("the remote cache URL has no host: " + url);
        }
        if (url.getRawUserInfo() != null) {
            // A password in the URL would end up in logs and reports; the variable keeps it out of both.
            throw new IllegalArgumentException("the remote cache URL must not hold credentials; name an environment "
                    + "variable with --remote-cache-auth instead");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("the remote cache URL must not have a query or fragment: " + url);
        }
        positive("the remote cache time-out", timeout);
        positive("the remote cache flush limit", flushLimit);
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(credentialsVariable, "credentialsVariable");
        if ((auth == Auth.NONE) != credentialsVariable.isEmpty()) {
            throw new IllegalArgumentException("credentials need both a scheme (bearer or basic) and a variable name");
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("the remote cache queue must hold at least 1 upload, was " + queueCapacity);
        }
    }

    /** A remote at {@code url} with the defaults: read-write, no credentials, short time-out. */
    public static RemoteCacheSettings of(String url) {
        return new RemoteCacheSettings(parseUrl(url), false, DEFAULT_TIMEOUT, Auth.NONE, Optional.empty(),
                DEFAULT_QUEUE, DEFAULT_FLUSH_LIMIT);
    }

    /**
     * The remote named by {@code explicitOrNull}, else by {@value #ENV}; empty when neither names one
     * (a blank value, or {@code off}, turns the remote off).
     */
    public static Optional<RemoteCacheSettings> resolve(String explicitOrNull, Map<String, String> env) {
        String value = explicitOrNull != null ? explicitOrNull : env.get(ENV);
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        return Optional.of(of(value.strip()));
    }

    public RemoteCacheSettings withReadOnly(boolean value) {
        return new RemoteCacheSettings(url, value, timeout, auth, credentialsVariable, queueCapacity, flushLimit);
    }

    public RemoteCacheSettings withTimeout(Duration value) {
        return new RemoteCacheSettings(url, readOnly, value, auth, credentialsVariable, queueCapacity, flushLimit);
    }

    public RemoteCacheSettings withFlushLimit(Duration value) {
        return new RemoteCacheSettings(url, readOnly, timeout, auth, credentialsVariable, queueCapacity, value);
    }

    public RemoteCacheSettings withQueueCapacity(int value) {
        return new RemoteCacheSettings(url, readOnly, timeout, auth, credentialsVariable, value, flushLimit);
    }

    /**
     * Credentials from {@code SCHEME:VARIABLE}, the scheme {@code bearer} or {@code basic}: for example
     * {@code bearer:CACHE_TOKEN}.
     */
    public RemoteCacheSettings withAuth(String schemeAndVariable) {
        int colon = schemeAndVariable.indexOf(':');
        String scheme = colon < 0 ? "" : schemeAndVariable.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String variable = colon < 0 ? "" : schemeAndVariable.substring(colon + 1).strip();
        if (!(scheme.equals("bearer") || scheme.equals("basic")) || !variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("remote cache credentials are bearer:VARIABLE or basic:VARIABLE "
                    + "(the name of an environment variable), was " + schemeAndVariable);
        }
        return new RemoteCacheSettings(url, readOnly, timeout, scheme.equals("bearer") ? Auth.BEARER : Auth.BASIC,
                Optional.of(variable), queueCapacity, flushLimit);
    }

    /**
     * The Authorization header's value from the environment; empty without credentials. Fails when the
     * named variable is unset, naming the variable and never its value.
     */
    public Optional<String> authorization(Map<String, String> env) {
        if (auth == Auth.NONE) {
            return Optional.empty();
        }
        String name = credentialsVariable.orElseThrow();
        String value = env.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("the remote cache credentials variable " + name + " is not set");
        }
        return Optional.of(auth == Auth.BEARER ? "Bearer " + value.strip()
                : "Basic " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** The URL as logs and reports show it (it never holds credentials). */
    public String describe() {
        return url + (readOnly ? " (read-only)" : "");
    }

    private static URI parseUrl(String url) {
        try {
            URI parsed = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            return parsed;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the remote cache URL is not a URL: " + e.getMessage(), e);
        }
    }

    private static void positive(String what, Duration value) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + value);
        }
    }
}
