package dev.redyellow.cli;

/** The exit codes of SPEC section 5, and 3 for failures that are neither the manifest's nor the arguments'. */
final class ExitCodes {
    static final int ALL_GREEN = 0;
    static final int NOT_ALL_GREEN = 1;
    /** A bad manifest or bad arguments: the user's input, located on standard error. */
    static final int BAD_INPUT = 2;
    /** An internal or environment error (a disk, a file RedYellow needs): one line, the trace in the log file. */
    static final int INTERNAL = 3;
    /** Stopped by the user before it ran (a JVM ended by Ctrl-C exits 128 + SIGINT's 2). */
    static final int STOPPED = 130;

    private ExitCodes() {
    }
}
