package dev.redyellow.cache;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real nginx with WebDAV PUT (Debian's nginx-light), as a team would run for a shared cache: started in
 * the foreground (no daemon, no master process) on a free loopback port, with its files in a folder of
 * the test, and stopped by {@link #close}. On a developer's machine without nginx the tests that need it
 * are skipped; in CI ({@code .ci/run} installs nginx-light) a missing nginx fails them.
 */
public final class NginxWebDav implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path data;

    private NginxWebDav(Process process, int port, Path data) {
        this.process = process;
        this.port = port;
        this.data = data;
    }

    /** The nginx program, if one is installed. */
    public static Optional<Path> binary() {
        Stream<Path> candidates = Stream.concat(Stream.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/local/sbin/nginx")),
                Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                        .filter(p -> !p.isBlank()).map(p -> Path.of(p, "nginx")));
        return candidates.filter(Files::isExecutable).findFirst();
    }

    /** Skips the test without nginx on a developer's machine; fails it in CI. */
    public static Path requireNginx() {
        Optional<Path> nginx = binary();
        if (System.getenv("CI") != null) {
            assertTrue(nginx.isPresent(), "nginx is not installed, and CI must run the remote-cache tests against it "
                    + "(.ci/run installs nginx-light)");
        }
        assumeTrue(nginx.isPresent(), "nginx is not installed");
        return nginx.get();
    }

    /** Starts nginx on a free port under {@code dir}; {@code htpasswd}, when given, asks for basic auth. */
    public static NginxWebDav start(Path dir, Optional<String> htpasswd) throws IOException, InterruptedException {
        Path nginx = requireNginx();
        Path data = Files.createDirectories(dir.resolve("data"));
        Path temp = Files.createDirectories(dir.resolve("temp"));
        int port = freePort();
        String auth = "";
        if (htpasswd.isPresent()) {
            Path file = dir.resolve("htpasswd");
            Files.writeString(file, htpasswd.get() + "\n");
            auth = "auth_basic \"cache\"; auth_basic_user_file " + file + ";";
        }
        String conf = """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 64; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %2$s/body;
                    proxy_temp_path %2$s/proxy;
                    fastcgi_temp_path %2$s/fastcgi;
                    uwsgi_temp_path %2$s/uwsgi;
                    scgi_temp_path %2$s/scgi;
                    server {
                        listen 127.0.0.1:%3$d;
                        root %4$s;
                        client_max_body_size 0;
                        location / {
                            %5$s
                            dav_methods PUT;
                            create_full_put_path on;
                            dav_access user:rw;
                        }
                    }
                }
                """.formatted(dir, temp, port, data, auth);
        Path confFile = dir.resolve("nginx.conf");
        Files.writeString(confFile, conf);
        Process process = new ProcessBuilder(nginx.toString(), "-p", dir.toString(), "-c", confFile.toString(),
                "-e", dir.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        NginxWebDav server = new NginxWebDav(process, port, data);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!server.listening()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new IOException("nginx did not start on port " + port + ": "
                        + Files.readString(dir.resolve("nginx.out")) + readIfThere(dir.resolve("error.log")));
            }
            Thread.sleep(20);
        }
        return server;
    }

    private static String readIfThere(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Where the server keeps {@code ac/} and {@code cas/}. */
    public Path data() {
        return data;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
