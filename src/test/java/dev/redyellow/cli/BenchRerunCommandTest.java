package dev.redyellow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench rerun}'s input is checked before anything runs. */
class BenchRerunCommandTest {
    @TempDir
    Path dir;

    @Test
    void noRunsIsAUsageErrorThatNamesTheOption() throws Exception {
        Path manifest = Files.writeString(dir.resolve("m.json"), "{}");
        CliRun run = CliRun.of("bench", "rerun", manifest.toString(), "--cache-db", dir.resolve("c.db").toString(), "--runs", "0");

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("--runs must be at least 1: 0"), run.err());
    }

    @Test
    void aMissingManifestIsAUsageErrorThatNamesIt() {
        CliRun run = CliRun.of("bench", "rerun", dir.resolve("none.json").toString(), "--cache-db", dir.resolve("c.db").toString());

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("no manifest file " + dir.resolve("none.json")), run.err());
    }

    @Test
    void runFromClassesItSaysItNeedsTheJar() throws Exception {
        Path manifest = Files.writeString(dir.resolve("m.json"), "{}");
        CliRun run = CliRun.of("bench", "rerun", manifest.toString(), "--cache-db", dir.resolve("c.db").toString());

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("run it from the jar"), run.err());
        assertTrue(!Files.exists(dir.resolve("c.db")), "nothing was run");
    }

    @Test
    void aCommandThatIsNotAnExecutableIsAUsageErrorThatNamesIt() throws Exception {
        Path manifest = Files.writeString(dir.resolve("m.json"), "{}");
        Path notAProgram = Files.writeString(dir.resolve("redyellow"), "not a program");
        CliRun run = CliRun.of("bench", "rerun", manifest.toString(), "--cache-db", dir.resolve("c.db").toString(),
                "--command", notAProgram.toString());

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("--command " + notAProgram + " is not an executable file"), run.err());
    }

    @Test
    void aCommandTakesNoJvmOptions() throws Exception {
        Path manifest = Files.writeString(dir.resolve("m.json"), "{}");
        CliRun run = CliRun.of("bench", "rerun", manifest.toString(), "--cache-db", dir.resolve("c.db").toString(),
                "--command", "/bin/true", "--jvm-option=-Xmx1g");

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("--jvm-option is for java -jar"), run.err());
    }
}
