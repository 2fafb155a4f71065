package dev.redyellow.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command line: {@code redyellow <command> ...}. */
@Command(name = "redyellow", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Runs an honest RED-YELLOW-GREEN test-driven cycle over every feature of a manifest.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every feature ended GREEN (plan: the manifest is valid)", "1:some feature did not end GREEN",
                "2:bad manifest or bad arguments",
                "3:internal or environment error (one line on standard error; the full trace in ~/.redyellow/logs/redyellow.log)"})
public final class RedYellowCommand implements Runnable {
    /**
     * The commands, in the order help lists them. Registered here rather than in the annotation, so
     * a line that names one builds only that one: picocli reads every option of every command it is
     * given, and the bench command alone has dozens (about 0.1 s of a cached re-run, issue 19).
     */
    private static final List<Class<?>> COMMANDS = List.of(PlanCommand.class, RunCommand.class, CacheCommand.class,
            HistoryCommand.class, BenchCommand.class, WorkerCommand.class, DaemonCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: plan or run");
    }

    /** Runs the command line in this JVM, for its console, and returns its exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, CommandSession.IN_PROCESS);
    }

    /** Runs the command line for {@code session} (this JVM's, or a daemon's client's) and returns its exit code. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, CommandSession session) {
        ManifestPrefetch.start(args);
        CommandSession.set(session);
        try {
            return commandLine(out, err, args).execute(args);
        } finally {
            CommandSession.set(null);
            ManifestPrefetch.end();
        }
    }

    /** The configured command line: its streams, and exit 3 with one line for anything unexpected. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
        CliLog.install();
        CommandLine cli = new CommandLine(new RedYellowCommand());
        List<Class<?>> named = COMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class && args.length > 0 && args[0].equals(nameOf(c))).toList();
        for (Class<?> command : named.isEmpty() ? COMMANDS : named) {
            // help, an unknown word and no command at all get every command, to list or to suggest
            cli.addSubcommand(nameOf(command), command);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // Not the user's input: exit 3, one line here, the whole trace in the log file.
            // INFO: the log file only; the console gets the line below, not the trace.
            System.getLogger(RedYellowCommand.class.getName())
                    .log(System.Logger.Level.INFO, "redyellow " + String.join(" ", args) + " failed", ex);
            err.println("redyellow: error: " + describe(ex) + " (full trace in " + CliLog.file() + ")");
            err.flush();
            return ExitCodes.INTERNAL;
        });
        return cli;
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    /** One line for the user: the message of the failure and, when it adds something, of its cause. */
    static String describe(Throwable ex) {
        String message = ex.getMessage() == null || ex.getMessage().isBlank() ? ex.getClass().getSimpleName() : ex.getMessage();
        Throwable cause = ex.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += ": " + cause.getMessage();
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
