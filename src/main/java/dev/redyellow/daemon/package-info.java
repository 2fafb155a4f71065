/**
 * The command line's daemon, its client side: a {@code run} or {@code plan} that
 * {@code REDYELLOW_DAEMON=1} sends to a RedYellow JVM kept warm for the same code, Java, working folder,
 * system properties and environment ({@link dev.redyellow.daemon.DaemonIdentity}), over a Unix domain
 * socket in a folder only its user can read ({@link dev.redyellow.daemon.DaemonFolder}). The client is
 * the first thing the launcher runs, so this package loads nothing of picocli, the engine or JavaFX.
 * The serving side is the command line's ({@code dev.redyellow.cli.DaemonServer}).
 */
package dev.redyellow.daemon;
