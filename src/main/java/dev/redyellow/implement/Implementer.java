package dev.redyellow.implement;

/** Writes a feature's code for one attempt. Implementations are thread-safe. */
public interface Implementer {

    AttemptResult implement(AttemptRequest request) throws InterruptedException;

    /**
     * Whether it reads the request's workspace. One that does not (it answers from the manifest or
     * the test result alone) gets {@code null} as the workspace, and none is made for it.
     */
    default boolean readsWorkspace() {
        return true;
    }
}
