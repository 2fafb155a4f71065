package dev.redyellow.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon with real processes: command-line JVMs started as a user starts them, with
 * {@code REDYELLOW_DAEMON=1}, in a working folder of their own, and the daemon they start.
 */
class DaemonRunTest {
    private static final String TEST_ONE = "import unittest\\nfrom one import v\\nclass T(unittest.TestCase):\\n"
            + "    def test_v(self):\\n        self.assertEqual(1, v)\\n";

    /** A feature whose test writes its pid where {@code SLOW_PID} says, then sleeps ten minutes. */
    private static final String SLOW = """
                {"version": 1, "name": "slow",
                 "test": {"kind": "command", "command": ["pyrun", "-m", "unittest", "-v", "test_slow"]},
                 "features": [{"id": "slow", "tests": {"test_slow.py": "import os, time, unittest\\nclass T(unittest.TestCase):\\n    def test_slow(self):\\n        open(os.environ['SLOW_PID'], 'w').write(str(os.getpid()))\\n        time.sleep(600)\\n"},
                   "attempts": [{"files": {"slow.py": "v = 1\\n"}}]}]}
                """;

    @TempDir
    Path dir;
    private Path work;
    private Path bin;

    @BeforeEach
    void project() throws IOException {
        work = Files.createDirectories(dir.resolve("work"));
        bin = Files.createDirectories(dir.resolve("bin"));
        // the tests' tool, found on PATH: a daemon must see it changed between two runs, as a new JVM would
        Path tool = bin.resolve("pyrun");
        Files.writeString(tool, "#!/bin/sh\nexec python3 \"$@\"\n");
        assertTrue(tool.toFile().setExecutable(true));
        Files.writeString(work.resolve("one.json"), """
                {"version": 1, "name": "one",
                 "test": {"kind": "command", "command": ["pyrun", "-m", "unittest", "-v", "test_one"]},
                 "features": [{"id": "one", "tests": {"test_one.py": "%s"},
                   "attempts": [{"files": {"one.py": "v = 1\\n"}}]}]}
                """.formatted(TEST_ONE));
    }

    @AfterEach
    void stopDaemons() throws Exception {
        client(Map.of(), "daemon", "stop").waitFor(60, TimeUnit.SECONDS);
        assertTrue(waitFor(() -> daemonProcesses().isEmpty(), 30), "daemons left: " + daemonProcesses());
    }

    @Test
    void theSecondRunIsServedByTheDaemonAsANewJvmWouldServeIt() throws Exception {
        Ran first = run(Map.of(), "run", "one.json", "--cache-db", "cache.db", "--runs-dir", "runs", "--report", "r1.json");
        assertEquals(0, first.exit(), first.output());
        assertTrue(first.output().contains("1 of 1 features GREEN"), first.output());
        assertTrue(waitFor(() -> status().contains("0 commands served"), 60), "no daemon started: " + status() + logs());

        // served there: relative paths are the client's folder's, the cached results are served, the report is written
        Ran second = run(Map.of(), "run", "one.json", "--cache-db", "cache.db", "--runs-dir", "runs", "--report", "r2.json");
        assertEquals(0, second.exit(), second.output());
        assertTrue(status().contains("1 commands served"), status());
        assertTrue(second.output().contains("1 of 1 features GREEN"), second.output());
        assertEquals("GREEN", feature("r2.json").get("state").asText());
        assertTrue(feature("r2.json").get("cacheHits").asInt() > 0, feature("r2.json").toString());

        // the tool on PATH changed: the daemon keys the next run with it, as a new JVM would
        Files.writeString(bin.resolve("pyrun"), "#!/bin/sh\n# a new version\nexec python3 \"$@\"\n");
        Ran third = run(Map.of(), "run", "one.json", "--cache-db", "cache.db", "--runs-dir", "runs", "--report", "r3.json");
        assertEquals(0, third.exit(), third.output());
        assertTrue(status().contains("2 commands served"), status());
        assertEquals(0, feature("r3.json").get("cacheHits").asInt(), feature("r3.json").toString());

        // a bad manifest: the daemon's exit code and its located error on the client's standard error
        Files.writeString(work.resolve("bad.json"), "{\"version\": 1, \"name\": \"bad\", \"features\": [}");
        Ran bad = run(Map.of(), "plan", "bad.json");
        assertEquals(2, bad.exit(), bad.output());
        assertTrue(bad.error().contains("bad.json"), bad.error());
        assertTrue(status().contains("3 commands served"), status());

        // another environment (a zone the tests would inherit) is never served by this daemon
        Ran tokyo = run(Map.of("TZ", "Asia/Tokyo"), "run", "one.json", "--cache-db", "cache.db", "--runs-dir", "runs");
        assertEquals(0, tokyo.exit(), tokyo.output());
        assertTrue(status().contains("3 commands served"), status());
        assertTrue(waitFor(() -> status().startsWith("2 daemons"), 60), status());
    }

