package dev.redyellow.bench;

import dev.redyellow.cache.CacheSettings;
import dev.redyellow.cache.DisabledTestCache;
import dev.redyellow.cache.OpenedCache;
import dev.redyellow.cache.RemoteCacheSettings;
import dev.redyellow.cache.RemoteCaches;
import dev.redyellow.cache.TestCache;
import dev.redyellow.cache.TestCaches;
import dev.redyellow.cycle.StepOutput;
import dev.redyellow.exec.RunFolder;
import dev.redyellow.implement.ManualDecisions;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ManifestLoader;
import dev.redyellow.run.BundledSample;
import dev.redyellow.run.RunEngine;
import dev.redyellow.run.RunListener;
import dev.redyellow.run.RunOptions;
import dev.redyellow.run.RunResult;
import dev.redyellow.testing.TestRunners;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The shared cache's targets, measured on a real project (the bundled string-tools sample, or a given
 * manifest) against a real WebDAV server (an nginx this bench starts, or a given URL such as a
 * bazel-remote): a teammate's first run with an empty local cache against a warm remote, next to a
 * run on a warm local cache and a run without any cache; and the cost of a remote that refuses or
 * hangs, next to a run without a remote. Each figure is the median of several runs.
 */
public final class RemoteCacheBench {
    private final PrintWriter out;
    private final Path work;
    private final int repeat;
    private int runs;

    public RemoteCacheBench(PrintWriter out, Path work, int repeat) {
        this.out = out;
        this.work = work;
        this.repeat = repeat;
    }

    /** @param remoteUrl a server to use; empty: start nginx from the PATH on a loopback port */
    public void run(Optional<Path> manifestFile, Optional<String> remoteUrl) throws Exception {
        Manifest manifest = ManifestLoader.load(manifestFile.isPresent() ? manifestFile.get()
                : BundledSample.extract(BundledSample.STRING_TOOLS, work.resolve("samples")));
        Process nginx = null;
        try {
            String url;
            if (remoteUrl.isPresent()) {
                url = remoteUrl.get();
            } else {
                int port = freePort();
                nginx = startNginx(work.resolve("nginx"), port);
                url = "http://127.0.0.1:" + port;
            }
            measure(manifest, url, remoteUrl.isPresent() ? "given server" : "nginx WebDAV started by the bench");
        } finally {
            if (nginx != null) {
                nginx.destroy();
                if (!nginx.waitFor(5, TimeUnit.SECONDS)) {
                    nginx.destroyForcibly();
                }
            }
        }
    }

