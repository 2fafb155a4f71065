package dev.redyellow;

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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as a real process from another working directory, as a user would. */
class JarIT {
    @TempDir
    Path tmp;

    record Result(int exit, String out, String err) {
    }

    private Result jar(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(dev.redyellow.testkit.JarCommand.of(jarPath()));
        cmd.addAll(List.of(args));
        if (args[0].equals("run")) {
            cmd.addAll(privateState());
        }
        Process p = new ProcessBuilder(cmd).directory(tmp.toFile())
                .redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the jar finished");
        return new Result(p.exitValue(), Files.readString(tmp.resolve("out.txt")), Files.readString(tmp.resolve("err.txt")));
    }

    /** Keeps the tests' cache and logs out of the user's ~/.redyellow. */
    private List<String> privateState() {
        return List.of("--cache-db", tmp.resolve("cache.db").toString(), "--runs-dir", tmp.resolve("runs").toString());
    }

    private static Path jarPath() {
        Path jar = Path.of(System.getProperty("redyellow.jar", "target/redyellow.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "built jar at " + jar);
        return jar;
    }

    private static String sample(String relative) {
        return ProjectFiles.samples().resolve(relative).toString();
    }

    @Test
    void versionAndPlanWorkFromAnyDirectory() throws Exception {
        Result version = jar("--version");
        assertEquals(0, version.exit(), version.err());
        assertTrue(version.out().startsWith("RedYellow "), version.out());
        Result plan = jar("plan", sample("string-tools/manifest.json"));
        assertEquals(0, plan.exit(), plan.err());
        assertTrue(plan.out().contains("Critical path"), plan.out());
    }

    @Test
    void aBadManifestExitsTwoWithTheLocationOnStandardError() throws Exception {
        Result r = jar("plan", sample("bad/unknown-dependency.json"));
        assertEquals(2, r.exit());
        assertTrue(r.err().matches("(?s).*unknown-dependency\\.json:\\d+:\\d+: .*"), r.err());
    }

    @Test
    void theStringToolsSampleRunsAllGreenWithAReportThatMatchesTheSpec() throws Exception {
        Path report = tmp.resolve("r.json");
        Result r = jar("run", sample("string-tools/manifest.json"), "--report", report.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertTrue(json.get("allGreen").asBoolean());
        assertTrue(json.get("features").size() >= 8);
        int redRed = 0;
        for (JsonNode f : json.get("features")) {
            assertEquals("GREEN", f.get("state").asText(), f.toString());
            for (JsonNode t : f.get("transitions")) {
                redRed += t.get("from").asText().equals("RED") && t.get("to").asText().equals("RED") ? 1 : 0;
            }
        }
        assertTrue(redRed >= 2, "at least two features fail their first attempt");
        Path checker = ProjectFiles.root().resolve("../shared/tools/check-report").normalize();
        if (Files.isRegularFile(checker)) {
            Process p = new ProcessBuilder("python3", checker.toString(), report.toString()).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), said);
        }
    }

    @Test
    void theRerunBenchTimesNewProcessesAnsweredWholeByTheCache() throws Exception {
        Result r = jar("bench", "rerun", sample("string-tools/manifest.json"), "--cache-db", tmp.resolve("rerun.db").toString(),
                "--runs", "2");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("answered whole by the cache             yes"), r.out());
        assertTrue(r.out().contains("features ended as in the first run       yes"), r.out());
        assertTrue(r.out().matches("(?s).*re-run process wall, min/median/max +[0-9.]+ / [0-9.]+ / [0-9.]+ s over 2 runs.*"), r.out());
        assertTrue(r.out().matches("(?s).*re-run 2 +[0-9.]+ s +exit 0, (\\d+) of \\1 test runs from the cache\n.*"), r.out());
    }

    @Test
    void theRerunBenchTimesTheDaemonBesideNewProcessesAndStopsIt() throws Exception {
        Result r = jar("bench", "rerun", sample("string-tools/manifest.json"), "--cache-db", tmp.resolve("daemon.db").toString(),
                "--runs", "2", "--daemon");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("answered whole by the cache             yes"), r.out());
        assertTrue(r.out().contains("features ended as in the first run       yes"), r.out());
        assertTrue(r.out().matches("(?s).*re-run 2 through the daemon +[0-9.]+ s +exit 0, (\\d+) of \\1 test runs from the cache\n.*"),
                r.out());
        assertTrue(r.out().matches("(?s).*through the daemon, min/median/max +[0-9.]+ / [0-9.]+ / [0-9.]+ s over 2 runs.*"), r.out());
        // the bench's daemon (a java -jar launch, as a user's) is gone with it
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine()
                .map(c -> c.contains("redyellow-rerun-bench") && c.contains("daemon serve")).orElse(false)));
    }

    @Test
    void aFailingRunExitsOne() throws Exception {
        Result r = jar("run", sample("reasons/error.json"));
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("error: "), r.out());
    }

    @Test
    void sigtermStopsTheRunWritesTheReportAndLeavesNoProcess() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("slow"));
        Files.writeString(dir.resolve("manifest.json"), """
                {"version": 1, "name": "slow", "workers": 2,
                 "test": {"kind": "command", "command": ["python3", "-m", "unittest", "-v"], "timeoutSeconds": 600},
                 "features": [
                   {"id": "a", "tests": {"test_a.py": {"from": "test_sleep.py"}}, "attempts": [{"files": {"a.py": "x = 1\\n"}}]},
                   {"id": "b", "tests": {"test_b.py": {"from": "test_sleep.py"}}, "attempts": [{"files": {"b.py": "x = 1\\n"}}]},
                   {"id": "c", "dependsOn": ["a"], "tests": {"test_c.py": {"from": "test_sleep.py"}}, "attempts": [{"files": {"c.py": "x = 1\\n"}}]}]}
                """);
        Files.writeString(dir.resolve("test_sleep.py"), """
                import time, unittest
                class T(unittest.TestCase):
                    def test_sleeps(self):
                        time.sleep(300)
                """);
        Path report = tmp.resolve("stopped.json");
        List<String> command = new ArrayList<>(dev.redyellow.testkit.JarCommand.of(jarPath()));
        command.addAll(List.of("run", dir.resolve("manifest.json").toString(), "--report", report.toString(),
                "--cache-db", tmp.resolve("cache.db").toString(), "--runs-dir", tmp.resolve("runs").toString()));
        Process p = new ProcessBuilder(command)
                .directory(tmp.toFile()).redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile()).start();
        List<ProcessHandle> children = waitForPythonChildren(p, 2);
        p.destroy(); // SIGTERM, as Ctrl-C or a service manager would send
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the run stopped");
        // a JVM ended by a signal exits 128 + the signal's number, after its shutdown hook has run
        assertEquals(143, p.exitValue(), Files.readString(tmp.resolve("err.txt")));
        for (ProcessHandle child : children) {
            assertFalse(child.isAlive() && !isZombie(child), "child " + child.pid() + " survived");
        }
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        for (JsonNode f : json.get("features")) {
            assertEquals("CANCELLED", f.get("state").asText(), f.toString());
        }
    }

    private static List<ProcessHandle> waitForPythonChildren(Process p, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> python = p.descendants()
                    .filter(h -> h.info().commandLine().orElse("").contains("unittest")).toList();
            if (python.size() >= count) {
                return python;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the run did not start " + count + " test processes");
    }

    private static boolean isZombie(ProcessHandle h) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(h.pid()), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException gone) {
            return true;
        }
    }
}
