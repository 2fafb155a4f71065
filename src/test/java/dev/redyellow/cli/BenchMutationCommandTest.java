package dev.redyellow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code bench mutation}'s options are checked before anything runs. */
class BenchMutationCommandTest {

    @Test
    void aNegativeCapOnTheMutantsIsAUsageErrorThatNamesIt() {
        CliRun run = CliRun.of("bench", "mutation", "--max-mutants", "30,-1");

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("--max-mutants must be 0 (every mutant) or more, was -1"), run.err());
    }

    @Test
    void theHelpNamesTheCapsOption() {
        CliRun run = CliRun.of("bench", "mutation", "--help");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("--max-mutants=N[,N...]"), run.out());
    }
}
