package dev.redyellow.exec;

import java.io.IOException;

/**
 * The program could not be started at all (not found, not executable, bad working directory).
 * The message reads {@code cannot start <program>: <reason>}, ready to be shown to the user.
 */
public final class ProcessStartException extends IOException {

    private static final long serialVersionUID = 1L;

    public ProcessStartException(String program, IOException cause) {
        super("cannot start " + program + ": " + reason(cause), cause);
    }

    private static String reason(IOException cause) {
        String message = String.valueOf(cause.getMessage());
        // ProcessBuilder says: Cannot run program "x" (in directory "d"): error=2, No such file or directory
        int colon = message.lastIndexOf("error=");
        return colon >= 0 ? message.substring(colon) : message;
    }
}
