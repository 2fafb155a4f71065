package dev.redyellow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redyellow.daemon.DaemonClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The unchanged re-run as a user meets it (issue 19: at most 1.5 s for 300 features): {@code java
 * -jar redyellow.jar run MANIFEST} (or an installed {@code redyellow run MANIFEST}) in a new JVM, several times on the same cache file, each timed
 * from start to exit. The first run fills the cache when it is cold and is shown apart; the timed
 * runs must be answered whole by the cache and end every feature as the first run did, else the
 * figure says so.
 */
public final class RerunBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One timed process: wall, exit, what its report says. */
    private record Run(double seconds, int exit, int features, int green, long requests, long hits, String states) {
    }

    private final PrintWriter out;
    private final Path jar;
    private final Path manifest;
    private final Path cacheDb;
    private final int runs;
    private final Optional<Integer> workers;
    private final List<String> jvmOptions;
    /** An installed command timed instead of {@code java -jar} (the .deb's {@code redyellow}). */
    private final Optional<Path> command;
    /** Whether the re-runs are also timed through a daemon ({@code REDYELLOW_DAEMON=1}), side by side. */
    private boolean daemon;

    public RerunBench(PrintWriter out, Path jar, Path manifest, Path cacheDb, int runs, Optional<Integer> workers,
                      List<String> jvmOptions) {
        this(out, jar, manifest, cacheDb, runs, workers, jvmOptions, Optional.empty());
    }

    /** @param command when present, the program each run starts instead of {@code java [jvmOptions] -jar jar} */
    public RerunBench(PrintWriter out, Path jar, Path manifest, Path cacheDb, int runs, Optional<Integer> workers,
                      List<String> jvmOptions, Optional<Path> command) {
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1: " + runs);
        }
        this.out = out;
        this.jar = jar;
        this.manifest = manifest;
        this.cacheDb = cacheDb;
        this.runs = runs;
        this.workers = workers;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.command = command;
        if (command.isPresent() && !jvmOptions.isEmpty()) {
            throw new IllegalArgumentException("--jvm-option is for java -jar; an installed command has its own options");
        }
    }

    /**
     * Also times each re-run as a client of a daemon ({@code REDYELLOW_DAEMON=1}, a daemon folder of the bench's
     * own), taking turns with the new JVMs: the first such command starts the daemon, {@value #DAEMON_WARM_UP} more
     * warm it up (shown apart), and the bench stops it at the end.
     */
    public RerunBench withDaemon(boolean daemon) {
        if (daemon && command.isPresent()) {
            throw new IllegalArgumentException("--daemon is for java -jar: the bench gives its daemon a folder of its own");
        }
        this.daemon = daemon;
        return this;
    }

    /** Commands through the daemon before the timed ones: its JIT warms up as it would over a developer's first runs. */
    static final int DAEMON_WARM_UP = 5;

    /** The jar this benchmark runs from, if it runs from one. */
    public static Optional<Path> ownJar() {
        try {
            Path location = Path.of(RerunBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toString().endsWith(".jar") ? Optional.of(location) : Optional.empty();
        } catch (java.net.URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }

    public int run() throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("redyellow-rerun-bench");
        try {
            out.printf(Locale.ROOT, "Unchanged re-run benchmark: %d cores, Java %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            out.printf(Locale.ROOT, "manifest: %s%ncache:    %s%n", manifest, cacheDb);
            out.printf(Locale.ROOT, command.isPresent() ? "command:  %s%n" : "jvm:      %s%n", command.map(Path::toString)
                    .orElse(jvmOptions.isEmpty() ? "(default options)" : String.join(" ", jvmOptions)));
            out.printf(Locale.ROOT, "load average before: %s%n", loadAverage());
            Run first = once(work, 0);
            out.printf(Locale.ROOT, "%-38s%7.2f s  exit %d, %d features, %d GREEN, %d of %d test runs from the cache%n",
                    "first run (fills the cache when cold)", first.seconds(), first.exit(), first.features(), first.green(), first.hits(), first.requests());
            List<Run> timed = new ArrayList<>();
            List<Run> served = new ArrayList<>();
            if (daemon) {
                Run started = once(work, -1, true);
                out.printf(Locale.ROOT, "%-38s%7.2f s  exit %d%n", "daemon: first command (starts one)", started.seconds(), started.exit());
                waitForDaemon(work);
                for (int i = 1; i <= DAEMON_WARM_UP; i++) {
                    Run warm = once(work, -1 - i, true);
                    out.printf(Locale.ROOT, "%-38s%7.2f s  exit %d, %d of %d test runs from the cache%n", "daemon: warm-up " + i,
                            warm.seconds(), warm.exit(), warm.hits(), warm.requests());
                }
            }
            for (int i = 1; i <= runs; i++) {
                Run r = once(work, i, false);
                timed.add(r);
                out.printf(Locale.ROOT, "%-38s%7.2f s  exit %d, %d of %d test runs from the cache%s%n", "re-run " + i, r.seconds(),
                        r.exit(), r.hits(), r.requests(), r.states().equals(first.states()) ? "" : ", features ended otherwise than the first run");
                if (daemon) {
                    Run d = once(work, runs + i, true);
                    served.add(d);
                    out.printf(Locale.ROOT, "%-38s%7.2f s  exit %d, %d of %d test runs from the cache%s%n", "re-run " + i + " through the daemon",
                            d.seconds(), d.exit(), d.hits(), d.requests(),
                            d.states().equals(first.states()) ? "" : ", features ended otherwise than the first run");
                }
                out.flush();
            }
            List<Double> walls = timed.stream().map(Run::seconds).sorted().toList();
            double median = median(walls);
            List<Run> all = new ArrayList<>(timed);
            all.addAll(served);
            boolean whole = all.stream().allMatch(r -> r.requests() > 0 && r.hits() == r.requests());
            boolean same = all.stream().allMatch(r -> r.states().equals(first.states()));
            out.printf(Locale.ROOT, "%nfigure                                  value%n");
            out.printf(Locale.ROOT, "features                                %d (%d GREEN)%n", first.features(), first.green());
            out.printf(Locale.ROOT, "re-run process wall, min/median/max     %.2f / %.2f / %.2f s over %d runs%n",
                    walls.get(0), median, walls.get(walls.size() - 1), walls.size());
            out.printf(Locale.ROOT, "per cached feature (median)             %.1f ms%n",
                    first.features() == 0 ? 0.0 : median * 1000 / first.features());
            if (daemon) {
                List<Double> daemonWalls = served.stream().map(Run::seconds).sorted().toList();
                double daemonMedian = median(daemonWalls);
                out.printf(Locale.ROOT, "through the daemon, min/median/max     %.2f / %.2f / %.2f s over %d runs%n",
                        daemonWalls.get(0), daemonMedian, daemonWalls.get(daemonWalls.size() - 1), daemonWalls.size());
                out.printf(Locale.ROOT, "daemon / new JVM (medians)              %.2fx%n", daemonMedian / median);
            }
            out.printf(Locale.ROOT, "answered whole by the cache             %s%n", whole ? "yes" : "NO: the figure is not of a cached re-run");
            out.printf(Locale.ROOT, "features ended as in the first run       %s%n", same ? "yes" : "NO");
            out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
            out.printf(Locale.ROOT, "Reproduce: java -jar %s bench rerun %s --cache-db %s --runs %d%s%s%s%s%n", jar, manifest, cacheDb, runs,
                    daemon ? " --daemon" : "", workers.map(w -> " --workers " + w).orElse(""),
                    jvmOptions.stream().map(o -> " --jvm-option=" + o).reduce("", String::concat),
                    command.map(c -> " --command " + c).orElse(""));
            out.flush();
            return whole && same ? 0 : 1;
        } finally {
            if (daemon) {
                stopDaemon(work);
            }
            deleteQuietly(work);
        }
    }

    private static double median(List<Double> sorted) {
        return sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    }

    private Run once(Path work, int index) throws IOException, InterruptedException {
        return once(work, index, false);
    }

    /** The program and JVM options each command starts with; {@code throughDaemon}: with the bench's daemon folder. */
    private List<String> launch(Path work, boolean throughDaemon) {
        List<String> command = new ArrayList<>();
        if (this.command.isPresent()) {
            command.add(this.command.get().toString());
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            if (throughDaemon) {
                command.add("-Dredyellow.daemon.dir=" + work.resolve("daemon"));
            }
            command.addAll(List.of("-jar", jar.toString()));
        }
        return command;
    }

    private ProcessBuilder builder(List<String> command, boolean throughDaemon) {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (throughDaemon) {
            builder.environment().put(DaemonClient.SWITCH, "1");
        } else {
            builder.environment().remove(DaemonClient.SWITCH);
        }
        return builder;
    }

    /** Waits (at most a minute) until the daemon the first command started answers. */
    private void waitForDaemon(Path work) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<String> command = launch(work, true);
            command.addAll(List.of("daemon", "status"));
            Process status = builder(command, true).redirectErrorStream(true).start();
            String text = new String(status.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            status.waitFor();
            if (text.contains("commands served")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IOException("the daemon did not start within a minute; its log is in " + work.resolve("daemon"));
    }

    private void stopDaemon(Path work) throws IOException, InterruptedException {
        List<String> command = launch(work, true);
        command.addAll(List.of("daemon", "stop"));
        Process stop = builder(command, true).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        stop.waitFor();
        // and wait (at most half a minute) until it has ended, so nothing of the bench outlives it
        String folder = "-Dredyellow.daemon.dir=" + work.resolve("daemon");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline && ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine()
                .map(c -> c.contains(folder) && c.contains("daemon serve")).orElse(false))) {
            Thread.sleep(100);
        }
    }

    private Run once(Path work, int index, boolean throughDaemon) throws IOException, InterruptedException {
        Path report = work.resolve("report-" + index + ".json");
        Path log = work.resolve("run-" + index + ".log");
        List<String> command = launch(work, throughDaemon);
        command.addAll(List.of("run", manifest.toString(), "--cache-db", cacheDb.toString(),
                "--runs-dir", work.resolve("runs").toString(), "--report", report.toString()));
        workers.ifPresent(w -> command.addAll(List.of("--workers", Integer.toString(w))));
        long started = System.nanoTime();
        Process process = builder(command, throughDaemon).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!Files.isRegularFile(report)) {
            throw new IOException("the run wrote no report (exit " + exit + "); its output is in " + log + ":\n"
                    + tail(log));
        }
        JsonNode root = JSON.readTree(report.toFile());
        StringBuilder states = new StringBuilder();
        int green = 0;
        for (JsonNode f : root.path("features")) {
            states.append(f.path("id").asText()).append('=').append(f.path("state").asText()).append('\n');
            if ("GREEN".equals(f.path("state").asText())) {
                green++;
            }
        }
        JsonNode cache = root.path("metrics").path("cache");
        Files.deleteIfExists(log);
        return new Run(seconds, exit, root.path("features").size(), green, cache.path("requests").asLong(),
                cache.path("hits").asLong(), states.toString());
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind costs nothing the figures depend on
        }
    }
}
