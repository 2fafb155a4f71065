package dev.redyellow.implement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for an OpenAI-compatible chat-completions server on 127.0.0.1: it answers each
 * request with the next scripted {@link Reply} (streamed SSE answers and every fault a real server
 * or network shows) and records what it was sent.
 */
final class ChatServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One scripted answer to one request. */
    @FunctionalInterface
    interface Reply {
        void answer(HttpExchange exchange) throws IOException, InterruptedException;
    }

    /** What a request brought: its path, Authorization header (or "") and body. */
    record Received(String path, String authorization, String body) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);

    private ChatServer(HttpServer server) {
        this.server = server;
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    static ChatServer start() throws IOException {
        return new ChatServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    ChatServer then(Reply... next) {
        replies.addAll(List.of(next));
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            received.add(new Received(exchange.getRequestURI().getPath(), auth == null ? "" : auth, body));
            Reply reply = replies.poll();
            if (reply == null) {
                reply = status(500, "{\"error\":{\"message\":\"no reply scripted\"}}", Map.of());
            }
            reply.answer(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A streamed answer: one SSE event per piece, then a final event with finish_reason and [DONE]. */
    static Reply streaming(String... pieces) {
        return exchange -> {
            OutputStream out = startStream(exchange);
            for (String piece : pieces) {
                event(out, delta(piece, null));
            }
            event(out, delta(null, "stop"));
            line(out, "data: [DONE]\n\n");
        };
    }

    /** Raw lines, written and flushed one by one, as a faulty server would send them. */
    static Reply lines(String... lines) {
        return exchange -> {
            OutputStream out = startStream(exchange);
            for (String l : lines) {
                line(out, l + "\n");
            }
        };
    }

    /** Starts streaming {@code first}, then hangs until the server is closed. */
    Reply stalling(String first) {
        return exchange -> {
            OutputStream out = startStream(exchange);
            event(out, delta(first, null));
            released.await(30, TimeUnit.SECONDS);
        };
    }

    static Reply status(int code, String body, Map<String, String> headers) {
        return exchange -> {
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        };
    }

    /** A chunk as OpenAI-compatible servers send it: {@code choices[0].delta.content}. */
    static String delta(String content, String finishReason) {
        ObjectNode chunk = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion.chunk")
                .put("model", "test-model");
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (content != null) {
            delta.put("content", content);
        }
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return chunk.toString();
    }

    private static OutputStream startStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    private static void event(OutputStream out, String json) throws IOException {
        line(out, "data: " + json + "\n\n");
    }

    private static void line(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
