package dev.redyellow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench realjs} and {@code bench realpy}: their rounds are checked before anything runs. */
class BenchRealScriptCommandTest {
    @TempDir
    Path dir;

    @Test
    void noRoundsIsAUsageErrorThatNamesTheOptionAndRunsNothing() {
        for (String bench : new String[] {"realjs", "realpy"}) {
            CliRun run = CliRun.of("bench", bench, "--rounds", "0", "--case", dir.toString());

            assertEquals(2, run.exitCode(), run.out() + run.err());
            assertTrue(run.err().contains("--rounds must be at least 1: 0"), run.err());
            assertFalse(run.out().contains("benchmark"), run.out());
        }
    }

    @Test
    void theHelpSaysTheTargetIsJudgedByTheMedianOfTheRounds() {
        CliRun run = CliRun.of("bench", "realpy", "--help");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("--rounds"), run.out());
        assertTrue(run.out().contains("median"), run.out());
        assertTrue(run.out().contains("(default 3)"), run.out());
    }

    @Test
    void aCaseFolderWithoutItsCaseFileIsStillNamed() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        CliRun run = CliRun.of("bench", "realjs", "--rounds", "2", "--case", dir.resolve("empty").toString());

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("has no case.json"), run.err());
    }
}
