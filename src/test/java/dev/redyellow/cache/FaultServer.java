package dev.redyellow.cache;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny HTTP server that misbehaves on purpose (hangs, answers 5xx, serves bodies that do not match
 * their hash), to show that a failing remote never fails a run. It records every request's method,
 * path and Authorization header.
 */
final class FaultServer implements AutoCloseable {
    /** What the server does with a request. */
    interface Behaviour {
        void handle(HttpExchange exchange, Map<String, byte[]> bodies) throws IOException;
    }

    record Request(String method, String path, String authorization) {
    }

    private final HttpServer server;
    final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    FaultServer(Behaviour behaviour) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fault-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization")));
                behaviour.handle(exchange, bodies);
            }
        });
        server.start();
    }

    /** Keeps what is PUT and answers GETs from it, like a WebDAV server. */
    static void store(HttpExchange exchange, Map<String, byte[]> bodies) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestMethod().equals("PUT")) {
            bodies.put(path, exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(201, -1);
        } else if (bodies.containsKey(path)) {
            byte[] body = bodies.get(path);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } else {
            exchange.sendResponseHeaders(404, -1);
        }
    }

    /** Never answers until the server closes (its threads are interrupted then): a remote that hangs. */
    static void hang(HttpExchange exchange, Map<String, byte[]> bodies) {
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers 200 with a length it never sends: a remote that stalls inside the body. */
    static void stallInBody(HttpExchange exchange, Map<String, byte[]> bodies) throws IOException {
        exchange.sendResponseHeaders(200, 1000);
        exchange.getResponseBody().write(new byte[10]);
        exchange.getResponseBody().flush();
        hang(exchange, bodies);
    }

    static void unavailable(HttpExchange exchange, Map<String, byte[]> bodies) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(503, -1);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
