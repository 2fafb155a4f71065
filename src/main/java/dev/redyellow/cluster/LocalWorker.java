package dev.redyellow.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redyellow worker} in a JVM of its own on loopback, for the cluster benchmark and
 * tests: started from this JVM's class path (the jar, or the build's classes) on a free port, and
 * ready once it printed its address line. Its tests see its name as {@code $MEMBER}.
 */
public final class LocalWorker implements AutoCloseable {
    private final String name;
    private final int port;
    private final Process process;
    private final String firstLine;

    private LocalWorker(String name, int port, Process process, String firstLine) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.firstLine = firstLine;
    }

    /** Starts a worker named {@code name} (its tests see it as $MEMBER), joining {@code join}, with {@code secret} or none. */
    public static LocalWorker start(String name, String join, String secret, int slots) throws IOException, InterruptedException {
        return start(name, join, secret, slots, java.util.Map.of());
    }

    /** As {@link #start(String, String, String, int)}, with {@code env} added to the worker's environment. */
    public static LocalWorker start(String name, String join, String secret, int slots, java.util.Map<String, String> env)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.redyellow.Main", "worker", "--port", Integer.toString(port), "--slots", Integer.toString(slots)));
        if (!join.isEmpty()) {
            argv.add("--join");
            argv.add(join);
        }
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().remove(ClusterSettings.SECRET_ENV);
        if (secret != null) {
            builder.environment().put(ClusterSettings.SECRET_ENV, secret);
        }
        builder.environment().put("MEMBER", name);
        builder.environment().putAll(env);
        Process process = builder.start();
        StringBuffer output = new StringBuffer();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.append(line).append('\n');
                    if (line.startsWith("RedYellow worker at")) {
                        ready.complete(line);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IOException("worker " + name + " ended before it was ready:\n" + output));
        }, "worker-" + name + "-output");
        reader.setDaemon(true);
        reader.start();
        try {
            String line = ready.get(90, TimeUnit.SECONDS);
            return new LocalWorker(name, port, process, line);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly().waitFor();
            throw new IOException("worker " + name + " did not start: " + e.getMessage() + "\n" + output, e);
        }
    }

    public String name() {
        return name;
    }

    public Process process() {
        return process;
    }

    /** What it printed first: its address, cores, slots and cluster size. */
    public String firstLine() {
        return firstLine;
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    /** SIGKILL: no hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** SIGTERM, then waits; SIGKILL if it did not stop. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
