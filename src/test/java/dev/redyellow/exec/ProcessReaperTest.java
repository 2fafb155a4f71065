package dev.redyellow.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Nothing a run starts outlives it: daemons after a command ends, everything after a SIGKILL of the JVM. */
@EnabledOnOs(OS.LINUX)
class ProcessReaperTest {
    @TempDir
    Path tmp;

    private final List<Long> started = new java.util.ArrayList<>();

    @AfterEach
    void killWhatATestLeft() {
        for (long pid : started) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void onlyProcessesMadeAfterTheFiguresAreLookedAtAndAMarkedOneAmongThemIsFound() throws Exception {
        Process before = new ProcessBuilder("sleep", "30").start();
        started.add(before.pid());
        ProcessReaper.PidsFrom from = ProcessReaper.PidsFrom.now();
        assertTrue(from.lastPid() >= before.pid() && from.maxPid() > 0 && from.made() > 0, from.toString());
        ProcessBuilder builder = new ProcessBuilder("sleep", "30");
        String needle = "REDYELLOW_PIDS_FROM_TEST=" + System.nanoTime();
        builder.environment().put("REDYELLOW_PIDS_FROM_TEST", needle.substring(needle.indexOf('=') + 1));
        Process after = builder.start();
        started.add(after.pid());

        java.util.function.LongPredicate since = from.madeSince();
        assertTrue(since != null, "the PIDs since are known on Linux: " + from + " then " + ProcessReaper.PidsFrom.now());
        assertTrue(since.test(after.pid()), "made after: " + after.pid() + " in " + from);
        assertFalse(since.test(before.pid()), "made before: " + before.pid() + " in " + from);
        assertFalse(since.test(ProcessHandle.current().pid()));
        assertEquals(List.of(after.pid()), ProcessReaper.marked(needle + "\0", from).stream().map(ProcessHandle::pid).toList());
        assertEquals(List.of(after.pid()), ProcessReaper.marked(needle + "\0").stream().map(ProcessHandle::pid).toList(),
                "the same as reading every process");
        assertEquals(null, ProcessReaper.PidsFrom.UNKNOWN.madeSince(), "nothing known: every process is read");
    }

    private Path script() throws IOException {
        Path script = tmp.resolve("daemon.py");
        try (InputStream in = getClass().getResourceAsStream("daemon.py")) {
            Files.write(script, in.readAllBytes());
        }
        return script;
    }

    private long pid(Path folder, String name) throws Exception {
        Path file = folder.resolve(name);
        for (int i = 0; i < 3000 && !Files.exists(file); i++) {
            Thread.sleep(10);
        }
        long pid = Long.parseLong(Files.readString(file).trim());
        started.add(pid);
        return pid;
    }

    private static boolean gone(long pid) {
        return ProcessHandle.of(pid).map(ProcessTree::hasExited).orElse(true);
    }

    private static boolean goneWithin(long pid, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (gone(pid)) {
                return true;
            }
            Thread.sleep(20);
        }
        return gone(pid);
    }

