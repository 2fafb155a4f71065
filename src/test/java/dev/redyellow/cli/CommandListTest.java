package dev.redyellow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The command line builds only the command a line names (picocli reads every option of every command
 * it is given); help, an unknown word and no command still see every command.
 */
class CommandListTest {

    @Test
    void helpListsEveryCommand() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exitCode(), run.err());
        for (String command : new String[] {"plan", "run", "cache", "history", "bench", "worker", "help"}) {
            assertTrue(run.out().lines().anyMatch(l -> l.strip().startsWith(command + " ")), command + " in:\n" + run.out());
        }
    }

    @Test
    void theHelpCommandShowsTheUsageOfTheCommandItNames() {
        CliRun run = CliRun.of("help", "bench");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Usage: redyellow bench"), run.out());
    }

    @Test
    void aMistypedCommandIsAnsweredWithTheNearestOne() {
        CliRun run = CliRun.of("runn", "manifest.json");
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("Did you mean: redyellow run"), run.err());
    }

    @Test
    void aNamedCommandRunsWithOnlyItselfBuilt() {
        var cli = RedYellowCommand.commandLine(new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()), new String[] {"plan", "x.json"});
        assertEquals(java.util.Set.of("plan"), cli.getSubcommands().keySet());
    }
}
