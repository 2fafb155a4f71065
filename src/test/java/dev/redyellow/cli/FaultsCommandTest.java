package dev.redyellow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.bench.FaultBench;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Hostile locations and files on the command line: exit codes, one line each, nothing half-done. */
class FaultsCommandTest {
    @TempDir
    Path tmp;

    private Path manifest() throws IOException {
        Files.writeString(tmp.resolve("m.json"), """
                {"version": 1, "name": "m", "test": {"kind": "command", "command": ["python3", "-m", "unittest", "-v"]},
                 "features": [{"id": "one", "tests": {"test_one.py": "import unittest\\n"}}]}
                """);
        return tmp.resolve("m.json");
    }

    private void assertRefusedBeforeRunning(Path report, String says) throws IOException {
        Path runs = tmp.resolve("runs");
        CliRun run = CliRun.of("run", manifest().toString(), "--no-cache", "--runs-dir", runs.toString(),
                "--report", report.toString());
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(says), run.err());
        assertFalse(Files.exists(runs), "nothing ran");
        assertFalse(Files.exists(report.resolveSibling(report.getFileName() + ".tmp")), "no stray .tmp");
    }

    @Test
    void aReportUnderARegularFileIsRefusedBeforeTheRun() throws IOException {
        Files.writeString(tmp.resolve("plain"), "x");
        assertRefusedBeforeRunning(tmp.resolve("plain/sub/report.json"), "is a file");
    }

    @Test
    void aFolderAsReportIsRefusedBeforeTheRunWithoutAStrayTmp() throws IOException {
        assertRefusedBeforeRunning(Files.createDirectories(tmp.resolve("out")), "is a folder");
    }

    @Test
    void aReportWhereNothingCanBeWrittenIsRefusedBeforeTheRun() throws IOException {
        assertRefusedBeforeRunning(Path.of("/proc/redyellow-none/report.json"), "cannot write in /proc");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.25, 0.5, 0.75})
    void cacheStatsAndClearWorkOnADamagedFile(double at) throws Exception {
        Path db = tmp.resolve("c.db");
        FaultBench.filledCache(db, 300);
        FaultBench.overwrite(db, at, 4096, 26);
        CliRun stats = CliRun.of("cache", "stats", "--cache-db", db.toString());
        assertEquals(0, stats.exitCode(), stats.err());
        assertFalse(stats.err().contains("Exception"), stats.err());
        assertTrue(stats.out().contains("entries"), stats.out());

        FaultBench.filledCache(db, 300);
        FaultBench.overwrite(db, at, 4096, 26);
        CliRun clear = CliRun.of("cache", "clear", "--cache-db", db.toString());
        assertEquals(0, clear.exitCode(), clear.err());
        assertTrue(clear.err().contains("moved it to"), "clear says it moved the damaged file: " + clear.err());
        assertEquals(1, clear.err().strip().lines().count(), clear.err());
        CliRun after = CliRun.of("cache", "stats", "--json", "--cache-db", db.toString());
        assertTrue(after.out().contains("\"entries\" : 0"), after.out());
    }

    @Test
    void aRunOnADamagedCacheWritesItsReportAndHistory() throws Exception {
        Path db = tmp.resolve("c.db");
        FaultBench.filledCache(db, 300);
        FaultBench.overwrite(db, 0.5, 4096, 26);
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Files.writeString(dir.resolve("m.json"), """
                {"version": 1, "name": "damaged-cache", "maxAttempts": 1,
                 "test": {"kind": "command", "command": ["python3", "-m", "unittest", "-v", "test_one"]},
                 "features": [{"id": "one", "tests": {"test_one.py": "import unittest\\nfrom one import v\\nclass T(unittest.TestCase):\\n    def test_v(self):\\n        self.assertEqual(1, v)\\n"},
                   "attempts": [{"files": {"one.py": "v = 1\\n"}}]}]}
                """);
        Path report = tmp.resolve("r.json");
        CliRun run = CliRun.of("run", dir.resolve("m.json").toString(), "--cache-db", db.toString(), "--runs-dir",
                tmp.resolve("runs").toString(), "--report", report.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(Files.exists(report));
        assertTrue(run.err().strip().lines().count() <= 1, run.err());
        CliRun history = CliRun.of("history", "--json", "--cache-db", db.toString());
        assertEquals(0, history.exitCode(), history.err());
        assertTrue(history.out().contains("\"damaged-cache\""), history.out());
    }

    /** A failure that is neither the manifest's nor the arguments': exit 3, one line, the trace in the log. */
    @Test
    void anInternalErrorExitsThreeWithOneLineAndTheTraceInTheLog() throws Exception {
        StringWriter err = new StringWriter();
        String marker = "disk on fire " + System.nanoTime();
        CommandLine cli = RedYellowCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                new String[] {"boom"});
        Boom.message = marker;
        cli.addSubcommand("boom", new Boom());
        int code = cli.execute("boom");
        assertEquals(3, code);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains(marker) && err.toString().contains("full trace in"), err.toString());
        String log = Files.readString(CliLog.file());
        assertTrue(log.contains(marker) && log.contains("\tat "), "the log holds the trace");
    }

    /** A command whose environment fails. */
    @CommandLine.Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        static String message;

        @Override
        public Integer call() throws IOException {
            throw new IOException(message);
        }
    }

    @Test
    void theHelpDocumentsExitCodeThree() {
        CliRun help = CliRun.of("--help");
        assertTrue(help.out().contains("3") && help.out().contains("internal or environment error"), help.out());
    }
}
