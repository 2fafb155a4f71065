package dev.redyellow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redyellow.cache.CacheInput;
import dev.redyellow.cache.CacheKey;
import dev.redyellow.cache.CacheSettings;
import dev.redyellow.cache.OpenedCache;
import dev.redyellow.cache.SqliteTestCache;
import dev.redyellow.cache.TestCaches;
import dev.redyellow.exec.ProcessReaper;
import dev.redyellow.exec.ProcessTree;
import dev.redyellow.store.Database;
import dev.redyellow.store.FeatureRecord;
import dev.redyellow.store.RunRecord;
import dev.redyellow.store.RunStore;
import dev.redyellow.testing.TestOutcome;
import dev.redyellow.testing.TestResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * {@code redyellow bench faults}: each fault of issue 26 on real processes, real SQLite files and
 * real FIFOs, and what became of it: did RedYellow get through it (the documented exit code, one
 * clear line, no trace), how many processes it started are still running afterwards, and whether
 * any of the run's data (report, history) was lost. Every row should read: yes, 0, nothing.
 */
public final class FaultBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a killed JVM's processes may take to go before they count as left running. */
    private static final Duration REAP_LIMIT = Duration.ofSeconds(15);

    private final PrintWriter out;
    private final Path work;
    private final CommandLine commandLine;

    /** The command line, run in this JVM: the engine does not depend on the cli package, so it is passed in. */
    @FunctionalInterface
    public interface CommandLine {
        int execute(String[] args, PrintWriter out, PrintWriter err);
    }

    /** @param commandLine {@code RedYellowCommand::execute} */
    public FaultBench(PrintWriter out, Path work, CommandLine commandLine) {
        this.out = out;
        this.work = work;
        this.commandLine = commandLine;
    }

    /** One fault and what became of it. */
    public record Row(String fault, boolean survived, int processesLeft, String dataLost, String detail) {
        public boolean clean() {
            return survived && processesLeft == 0 && dataLost.equals("nothing");
        }
    }

    /** Runs every case, prints the table, returns its rows. */
    public List<Row> run() throws Exception {
        out.printf(Locale.ROOT, "Fault bench: %d cores, Java %s, %s%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"));
        out.flush();
        List<Row> rows = new ArrayList<>();
        rows.add(daemonAfterANormalRun());
        rows.add(jvmKilledMidRun("kill -9 of RedYellow mid-run (daemon in a test)", false));
        rows.add(jvmKilledMidRun("kill -9 mid-run, warm JVM in a hanging test with a daemon", true));
        for (double at : new double[] {0.25, 0.5, 0.75}) {
            rows.add(corruptedCache(at));
        }
        rows.add(diskFull());
        rows.add(unwritableReport("--report under a regular file", dir -> {
            Files.writeString(dir.resolve("file"), "x");
            return dir.resolve("file/report.json");
        }));
        rows.add(unwritableReport("--report is a folder", dir -> Files.createDirectories(dir.resolve("folder"))));
        rows.add(unwritableReport("--report in /proc", dir -> Path.of("/proc/redyellow-no-such/report.json")));
        rows.add(fifo(true));
        rows.add(fifo(false));
        rows.add(javacCrash());
        print(rows);
        return rows;
    }

    private void print(List<Row> rows) {
        out.printf("%-52s %-9s %-15s %-10s %s%n", "CASE", "SURVIVED", "PROCESSES LEFT", "DATA LOST", "DETAIL");
        for (Row r : rows) {
            out.printf("%-52s %-9s %-15d %-10s %s%n", r.fault(), r.survived() ? "yes" : "NO", r.processesLeft(),
                    r.dataLost(), r.detail());
        }
        long clean = rows.stream().filter(Row::clean).count();
        out.printf("%n%d of %d cases: survived, 0 processes left, nothing lost.%n", clean, rows.size());
        out.flush();
    }

    // ---- processes ----------------------------------------------------------------------------

    /** A test that starts a double-forked, setsid, SIGTERM-ignoring daemon, in a run that ends normally. */
    private Row daemonAfterANormalRun() throws Exception {
        Path dir = Files.createDirectories(work.resolve("daemon-run"));
        Path pids = Files.createDirectories(dir.resolve("pids"));
        Path manifest = daemonManifest(dir, pids, false);
        Cli run = cli("run", manifest.toString(), "--no-cache", "--runs-dir", dir.resolve("runs").toString(),
                "--report", dir.resolve("report.json").toString());
        List<Long> started = pidsIn(pids);
        int left = aliveAfter(started, Duration.ZERO);
        int marked = ProcessReaper.shared().liveMarked().size();
        boolean survived = run.code() == 0 && started.size() == 2;
        return new Row("daemon (setsid, double fork, ignores TERM) in a test", survived, left + marked,
                Files.exists(dir.resolve("report.json")) ? "nothing" : "report",
                "exit " + run.code() + ", " + started.size() + " test processes seen, " + marked + " marked still running");
    }

    /**
     * The same daemon, its test hanging, and the RedYellow JVM killed with SIGKILL in the middle: in
     * a Python test, or in a Java test on a warm worker JVM (the worker and the daemon must go).
     */
    private Row jvmKilledMidRun(String name, boolean warmJava) throws Exception {
        Path dir = Files.createDirectories(work.resolve(warmJava ? "sigkill-warm" : "sigkill"));
        Path pids = Files.createDirectories(dir.resolve("pids"));
        Path manifest = warmJava ? javaDaemonManifest(dir, pids) : daemonManifest(dir, pids, true);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jvm = new ProcessBuilder(java, "-Duser.home=" + dir.resolve("home"), "-cp",
                System.getProperty("java.class.path"), "dev.redyellow.Main", "run", manifest.toString(), "--no-cache",
                "--runs-dir", dir.resolve("runs").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("jvm.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (pidsIn(pids).size() < 2 && System.nanoTime() < deadline && jvm.isAlive()) {
                Thread.sleep(20);
            }
            List<Long> started = pidsIn(pids);
            if (started.size() < 2) {
                return new Row(name, false, 0, "nothing", "the test never started its daemon; see " + dir.resolve("jvm.log"));
            }
            jvm.destroyForcibly();
            jvm.waitFor(30, TimeUnit.SECONDS);
            long killedAt = System.nanoTime();
            int left = aliveAfter(started, REAP_LIMIT);
            double seconds = (System.nanoTime() - killedAt) / 1e9;
            return new Row(name, true, left, "nothing", String.format(Locale.ROOT,
                    "%s and daemon gone %.1f s after the SIGKILL", warmJava ? "worker JVM" : "test", seconds));
        } finally {
            jvm.destroyForcibly();
        }
    }

    /**
     * A manifest of one Java feature (junit kind, warm workers) whose test writes its JVM's pid as
     * root.pid, starts a session-leading daemon that ignores TERM and HUP (daemon.pid), and hangs.
     */
    static Path javaDaemonManifest(Path dir, Path pids) throws IOException {
        String test = """
                package p;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import org.junit.jupiter.api.Test;
                class HangTest {
                    @Test void hangs() throws Exception {
                        Path folder = Path.of(%s);
                        new ProcessBuilder("setsid", "sh", "-c",
                                "trap '' TERM HUP; echo $$ > daemon.tmp; mv daemon.tmp daemon.pid; exec sleep 1000")
                                .directory(folder.toFile()).start();
                        Files.writeString(folder.resolve("root.tmp"), Long.toString(ProcessHandle.current().pid()));
                        Files.move(folder.resolve("root.tmp"), folder.resolve("root.pid"));
                        Thread.sleep(1_000_000);
                    }
                }
                """.formatted(JSON.writeValueAsString(pids.toString()));
        ObjectNode m = JSON.createObjectNode();
        m.put("version", 1).put("name", "warm-daemon").put("maxAttempts", 1).put("workers", 1);
        m.putObject("test").put("kind", "junit").put("timeoutSeconds", 300).put("fork", "warm");
        ObjectNode feature = m.putArray("features").addObject().put("id", "hang");
        feature.putObject("tests").put("src/test/java/p/HangTest.java", test);
        feature.putArray("attempts").addObject().putObject("files").put("src/main/java/p/Hang.java",
                "package p; public class Hang { }\n");
        Path file = dir.resolve("warm-daemon.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), m);
        return file;
    }

    /**
     * A manifest of one Python feature whose test module starts a daemon the hard way and writes
     * root.pid and daemon.pid into {@code pids}; with {@code hang} the test then never ends.
     */
    static Path daemonManifest(Path dir, Path pids, boolean hang) throws IOException {
        String test = """
                import os, signal, time, unittest
                from one import v
                FOLDER = %s
                HANG = %s

                def _write(name, value):
                    tmp = os.path.join(FOLDER, name + ".tmp")
                    with open(tmp, "w") as f:
                        f.write(str(value))
                    os.rename(tmp, os.path.join(FOLDER, name))

                _write("root.pid", os.getpid())
                if os.fork() == 0:
                    os.setsid()
                    if os.fork() == 0:
                        signal.signal(signal.SIGTERM, signal.SIG_IGN)
                        signal.signal(signal.SIGHUP, signal.SIG_IGN)
                        null = os.open(os.devnull, os.O_RDWR)
                        for fd in (0, 1, 2):
                            os.dup2(null, fd)
                        _write("daemon.pid", os.getpid())
                        time.sleep(1000)
                        os._exit(0)
                    os._exit(0)
                os.wait()
                while not os.path.exists(os.path.join(FOLDER, "daemon.pid")):
                    time.sleep(0.01)
                if HANG:
                    time.sleep(1000)

                class T(unittest.TestCase):
                    def test_v(self):
                        self.assertEqual(1, v)
                """.formatted(JSON.writeValueAsString(pids.toString()), hang ? "True" : "False");
        return pythonManifest(dir, "daemon", test);
    }

    /** A one-feature Python manifest: the test module given, one attempt that passes it. */
    static Path pythonManifest(Path dir, String name, String testModule) throws IOException {
        ObjectNode m = JSON.createObjectNode();
        m.put("version", 1).put("name", name).put("maxAttempts", 1).put("workers", 1);
        ObjectNode test = m.putObject("test").put("kind", "command").put("timeoutSeconds", 300);
        test.putArray("command").add("python3").add("-m").add("unittest").add("-v").add("test_one");
        test.putObject("env").put("PYTHONDONTWRITEBYTECODE", "1");
        m.putObject("implementer").put("kind", "replay");
        ObjectNode feature = m.putArray("features").addObject().put("id", "one");
        feature.putObject("tests").put("test_one.py", testModule);
        feature.putArray("attempts").addObject().putObject("files").put("one.py", "v = 1\n");
        Path file = dir.resolve(name + ".json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), m);
        return file;
    }

    private static List<Long> pidsIn(Path folder) throws IOException {
        List<Long> pids = new ArrayList<>();
        for (String name : List.of("root.pid", "daemon.pid")) {
            Path f = folder.resolve(name);
            if (Files.exists(f)) {
                pids.add(Long.parseLong(Files.readString(f).trim()));
            }
        }
        return pids;
    }

    /** How many of {@code pids} still run after up to {@code limit}; any left are then killed, to clean up. */
    private static int aliveAfter(List<Long> pids, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            List<ProcessHandle> alive = pids.stream().map(ProcessHandle::of).flatMap(Optional::stream)
                    .filter(h -> !ProcessTree.hasExited(h)).toList();
            if (alive.isEmpty()) {
                return 0;
            }
            if (System.nanoTime() >= deadline) {
                alive.forEach(ProcessHandle::destroyForcibly);
                return alive.size();
            }
            Thread.sleep(20);
        }
    }

    // ---- SQLite -------------------------------------------------------------------------------

    /** Overwrites 4 KB at {@code fraction} of a filled cache file with random bytes; run, stats and clear on it. */
    private Row corruptedCache(double fraction) throws Exception {
        Path dir = Files.createDirectories(work.resolve("corrupt-" + (int) (fraction * 100)));
        Path manifest = pythonManifest(dir, "plain", """
                import unittest
                from one import v

                class T(unittest.TestCase):
                    def test_v(self):
                        self.assertEqual(1, v)
                """);
        Path db = dir.resolve("redyellow.db");
        List<String> problems = new ArrayList<>();

        filledCache(db, 300);
        overwrite(db, fraction, 4096, 26);
        Path report = dir.resolve("report.json");
        Cli run = cli("run", manifest.toString(), "--cache-db", db.toString(), "--runs-dir", dir.resolve("runs").toString(),
                "--report", report.toString());
        expect(problems, "run", run, 0);
        Cli history = cli("history", "--json", "--cache-db", db.toString());
        expect(problems, "history", history, 0);
        boolean historyKept = history.out().contains("\"plain\"");

        filledCache(db, 300);
        overwrite(db, fraction, 4096, 26);
        expect(problems, "cache stats", cli("cache", "stats", "--cache-db", db.toString()), 0);

        filledCache(db, 300);
        overwrite(db, fraction, 4096, 26);
        expect(problems, "cache clear", cli("cache", "clear", "--cache-db", db.toString()), 0);
        Cli after = cli("cache", "stats", "--json", "--cache-db", db.toString());
        expect(problems, "cache stats after clear", after, 0);
        if (!after.out().contains("\"entries\" : 0")) {
            problems.add("entries remain after clear");
        }
        long moved;
        try (Stream<Path> files = Files.list(dir)) {
            moved = files.filter(f -> f.getFileName().toString().contains(".corrupt-") && !f.toString().endsWith("-wal")
                    && !f.toString().endsWith("-shm")).count();
        }
        String lost = !Files.exists(report) ? "report" : historyKept ? "nothing" : "history";
        return new Row(String.format(Locale.ROOT, "4 KB of random bytes at %d %% of the cache file", (int) (fraction * 100)),
                problems.isEmpty(), 0, lost, problems.isEmpty()
                ? "run, history, stats, clear fine; " + moved + " damaged files moved aside"
                : String.join("; ", problems));
    }

    private static void expect(List<String> problems, String what, Cli cli, int code) {
        if (cli.code() != code) {
            problems.add(what + " exit " + cli.code() + ": " + firstLine(cli.err()));
        } else if (cli.err().contains("\tat ") || cli.err().contains("Exception")) {
            problems.add(what + " printed a trace: " + firstLine(cli.err()));
        }
    }

    /** A cache file with {@code entries} results of about 2 KB and three runs of history, closed (no WAL). */
    public static void filledCache(Path file, int entries) throws Exception {
        try (Stream<Path> old = Files.list(file.getParent())) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith(file.getFileName().toString())).toList()) {
                if (!p.getFileName().toString().contains(".corrupt-")) {
                    Files.delete(p);
                }
            }
        }
        try (OpenedCache opened = TestCaches.open(file, CacheSettings.defaults())) {
            Database db = opened.database().orElseThrow();
            Random random = new Random(7);
            for (int i = 0; i < entries; i++) {
                opened.cache().store(key(i), "feature-" + (i % 20), Set.of(), result(random));
            }
            RunStore store = new RunStore(db);
            for (int i = 0; i < 3; i++) {
                store.save(run("earlier-" + i));
            }
        }
    }

    private static CacheKey key(int i) {
        return CacheKey.of(List.of(new CacheInput("settings", "s"), CacheInput.file("src/F" + i + ".java", "content " + i)));
    }

    private static TestResult result(Random random) {
        StringBuilder tail = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            tail.append((char) ('a' + random.nextInt(26)));
        }
        return new TestResult(TestOutcome.PASSED, 3, 0, 0, List.of(), 1200, "", tail.toString());
    }

    private static RunRecord run(String id) {
        Instant at = Instant.parse("2026-01-10T10:00:00Z");
        return new RunRecord(id, "/bench/manifest.json", "bench", at, at.plusSeconds(5), true, 5, 1, 1, 1,
                List.of(new FeatureRecord("one", "GREEN", "approved", 1, 2, 0, 2.5, List.of(), List.of())));
    }

    /** Writes {@code length} random bytes at {@code fraction} of the file's length, on a page boundary. */
    public static void overwrite(Path file, double fraction, int length, long seed) throws IOException {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long at = (long) (f.length() * fraction) / 4096 * 4096;
            f.seek(at);
            f.write(bytes);
        }
    }

    /** A full disk, made real with a page cap: one warning, the cache off, the history still saved. */
    private Row diskFull() throws Exception {
        Path dir = Files.createDirectories(work.resolve("full"));
        Path db = dir.resolve("redyellow.db");
        filledCache(db, 100);
        List<String> warnings = new ArrayList<>();
        String detail;
        boolean saved;
        boolean off;
        try (OpenedCache opened = TestCaches.open(db, CacheSettings.defaults())) {
            Database database = opened.database().orElseThrow();
            database.onWarning(warnings::add);
            long pages = database.read(c -> {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA page_count")) {
                    r.next();
                    return r.getLong(1);
                }
            });
            database.limitPages(pages);
            Random random = new Random(9);
            for (int i = 1000; i < 1050; i++) {
                opened.cache().store(key(i), "feature", Set.of(), result(random));
                opened.cache().lookup(key(i));
            }
            off = opened.cache() instanceof SqliteTestCache s && s.turnedOff();
            RunStore store = new RunStore(database);
            store.save(run("on-a-full-disk"));
            saved = store.find("on-a-full-disk").isPresent();
            detail = warnings.size() + " warning(s), cache " + (off ? "off" : "still on") + ", history "
                    + (saved ? "saved (cold entries made room)" : "NOT saved");
        }
        return new Row("disk full while the cache stores results", warnings.size() == 1 && off, 0,
                saved ? "nothing" : "history", detail);
    }

    // ---- arguments and input files --------------------------------------------------------------

    /** Makes an unwritable report location inside a folder. */
    @FunctionalInterface
    private interface Location {
        Path in(Path dir) throws IOException;
    }

    private Row unwritableReport(String name, Location location) throws Exception {
        Path dir = Files.createDirectories(work.resolve("report-" + name.replaceAll("[^a-z]", "")));
        Path manifest = pythonManifest(dir, "plain", "import unittest\n");
        Path report = location.in(dir);
        Path runs = dir.resolve("runs");
        Cli run = cli("run", manifest.toString(), "--no-cache", "--runs-dir", runs.toString(), "--report", report.toString());
        boolean ranNothing = !Files.exists(runs);
        boolean stray = Files.exists(report.resolveSibling(report.getFileName() + ".tmp"));
        boolean oneLine = run.err().strip().lines().count() == 1;
        return new Row(name, run.code() == 2 && oneLine && ranNothing && !stray, 0, "nothing",
                "exit " + run.code() + (ranNothing ? ", nothing ran" : ", A RUN STARTED") + (stray ? ", stray .tmp" : "")
                        + ": " + firstLine(run.err()));
    }

    /** A FIFO as a {@code from} file, or as the manifest itself: refused at once, never read. */
    private Row fifo(boolean asFrom) throws Exception {
        Path dir = Files.createDirectories(work.resolve(asFrom ? "fifo-from" : "fifo-manifest"));
        Path fifo = dir.resolve(asFrom ? "test_one.py" : "manifest.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        if (mkfifo.waitFor() != 0) {
            return new Row(asFrom ? "FIFO as a \"from\" file" : "FIFO as the manifest", false, 0, "nothing", "mkfifo failed");
        }
        Path manifest = fifo;
        if (asFrom) {
            manifest = dir.resolve("m.json");
            Files.writeString(manifest, """
                    {"version": 1, "name": "fifo", "test": {"kind": "command", "command": ["python3", "-m", "unittest"]},
                     "features": [{"id": "one", "tests": {"test_one.py": {"from": "test_one.py"}}}]}
                    """);
        }
        String[] args = {"plan", manifest.toString()};
        CompletableFuture<Cli> plan = CompletableFuture.supplyAsync(() -> cli(args));
        try {
            Cli done = plan.get(20, TimeUnit.SECONDS);
            boolean located = done.err().contains(asFrom ? "m.json:" : "manifest.json:") && done.err().contains("FIFO");
            return new Row(asFrom ? "FIFO as a \"from\" file" : "FIFO as the manifest", done.code() == 2 && located, 0,
                    "nothing", "exit " + done.code() + ": " + firstLine(done.err().lines().skip(asFrom ? 1 : 1)
                    .findFirst().orElse(done.err())).strip());
        } catch (TimeoutException e) {
            // Unblock the reader so the thread can end: open the FIFO for writing once.
            Files.writeString(fifo, "");
            return new Row(asFrom ? "FIFO as a \"from\" file" : "FIFO as the manifest", false, 0, "nothing",
                    "plan hung reading the FIFO");
        }
    }

    // ---- the compiler -------------------------------------------------------------------------

    /**
     * Valid Java that javac crashes on (a StackOverflowError in its parser on javac's own thread's stack):
     * no compile error, the compile is done again on a larger stack and the feature ends GREEN.
     */
    private Row javacCrash() throws Exception {
        Path dir = Files.createDirectories(work.resolve("javac-crash"));
        int depth = 200_000; // deeper than javac's own thread's stack holds (Uninterrupted: 8 MiB), not the redo's (256 MiB)
        ObjectNode m = JSON.createObjectNode();
        m.put("version", 1).put("name", "javac-crash").put("maxAttempts", 1).put("workers", 1);
        m.putObject("test").put("kind", "junit").put("timeoutSeconds", 300);
        m.putObject("implementer").put("kind", "replay");
        ObjectNode feature = m.putArray("features").addObject().put("id", "deep");
        feature.putObject("tests").put("src/test/java/p/DeepTest.java", """
                package p;
                import static org.junit.jupiter.api.Assertions.assertEquals;
                import org.junit.jupiter.api.Test;
                class DeepTest {
                    @Test void one() { assertEquals(1, Deep.one()); }
                }
                """);
        feature.putArray("attempts").addObject().putObject("files").put("src/main/java/p/Deep.java",
                "package p; public class Deep { public static int one() { return " + "(".repeat(depth) + "1"
                        + ")".repeat(depth) + "; } }\n");
        Path manifest = dir.resolve("javac-crash.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(manifest.toFile(), m);
        Path report = dir.resolve("report.json");
        long before = dev.redyellow.testing.worker.WorkspaceCompiler.compilesDoneAgainAfterACrash();
        Cli run = cli("run", manifest.toString(), "--no-cache", "--runs-dir", dir.resolve("runs").toString(),
                "--report", report.toString());
        long again = dev.redyellow.testing.worker.WorkspaceCompiler.compilesDoneAgainAfterACrash() - before;
        String state = Files.exists(report)
                ? JSON.readTree(report.toFile()).path("features").path(0).path("state").asText("?") : "no report";
        return new Row("javac crashes on valid code (" + depth + " nested parentheses)", run.code() == 0 && "GREEN".equals(state), 0,
                Files.exists(report) ? "nothing" : "report", "exit " + run.code() + ", the feature ended " + state + "; "
                        + again + " compiles done again after javac crashed");
    }

    // ---- the command line ---------------------------------------------------------------------

    /** What the command line did. */
    private record Cli(int code, String out, String err) {
    }

    private Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = commandLine.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(code, out.toString(), err.toString());
    }

    private static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        String line = nl < 0 ? t : t.substring(0, nl);
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }
}
