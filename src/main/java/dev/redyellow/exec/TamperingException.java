package dev.redyellow.exec;

/**
 * A shared dependency folder was changed while a workspace was in use; the message is the reason
 * to end the attempt with ({@code tampering: ...}).
 */
public final class TamperingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TamperingException(String reason) {
        super(reason);
    }
}