    private void measure(Manifest manifest, String url, String server) throws Exception {
        out.printf(Locale.ROOT, "Remote cache benchmark: %s (%d features, %d workers), remote %s (%s), median of %d; "
                        + "%d cores, Java %s%n%n", manifest.name(), manifest.features().size(), manifest.workers(), url,
                server, repeat, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        RemoteCacheSettings remote = RemoteCacheSettings.of(url);
        // a team's remote is warm: one run writes every result to it (and to a local file)
        Path writerDb = work.resolve("writer.db");
        Measured writer = once(manifest, writerDb, Optional.of(remote));
        if (writer.remoteLost() > 0 || writer.offReason().isPresent()) {
            throw new IllegalStateException("the remote did not take every result: " + writer.offReason().orElse(
                    writer.remoteLost() + " lost"));
        }
        int deadPort = freePort();
        RemoteCacheSettings refusing = RemoteCacheSettings.of("http://127.0.0.1:" + deadPort);
        List<Measured> uncached = new ArrayList<>();
        List<Measured> localWarm = new ArrayList<>();
        List<Measured> teammate = new ArrayList<>();
        List<Measured> noRemote = new ArrayList<>();
        List<Measured> refused = new ArrayList<>();
        List<Measured> hanging = new ArrayList<>();
        // a server that takes connections and never answers: each run pays one time-out
        try (ServerSocket silent = new ServerSocket(0, 100, InetAddress.getLoopbackAddress())) {
            RemoteCacheSettings hangs = RemoteCacheSettings.of("http://127.0.0.1:" + silent.getLocalPort())
                    .withTimeout(Duration.ofMillis(500));
            // Rounds of every scenario side by side, so a shared machine's load weighs on all alike; the
            // ratios are taken within each round, then their median.
            for (int i = 0; i < repeat; i++) {
                uncached.add(once(manifest, null, Optional.empty()));
                localWarm.add(once(manifest, writerDb, Optional.empty()));
                teammate.add(once(manifest, work.resolve("teammate-" + i + ".db"), Optional.of(remote)));
                noRemote.add(once(manifest, work.resolve("plain-" + i + ".db"), Optional.empty()));
                refused.add(once(manifest, work.resolve("refused-" + i + ".db"), Optional.of(refusing)));
                hanging.add(once(manifest, work.resolve("hanging-" + i + ".db"), Optional.of(hangs)));
            }
        }

        out.printf(Locale.ROOT, "%-46s %8s %9s %6s %12s %7s%n", "run", "wall s", "requests", "hits", "remote hits",
                "errors");
        row("no cache at all", uncached);
        row("local cache warm, no remote", localWarm);
        row("teammate: empty local, warm remote", teammate);
        row("empty local, no remote", noRemote);
        row("empty local, remote refusing", refused);
        row("empty local, remote hanging (time-out 500 ms)", hanging);
        out.println();

        double share = median(teammate, m -> m.requests() == 0 ? 0 : (double) m.remoteHits() / m.requests());
        double vsLocal = pairedRatio(teammate, localWarm);
        double vsNone = pairedRatio(teammate, uncached);
        double refusedCost = pairedRatio(refused, noRemote);
        double hangingCost = pairedRatio(hanging, noRemote);
        out.printf(Locale.ROOT, "%-58s %10s %10s %5s%n", "target", "measured", "target", "met");
        target("teammate's first run: results from the remote", String.format(Locale.ROOT, "%.0f %%", share * 100),
                "100 %", share >= 0.999);
        target("teammate's first run: wall / local warm run", ratio(vsLocal), "<= 1.5x", vsLocal <= 1.5);
        target("teammate's first run: wall / run without a cache", ratio(vsNone), "(info)", true);
        target("remote refusing: wall / run without a remote", ratio(refusedCost), "<= 1.2x", refusedCost <= 1.2);
        target("remote hanging: wall / run without a remote", ratio(hangingCost), "(info)", true);
        out.println();
        out.println("Wall: the run from its start to its end, the end-of-run flush of uploads included; the table "
                + "shows medians, the targets the median of each round's ratio. Runs " + runs + ", load average "
                + String.format(Locale.ROOT, "%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage()) + " at the end.");
        out.println("Reproduce: java -jar target/redyellow.jar bench remotecache [--repeat N] [--remote URL] [--manifest FILE]");
        out.flush();
    }

    private void row(String name, List<Measured> ms) {
        out.printf(Locale.ROOT, "%-46s %8.2f %9.0f %6.0f %12.0f %7.0f%n", name, median(ms, Measured::wall),
                median(ms, m -> (double) m.requests()), median(ms, m -> (double) m.hits()),
                median(ms, m -> (double) m.remoteHits()), median(ms, m -> (double) m.remoteErrors()));
    }

    private void target(String name, String measured, String target, boolean met) {
        out.printf(Locale.ROOT, "%-58s %10s %10s %5s%n", name, measured, target, met ? "yes" : "NO");
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2fx", value);
    }

    /** What one run gave. */
    private record Measured(double wall, long requests, long hits, long remoteHits, long remoteErrors,
                            long remoteLost, Optional<String> offReason) {
    }

    /** The median over rounds of {@code a}'s wall over {@code b}'s in the same round. */
    private static double pairedRatio(List<Measured> a, List<Measured> b) {
        double[] r = new double[a.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = a.get(i).wall() / b.get(i).wall();
        }
        Arrays.sort(r);
        return r.length % 2 == 1 ? r[r.length / 2] : (r[r.length / 2 - 1] + r[r.length / 2]) / 2;
    }

    private static double median(List<Measured> ms, Function<Measured, Double> value) {
        double[] v = ms.stream().mapToDouble(value::apply).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** One run of the manifest; {@code db} null: no cache at all. */
    private Measured once(Manifest manifest, Path db, Optional<RemoteCacheSettings> remote) throws Exception {
        RunFolder folder = new RunFolder(Files.createDirectories(work.resolve("run-" + (++runs))));
        OpenedCache opened = db == null ? new OpenedCache(new DisabledTestCache("bench"), List.of(), Optional.empty())
                : TestCaches.open(db, CacheSettings.defaults());
        List<String> warnings = new ArrayList<>();
        try (TestRunners runners = TestRunners.standard()) {
            TestCache cache = RemoteCaches.wrap(opened.cache(), remote, CacheSettings.defaults(), Map.of(), warnings::add);
            long start = System.nanoTime();
            RunResult result = new RunEngine(manifest, new RunOptions(manifest.workers(), folder.path(), false,
                    ManualDecisions.APPROVE_ALL, StepOutput.DISCARD, cache, Map.of(), null, null), runners,
                    RunListener.NONE, Clock.systemUTC()).run();
            double wall = (System.nanoTime() - start) / 1e9;
            if (!result.allGreen()) {
                throw new IllegalStateException("the benchmark's project must end all GREEN; it did not");
            }
            var c = result.metrics().cache();
            return c.remote().map(r -> new Measured(wall, c.requests(), c.hits(), r.hits(), r.errors(), r.uploadsLost(),
                            r.offReason()))
                    .orElse(new Measured(wall, c.requests(), c.hits(), 0, 0, 0, Optional.empty()));
        } finally {
            opened.close();
            folder.delete();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** nginx with WebDAV PUT in the foreground, its files under {@code dir}. */
    static Process startNginx(Path dir, int port) throws IOException, InterruptedException {
        Path nginx = Stream.concat(Stream.of("/usr/sbin/nginx", "/usr/local/sbin/nginx").map(Path::of),
                        Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                                .filter(p -> !p.isBlank()).map(p -> Path.of(p, "nginx")))
                .filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("nginx is not installed (apt-get install nginx-light), "
                        + "and no --remote URL was given"));
        Path data = Files.createDirectories(dir.resolve("data"));
        Path temp = Files.createDirectories(dir.resolve("temp"));
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 256; }
                http {
                    access_log off;
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
                            dav_methods PUT;
                            create_full_put_path on;
                            dav_access user:rw;
                        }
                    }
                }
                """.formatted(dir, temp, port, data));
        Process process = new ProcessBuilder(nginx.toString(), "-p", dir.toString(), "-c", conf.toString(),
                "-e", dir.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return process;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IOException("nginx did not start: " + Files.readString(dir.resolve("nginx.out")), notYet);
                }
                Thread.sleep(20);
            }
        }
    }
}
