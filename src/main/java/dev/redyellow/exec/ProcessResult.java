package dev.redyellow.exec;

import java.time.Duration;

/**
 * How a process ended.
 *
 * @param exitCode   the exit code, or -1 when it was killed for a timeout
 * @param timedOut   the timeout elapsed and the process tree was killed
 * @param outputTail the last part of the combined output (bounded), decoded as UTF-8, for messages
 */
public record ProcessResult(int exitCode, boolean timedOut, Duration duration, String outputTail) {
}
