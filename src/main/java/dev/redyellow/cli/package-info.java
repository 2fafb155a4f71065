/**
 * The picocli command line, a thin layer over the engine: {@code plan}, {@code run}, {@code cache},
 * {@code history} and {@code bench}. {@code run} turns its options into {@link dev.redyellow.run.RunSettings}
 * (checked there, once, for the window too) and runs through {@link dev.redyellow.run.RunLauncher};
 * what is only the console's stays here: the progress lines and summary ({@code ConsoleProgress}),
 * review questions on the terminal ({@code ConsoleDecisions}), the report file, Ctrl-C, the exit codes
 * ({@code ExitCodes}) and the log file of failures ({@code CliLog}). It never uses JavaFX.
 */
package dev.redyellow.cli;
