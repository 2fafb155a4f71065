package dev.redyellow.cli;

import dev.redyellow.daemon.Terminal;

/**
 * What a command has of whoever asked for it: a terminal to ask manual reviews at, and a way to be told the
 * user stopped it. A command run in its own JVM has the JVM's console and its shutdown (Ctrl-C, SIGTERM); one
 * a daemon runs has its client's ({@link DaemonServer}). {@link RedYellowCommand#execute} sets it for the
 * thread that runs the command.
 */
abstract class CommandSession {
    private static final ThreadLocal<CommandSession> CURRENT = new ThreadLocal<>();

    /** A registered stop, withdrawn when the command ends. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** The session of a command in its own JVM. */
    static final CommandSession IN_PROCESS = new CommandSession() {
        @Override
        Terminal terminal() {
            return Terminal.console();
        }

        @Override
        Registration onStop(Runnable stop) {
            // The JVM halts as soon as the hook returns: stop must wait for what it winds down.
            Thread hook = new Thread(stop, "redyellow-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            return () -> {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running; the JVM goes down once it returns
                }
            };
        }
    };

    /**
     * Whether the user stopped the command already (a daemon's client pressed Ctrl-C or went away before the
     * command could register its stop): the command then starts nothing, as a JVM stopped that early would not.
     */
    boolean stopWanted() {
        return false;
    }

    /** The terminal of the person who asked, or null where nobody can answer. */
    abstract Terminal terminal();

    /**
     * Runs {@code stop} when the user stops the command; it should return once the command has wound down. Closing
     * the registration withdraws it.
     */
    abstract Registration onStop(Runnable stop);

    /** The session of the command this thread runs. */
    static CommandSession current() {
        CommandSession session = CURRENT.get();
        return session != null ? session : IN_PROCESS;
    }

    static void set(CommandSession session) {
        if (session == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(session);
        }
    }
}
