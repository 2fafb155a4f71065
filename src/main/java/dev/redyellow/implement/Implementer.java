package dev.redyellow.implement;

/** Writes a feature's code for one attempt. Implementations are thread-safe. */
public interface Implementer {

    AttemptResult implement(AttemptRequest request) throws InterruptedException;
}