    @Test
    void aClientKilledOrInterruptedStopsItsRunInTheDaemon() throws Exception {
        Path pidFile = dir.resolve("slow.pid");
        Map<String, String> env = daemonBesideSlowFeature(pidFile);

        // killed: the connection breaks, and the daemon stops the run and its test process
        Process killed = client(env, "run", "slow.json", "--no-cache", "--runs-dir", "runs");
        long test = testProcess(pidFile);
        assertTrue(status().contains("running: run slow.json"), status());
        killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertTrue(waitFor(() -> ProcessHandle.of(test).map(p -> !p.isAlive()).orElse(true), 30), "the test process lives on");
        assertTrue(waitFor(() -> status().contains("idle"), 30), status());
        assertTrue(logs().contains("(its client went away)"), logs());

        // Ctrl-C: the client asks the daemon to stop the run, says so, and ends once it has
        Files.deleteIfExists(pidFile);
        Process interrupted = client(env, "run", "slow.json", "--no-cache", "--runs-dir", "runs");
        long second = testProcess(pidFile);
        new ProcessBuilder("kill", "-INT", Long.toString(interrupted.pid())).start().waitFor();
        assertTrue(interrupted.waitFor(60, TimeUnit.SECONDS), "the client did not end");
        assertEquals(130, interrupted.exitValue(), "the exit of a command stopped by Ctrl-C");
        String said = new String(interrupted.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(said.contains("stopping the run"), said);
        assertFalse(ProcessHandle.of(second).map(ProcessHandle::isAlive).orElse(false), "the test process lives on");
        assertTrue(waitFor(() -> status().contains("2 commands served") && status().contains("idle"), 30), status());

        // the daemon itself stopped (SIGTERM): the run is stopped as by Ctrl-C, and its client told how it ended
        Files.deleteIfExists(pidFile);
        Process terminated = client(env, "run", "slow.json", "--no-cache", "--runs-dir", "runs");
        long third = testProcess(pidFile);
        signalTheDaemon("-TERM");
        assertTrue(terminated.waitFor(60, TimeUnit.SECONDS), "the client did not end");
        String output = new String(terminated.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, terminated.exitValue(), output);
        assertTrue(output.contains("CANCELLED"), output);
        assertFalse(ProcessHandle.of(third).map(ProcessHandle::isAlive).orElse(false), "the test process lives on");
        assertTrue(waitFor(() -> daemonProcesses().isEmpty(), 30), "the daemon lives on");
        assertTrue(status().startsWith("No daemon runs"), status()); // its socket went with it
    }

    @Test
    void aDaemonKilledMidRunLeavesNothingRunningAndItsClientSaysSo() throws Exception {
        Path pidFile = dir.resolve("slow.pid");
        Map<String, String> env = daemonBesideSlowFeature(pidFile);
        Process client = client(env, "run", "slow.json", "--no-cache", "--runs-dir", "runs");
        long test = testProcess(pidFile);
        signalTheDaemon("-9");
        assertTrue(client.waitFor(60, TimeUnit.SECONDS), "the client did not end");
        String said = new String(client.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(3, client.exitValue(), said);
        assertTrue(said.contains("the daemon stopped answering during the command; its log is "), said);
        // the daemon's reaper, as any RedYellow JVM's, kills what it started once it is gone
        assertTrue(waitFor(() -> ProcessHandle.of(test).map(p -> !p.isAlive()).orElse(true), 30), "the test process lives on");
        assertTrue(status().contains("not answering"), status());
        assertTrue(status().startsWith("No daemon runs"), "the killed daemon's socket is removed: " + status());
    }

    @Test
    void aManualReviewIsAskedAtTheClientsTerminal() throws Exception {
        Files.writeString(work.resolve("manual.json"), """
                {"version": 1, "name": "manual", "review": {"kind": "manual"}, "maxAttempts": 1,
                 "test": {"kind": "command", "command": ["pyrun", "-m", "unittest", "-v", "test_one"]},
                 "features": [{"id": "one", "tests": {"test_one.py": "%s"},
                   "attempts": [{"files": {"one.py": "v = 1\\n"}}]}]}
                """.formatted(TEST_ONE));
        // a terminal of its own for each client (script(1)'s), the answer typed into it
        Ran first = underTerminal("m1.json");
        assertEquals(0, first.exit(), first.output());
        assertTrue(waitFor(() -> status().contains("0 commands served"), 60), "no daemon started: " + status() + logs());
        Ran second = underTerminal("m2.json");
        assertEquals(0, second.exit(), second.output());
        assertTrue(status().contains("1 commands served"), status());
        assertTrue(second.output().contains("Review one, attempt 1 (1 tests pass)"), second.output());
        assertTrue(second.output().contains("Approve? [y]es / [n]o:"), second.output());
        assertEquals("approved: approved at the terminal", feature("m2.json").get("reason").asText());
    }

    private Ran underTerminal(String report) throws Exception {
        String launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String line = String.join(" ", launcher, "-Duser.home=" + dir.resolve("home"), "-Dredyellow.daemon.dir=" + dir.resolve("d"),
                "-cp", System.getProperty("java.class.path"), "dev.redyellow.Main", "run", "manual.json", "--no-cache",
                "--runs-dir", "runs", "--report", report);
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", line, "/dev/null").directory(work.toFile())
                .redirectErrorStream(true);
        builder.environment().remove("REDYELLOW_DB");
        builder.environment().put(DaemonClient.SWITCH, "1");
        builder.environment().put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
        Process process = builder.start();
        process.getOutputStream().write("y\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "script did not end: " + output);
        return new Ran(process.exitValue(), output, "");
    }

    /**
     * Writes the slow feature's manifest, runs the quick one by itself, which starts the daemon, and waits until it
     * serves; returns the environment that has the slow test write its pid to {@code pidFile}.
     */
    private Map<String, String> daemonBesideSlowFeature(Path pidFile) throws Exception {
        Files.writeString(work.resolve("slow.json"), SLOW);
        Map<String, String> env = Map.of("SLOW_PID", pidFile.toString());
        assertEquals(0, run(env, "run", "one.json", "--no-cache", "--runs-dir", "runs").exit());
        assertTrue(waitFor(() -> status().contains("0 commands served"), 60), "no daemon started: " + status() + logs());
        return env;
    }

    /** Sends {@code signal} (as kill(1) names it) to the one daemon, found by its status line. */
    private void signalTheDaemon(String signal) throws Exception {
        java.util.regex.Matcher pid = java.util.regex.Pattern.compile("pid (\\d+)").matcher(status());
        assertTrue(pid.find(), status());
        new ProcessBuilder("kill", signal, pid.group(1)).start().waitFor();
    }

    /** The pid the slow test wrote, once it runs. */
    private long testProcess(Path pidFile) throws Exception {
        assertTrue(waitFor(() -> {
            try {
                return Files.exists(pidFile) && !Files.readString(pidFile).isBlank();
            } catch (IOException e) {
                return false;
            }
        }, 120), "the slow test never started: " + status() + logs());
        return Long.parseLong(Files.readString(pidFile).strip());
    }

    private record Ran(int exit, String output, String error) {
    }

    private Ran run(Map<String, String> env, String... args) throws Exception {
        Process process = client(env, args);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        // read both streams while it runs (a full pipe would stop it)
        Thread reader = new Thread(() -> copy(process.getErrorStream(), err));
        reader.start();
        copy(process.getInputStream(), out);
        assertTrue(process.waitFor(170, TimeUnit.SECONDS), "the client did not end");
        reader.join();
        return new Ran(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static void copy(java.io.InputStream in, Path to) {
        try (in) {
            Files.write(to, in.readAllBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A command-line JVM as a user starts it from a terminal, with the switch on, in the work folder. With SIGINT as a
     * terminal leaves it: a build run as a shell's background job (as CI runs) has it ignored, and a JVM that starts
     * with SIGINT ignored never sees Ctrl-C.
     */
    private Process client(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + dir.resolve("home"), "-Dredyellow.daemon.dir=" + dir.resolve("d"),
                "-cp", System.getProperty("java.class.path"), "dev.redyellow.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        builder.environment().remove("REDYELLOW_DB");
        builder.environment().put(DaemonClient.SWITCH, "1");
        builder.environment().put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
        builder.environment().putAll(env);
        return builder.start();
    }

    private String status() {
        try {
            Ran status = run(Map.of(), "daemon", "status");
            return status.output();
        } catch (Exception e) {
            return "status failed: " + e;
        }
    }

    private String logs() {
        StringBuilder text = new StringBuilder();
        try (var files = Files.list(dir.resolve("d"))) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                text.append("\n").append(log.getFileName()).append(":\n").append(Files.readString(log));
            }
        } catch (IOException e) {
            text.append(" (no logs: ").append(e).append(')');
        }
        return text.toString();
    }

    private JsonNode feature(String report) throws IOException {
        return new ObjectMapper().readTree(work.resolve(report).toFile()).get("features").get(0);
    }

    private List<ProcessHandle> daemonProcesses() {
        String folder = "-Dredyellow.daemon.dir=" + dir.resolve("d");
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(folder) && c.contains("daemon serve"))
                .orElse(false)).toList();
    }

    private static boolean waitFor(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return condition.getAsBoolean();
    }
}
