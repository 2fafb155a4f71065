package dev.redyellow.cache;

import dev.redyellow.files.Sha256;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bazel's HTTP remote-cache protocol over {@link HttpClient}: {@code GET}/{@code PUT} of
 * {@code URL/ac/<sha256>} (action results: our entries) and {@code URL/cas/<sha256>} (blobs, whose
 * body must hash to their name). A 404 is a miss; anything else that is not a success is a
 * {@link Failure}, with a message that names the URL path but never the credentials.
 */
final class HttpRemoteStore {
    private final HttpClient client;
    private final RemoteCacheSettings settings;
    private final Optional<String> authorization;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong bytesUp = new AtomicLong();
    private final AtomicLong bytesDown = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();

    /** A request that failed: the remote is unusable for the rest of the run. */
    static final class Failure extends Exception {
        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The two namespaces of the protocol. */
    enum Space {
        AC("ac"), CAS("cas");

        private final String path;

        Space(String path) {
            this.path = path;
        }
    }

    /** @param authorization the Authorization header's value; kept here only, never printed */
    HttpRemoteStore(RemoteCacheSettings settings, Optional<String> authorization) {
        this.settings = settings;
        this.authorization = authorization;
        // HTTP/1.1: a plain-http server (nginx, bazel-remote) is spared the h2c upgrade dance on every connection
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The body under {@code sha256}; empty when the server has none. A blob's body is checked against its name. */
    Optional<byte[]> get(Space space, String sha256) throws Failure, InterruptedException {
        HttpResponse<byte[]> response = send(request(space, sha256).GET().build(), space, sha256, 0);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        byte[] body = response.body();
        bytesDown.addAndGet(body.length);
        if (response.statusCode() != 200) {
            throw failed("GET " + path(space, sha256) + " answered HTTP " + response.statusCode(), null);
        }
        if (space == Space.CAS && !Sha256.hex(body).equals(sha256)) {
            throw failed("GET " + path(space, sha256) + " returned a body whose SHA-256 is " + Sha256.hex(body), null);
        }
        return Optional.of(body);
    }

    void put(Space space, String sha256, byte[] body) throws Failure, InterruptedException {
        HttpResponse<byte[]> response = send(request(space, sha256)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), space, sha256, body.length);
        if (response.statusCode() / 100 != 2) {
            throw failed("PUT " + path(space, sha256) + " answered HTTP " + response.statusCode(), null);
        }
    }

    private HttpRequest.Builder request(Space space, String sha256) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(settings.url() + path(space, sha256)))
                .timeout(settings.timeout());
        authorization.ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    private HttpResponse<byte[]> send(HttpRequest request, Space space, String sha256, long upload)
            throws Failure, InterruptedException {
        requests.incrementAndGet();
        long start = System.nanoTime();
        // The client's own time-out ends at the answer's headers; a server that stalls inside the body
        // would hold a worker for ever, so the whole exchange gets the limit.
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> response = exchange.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            bytesUp.addAndGet(upload);
            return response;
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw timedOut(request, space, sha256, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw timedOut(request, space, sha256, cause);
            } else if (cause instanceof ConnectException) {
                throw failed("cannot connect (" + describe(cause) + ")", cause);
            }
            throw failed(request.method() + " " + path(space, sha256) + " failed (" + describe(cause) + ")", cause);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } finally {
            nanos.addAndGet(System.nanoTime() - start);
        }
    }

    private Failure timedOut(HttpRequest request, Space space, String sha256, Throwable cause) {
        return failed(request.method() + " " + path(space, sha256) + " timed out after "
                + settings.timeout().toMillis() + " ms", cause);
    }

    private Failure failed(String message, Throwable cause) {
        errors.incrementAndGet();
        return new Failure(message, cause);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static String path(Space space, String sha256) {
        return "/" + space.path + "/" + sha256;
    }

    long requests() {
        return requests.get();
    }

    long errors() {
        return errors.get();
    }

    long bytesUp() {
        return bytesUp.get();
    }

    long bytesDown() {
        return bytesDown.get();
    }

    double seconds() {
        return nanos.get() / 1e9;
    }
}
