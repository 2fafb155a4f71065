package dev.redyellow.implement;


/** Judges an attempt whose tests pass. Implementations are thread-safe. */
public interface Reviewer {

    Verdict review(ReviewRequest request) throws InterruptedException;

    /**
     * Whether it reads the request's workspace. One that does not (it answers from the manifest or
     * the test result alone) gets {@code null} as the workspace, and none is made for it.
     */
    default boolean readsWorkspace() {
        return true;
    }
}
