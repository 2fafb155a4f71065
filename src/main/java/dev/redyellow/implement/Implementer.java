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

    /**
     * Whether its attempts exist before it is asked (replayed from the manifest), so that asking for
     * the first one before the feature's RED proof is over writes no code that did not exist: the
     * conductor may then test it beside the proof ({@link dev.redyellow.cycle.TestSlots}). One that
     * writes code when asked (a command, a model) is asked only once RED is proved.
     */
    default boolean preparedInAdvance() {
        return false;
    }
}