    @Test
    void aDaemonACommandLeftIsKilledWhenTheCommandEnds() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("d"));
        ProcessResult result = new ProcessRunner().run(new ProcessSpec(List.of("python3", script().toString(),
                folder.toString(), "exit"), folder, Map.of(), Duration.ofSeconds(60)), OutputSink.DISCARD);
        assertEquals(0, result.exitCode(), result.outputTail());
        long daemon = pid(folder, "daemon.pid");
        assertTrue(gone(daemon), "the setsid, SIGTERM-ignoring daemon is gone once run() returns");
    }

    @Test
    void aDaemonHoldingTheOutputPipesDoesNotHangAnUnlimitedRun() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("d"));
        ProcessResult result = new ProcessRunner().run(new ProcessSpec(List.of("python3", script().toString(),
                folder.toString(), "exit", "keep-pipes"), folder, Map.of(), null), OutputSink.DISCARD);
        assertFalse(result.timedOut());
        assertEquals(0, result.exitCode(), result.outputTail());
        assertTrue(result.outputTail().contains("daemon started"), result.outputTail());
        assertTrue(gone(pid(folder, "daemon.pid")));
    }

    @Test
    void aTimedOutCommandTakesItsDaemonWithIt() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("d"));
        ProcessResult result = new ProcessRunner().run(new ProcessSpec(List.of("python3", script().toString(),
                folder.toString(), "hang"), folder, Map.of(), Duration.ofSeconds(3)), OutputSink.DISCARD);
        assertTrue(result.timedOut());
        assertTrue(gone(pid(folder, "daemon.pid")));
        assertTrue(gone(pid(folder, "root.pid")));
    }

    @Test
    void whenTheJvmIsKilledWithSigkillItsReaperKillsEverythingItStarted() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("d"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jvm = new ProcessBuilder(java, "-Duser.home=" + tmp.resolve("home"), "-cp",
                System.getProperty("java.class.path"), DaemonMakerMain.class.getName(), folder.toString(),
                script().toString()).redirectErrorStream(true).redirectOutput(tmp.resolve("jvm.log").toFile()).start();
        try {
            long daemon = pid(folder, "daemon.pid");
            long root = pid(folder, "root.pid");
            assertFalse(gone(daemon), "the daemon runs while the JVM does");
            jvm.destroyForcibly();
            assertTrue(jvm.waitFor(30, TimeUnit.SECONDS));
            assertTrue(goneWithin(daemon, Duration.ofSeconds(15)), "the daemon outlived the SIGKILLed JVM; log:\n"
                    + Files.readString(tmp.resolve("jvm.log")));
            assertTrue(goneWithin(root, Duration.ofSeconds(5)), "the command outlived the SIGKILLed JVM");
            Path records = tmp.resolve("home/.redyellow/reaper");
            for (int i = 0; i < 500 && recordsIn(records) > 0; i++) {
                Thread.sleep(20);
            }
            try (var files = Files.list(records)) {
                assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".pids")).toList(),
                        "the reaper removes its record once it has killed everything");
            }
        } finally {
            jvm.destroyForcibly();
        }
    }

    private static long recordsIn(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".pids")).count();
        }
    }

    @Test
    void whenTheWatchedProcessEndsTheReaperKillsMarkedAndRecordedProcesses() throws Exception {
        // A stand-in for the JVM, so that this JVM can watch the reaper act.
        Process watched = new ProcessBuilder("sleep", "1000").start();
        started.add(watched.pid());
        ProcessReaper reaper = ProcessReaper.start(tmp.resolve("records"), watched.toHandle());
        assertTrue(reaper.watching());
        assertFalse(ProcessHandle.current().descendants().anyMatch(h -> h.pid() == reaper.reaperProcess().get().pid()),
                "the reaper is detached: it never counts among the JVM's descendants");
        Path folder = Files.createDirectories(tmp.resolve("d"));
        ProcessBuilder marked = new ProcessBuilder("python3", script().toString(), folder.toString(), "hang")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        reaper.mark(marked);
        Process root = marked.start();
        reaper.started(root.toHandle());
        // Unmarked, known only by pid and start time (a warm worker's way in).
        Process unmarked = new ProcessBuilder("sleep", "1000").start();
        started.add(unmarked.pid());
        reaper.started(unmarked.toHandle());
        long daemon = pid(folder, "daemon.pid");
        assertFalse(gone(daemon));
        watched.destroyForcibly();
        assertTrue(goneWithin(daemon, Duration.ofSeconds(15)));
        assertTrue(goneWithin(root.pid(), Duration.ofSeconds(5)));
        assertTrue(goneWithin(unmarked.pid(), Duration.ofSeconds(5)));
        for (int i = 0; i < 500 && reaper.watching(); i++) {
            Thread.sleep(20);
        }
        assertFalse(reaper.watching(), "the reaper exits once it is done");
        assertFalse(Files.exists(reaper.record().orElseThrow()));
    }

    @Test
    void betweenTwoCommandsADaemonKillsWhatItsReaperWouldAtTheJvmsEnd() throws Exception {
        // the reaper watches a stand-in, which lives on, as a daemon's JVM does between commands
        Process watched = new ProcessBuilder("sleep", "1000").start();
        started.add(watched.pid());
        ProcessReaper reaper = ProcessReaper.start(tmp.resolve("records"), watched.toHandle());
        ProcessBuilder marked = new ProcessBuilder("sleep", "1000");
        reaper.mark(marked);
        Process markedOne = marked.start();
        started.add(markedOne.pid());
        Process recordedOnly = new ProcessBuilder("sleep", "1000").start();
        started.add(recordedOnly.pid());
        reaper.started(recordedOnly.toHandle());
        Process notOurs = new ProcessBuilder("sleep", "1000").start();
        started.add(notOurs.pid());
        String header = Files.readAllLines(reaper.record().orElseThrow()).get(0);

        List<String> killed = reaper.killEverythingStarted();
        assertEquals(2, killed.size(), killed.toString());
        assertTrue(goneWithin(markedOne.pid(), Duration.ofSeconds(5)));
        assertTrue(goneWithin(recordedOnly.pid(), Duration.ofSeconds(5)));
        assertFalse(gone(notOurs.pid()), "neither marked nor recorded: not ours");
        assertFalse(gone(watched.pid()));
        assertEquals(List.of(header), Files.readAllLines(reaper.record().orElseThrow()), "the record starts again");
        assertEquals(List.of(), reaper.killEverythingStarted());

        // recording goes on after the cut, and the reaper still acts at the end
        Process later = new ProcessBuilder("sleep", "1000").start();
        started.add(later.pid());
        reaper.started(later.toHandle());
        assertEquals(2, Files.readAllLines(reaper.record().orElseThrow()).size());
        watched.destroyForcibly();
        assertTrue(goneWithin(later.pid(), Duration.ofSeconds(15)));
    }

    @Test
    void theSweepKillsWhatADeadJvmRecordedAndOnlyWhatIsProvablyItsOwn() throws Exception {
        Path records = Files.createDirectories(tmp.resolve("records"));
        Process ours = new ProcessBuilder("sleep", "1000").start();
        Process notOurs = new ProcessBuilder("sleep", "1000").start();
        started.add(ours.pid());
        started.add(notOurs.pid());
        String oursStart = ProcessReaper.startTime(ours.pid()).orElseThrow();
        // A JVM pid that cannot be alive with that start time, then a matching record and a stale one.
        Files.writeString(records.resolve("0123456789abcdef01234567.pids"), "jvm 1 0\n" + ours.pid() + " " + oursStart
                + "\n" + notOurs.pid() + " 1\n");
        Path live = records.resolve("fedcba9876543210fedcba98.pids");
        ProcessHandle self = ProcessHandle.current();
        Files.writeString(live, "jvm " + self.pid() + " " + ProcessReaper.startTime(self.pid()).orElseThrow() + "\n"
                + notOurs.pid() + " " + ProcessReaper.startTime(notOurs.pid()).orElseThrow() + "\n");

        assertEquals(1, ProcessReaper.sweep(records));
        assertTrue(goneWithin(ours.pid(), Duration.ofSeconds(10)));
        assertFalse(gone(notOurs.pid()), "a pid whose start time differs, or whose JVM lives, is not ours to kill");
        assertFalse(Files.exists(records.resolve("0123456789abcdef01234567.pids")));
        assertTrue(Files.exists(live), "the record of a live JVM stays");
    }

    @Test
    void startTimeIsField22OfStat() {
        Optional<String> start = ProcessReaper.startTime(ProcessHandle.current().pid());
        assertTrue(start.isPresent() && start.get().chars().allMatch(Character::isDigit), String.valueOf(start));
    }
}
