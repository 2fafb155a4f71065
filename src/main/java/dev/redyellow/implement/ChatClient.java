package dev.redyellow.implement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Asks an OpenAI-compatible server for one streamed chat completion ({@code POST
 * {baseUrl}/chat/completions} with {@code "stream": true}) and shows the text as it arrives.
 *
 * <p>Faults end in a {@link ChatAnswer.Failed} whose reason says what happened: no connection, the
 * key refused (401/403), an unknown model (404), a stream cut off before its end, the time limit.
 * Rate limits (429) and server errors (5xx) are retried at most {@link #RETRIES} times, after the
 * server's {@code Retry-After} or a doubling back-off, never beyond the time limit.
 *
 * <p>The API key is read from the named environment variable for each request and goes only into
 * the {@code Authorization} header; every message built from a server's answer has it masked.
 */
final class ChatClient {
    static final int RETRIES = 3;
    private static final Duration LONGEST_RETRY_WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One client for the whole application: it pools connections and owns the selector thread. */
    private static final class Shared {
        static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(15)).build();
    }

    private final ChatEndpoint endpoint;
    private final Function<String, String> environment;
    private final Pause pause;
    private final Duration backoff;

    ChatClient(ChatEndpoint endpoint, Function<String, String> environment, Pause pause, Duration backoff) {
        this.endpoint = endpoint;
        this.environment = environment;
        this.pause = pause;
        this.backoff = backoff;
    }

    ChatAnswer complete(String system, String user, Narrator narrator) throws InterruptedException {
        String keyValue = endpoint.apiKeyEnv() == null ? null : environment.apply(endpoint.apiKeyEnv());
        if (endpoint.apiKeyEnv() != null) {
            if (keyValue == null || keyValue.isBlank()) {
                return new ChatAnswer.Failed("the environment variable " + endpoint.apiKeyEnv()
                        + " (named by apiKeyEnv) is not set, so there is no API key to send", true);
            }
            if (!keyValue.strip().chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                return new ChatAnswer.Failed("the environment variable " + endpoint.apiKeyEnv()
                        + " holds characters an HTTP header cannot carry", true);
            }
        }
        Optional<String> key = Optional.ofNullable(keyValue).map(String::strip);
        HttpRequest request = request(system, user, key);
        long deadline = pause.nanoTime() + TimeUnit.SECONDS.toNanos(endpoint.timeoutSeconds());
        for (int retry = 0; ; retry++) {
            Exchange exchange = send(request, narrator, deadline);
            ChatAnswer answer = exchange.answer().map(a -> masked(a, key)).orElse(null);
            if (answer != null) {
                return answer;
            }
            String why = "HTTP " + exchange.status() + (exchange.status() == 429 ? " (rate limited)" : " (server error)")
                    + ": " + mask(exchange.errorMessage(), key);
            if (retry == RETRIES) {
                return new ChatAnswer.Failed("the server kept failing: " + why + "; gave up after " + RETRIES
                        + " retries", false);
            }
            Duration wait = exchange.retryAfter().orElse(backoff.multipliedBy(1L << retry));
            if (wait.compareTo(LONGEST_RETRY_WAIT) > 0
                    || pause.nanoTime() + wait.toNanos() >= deadline) {
                return new ChatAnswer.Failed(why + "; the server asks to wait " + wait.toSeconds()
                        + " s, beyond the time limit of " + endpoint.timeoutSeconds() + " s", false);
            }
            narrator.note(why + "; retry " + (retry + 1) + " of " + RETRIES + " in " + wait.toMillis() + " ms");
            pause.sleep(wait);
        }
    }

    /**
     * One request. Either it settles the answer, or it is a 429/5xx worth retrying, with the
     * server's message and its {@code Retry-After}.
     */
    private record Exchange(Optional<ChatAnswer> answer, int status, String errorMessage, Optional<Duration> retryAfter) {
        static Exchange settled(ChatAnswer answer) {
            return new Exchange(Optional.of(answer), 0, "", Optional.empty());
        }
    }

    private Exchange send(HttpRequest request, Narrator narrator, long deadline) throws InterruptedException {
        ChatStream stream = new ChatStream(narrator);
        AtomicReference<String> errorBody = new AtomicReference<>("");
        HttpResponse.BodyHandler<Void> handler = info -> info.statusCode() / 100 == 2
                ? HttpResponse.BodySubscribers.fromLineSubscriber(stream, s -> null, StandardCharsets.UTF_8, null)
                : HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8),
                        body -> {
                            errorBody.set(body);
                            return null;
                        });
        CompletableFuture<HttpResponse<Void>> future = Shared.HTTP.sendAsync(request, handler);
        HttpResponse<Void> response;
        try {
            response = future.get(Math.max(0, deadline - pause.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            stream.cancel();
            future.cancel(true);
            return Exchange.settled(new ChatAnswer.Failed("no complete answer within the time limit of "
                    + endpoint.timeoutSeconds() + " s" + partial(stream), false));
        } catch (InterruptedException e) {
            stream.cancel();
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            return Exchange.settled(new ChatAnswer.Failed(transportFault(e.getCause(), stream), false));
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return Exchange.settled(streamed(stream));
        }
        String message = ChatErrors.message(errorBody.get());
        if (status == 429 || status / 100 == 5) {
            return new Exchange(Optional.empty(), status, message, retryAfter(response));
        }
        return Exchange.settled(refused(status, message));
    }

    private ChatAnswer streamed(ChatStream stream) {
        if (stream.error() != null) {
            return new ChatAnswer.Failed("the server reported an error in the stream: " + stream.error()
                    + partial(stream), false);
        }
        if (!stream.finished()) {
            return new ChatAnswer.Failed("the answer was cut off: the stream ended without [DONE] after "
                    + stream.text().length() + " characters (shown in the output)", false);
        }
        return new ChatAnswer.Complete(stream.text(), stream.finishReason());
    }

    private ChatAnswer refused(int status, String message) {
        String server = endpoint.completionsUri().toString();
        if (status == 401 || status == 403) {
            String hint = endpoint.apiKeyEnv() == null
                    ? "the server wants an API key: name the environment variable that holds it in apiKeyEnv"
                    : "check the key in the environment variable " + endpoint.apiKeyEnv();
            return new ChatAnswer.Failed("the server refused the request (HTTP " + status + "): " + message
                    + "; " + hint, true);
        }
        if (status == 404) {
            return new ChatAnswer.Failed("HTTP 404 from " + server + ": the model \"" + endpoint.model()
                    + "\" or the endpoint does not exist there: " + message, true);
        }
        return new ChatAnswer.Failed("HTTP " + status + " from " + server + ": " + message, false);
    }

    private String transportFault(Throwable cause, ChatStream stream) {
        String server = endpoint.completionsUri().toString();
        if (cause instanceof HttpConnectTimeoutException) {
            return "could not connect to " + server + ": the connection timed out";
        }
        if (cause instanceof ConnectException) {
            return "could not connect to " + server + ": connection refused (is the server running?)";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no complete answer within the time limit of " + endpoint.timeoutSeconds() + " s" + partial(stream);
        }
        if (cause instanceof IOException && !stream.text().isEmpty()) {
            return "the answer was cut off: the connection failed (" + cause.getMessage() + ") after "
                    + stream.text().length() + " characters (shown in the output)";
        }
        return "the request to " + server + " failed: " + cause;
    }

    private static String partial(ChatStream stream) {
        return stream.text().isEmpty() ? "" : "; " + stream.text().length() + " characters had arrived (shown in the output)";
    }

    private HttpRequest request(String system, String user, Optional<String> key) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", endpoint.model());
        body.put("stream", true);
        body.put("temperature", endpoint.temperature());
        body.put("max_tokens", endpoint.maxTokens());
        body.putArray("messages")
                .add(JSON.createObjectNode().put("role", "system").put("content", system))
                .add(JSON.createObjectNode().put("role", "user").put("content", user));
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.completionsUri())
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        key.ifPresent(k -> builder.header("Authorization", "Bearer " + k));
        return builder.build();
    }

    /** {@code Retry-After} as seconds or an HTTP date. */
    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> value = response.headers().firstValue("Retry-After").map(String::strip);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.get()))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }

    private static ChatAnswer masked(ChatAnswer answer, Optional<String> key) {
        if (answer instanceof ChatAnswer.Failed f) {
            return new ChatAnswer.Failed(mask(f.reason(), key), f.permanent());
        }
        return answer;
    }

    /** Servers sometimes quote the key they refused; it must not reach a log or a report through us. */
    private static String mask(String text, Optional<String> key) {
        return key.filter(k -> k.length() >= 4).map(k -> text.replace(k, "***")).orElse(text);
    }
}
