package dev.redyellow.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command line: {@code redyellow <command> ...}. */
@Command(name = "redyellow", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Runs an honest RED-YELLOW-GREEN test-driven cycle over every feature of a manifest.",
        subcommands = {PlanCommand.class, RunCommand.class, CacheCommand.class, HistoryCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every feature ended GREEN (plan: the manifest is valid)", "1:some feature did not end GREEN",
                "2:bad manifest or bad arguments"})
public final class RedYellowCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: plan or run");
    }

    /** Runs the command line and returns its exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new RedYellowCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("redyellow: unexpected error: " + ex);
            System.getLogger(RedYellowCommand.class.getName()).log(System.Logger.Level.ERROR, "unexpected error", ex);
            return 2;
        });
        return cli.execute(args);
    }
}
