package dev.redyellow.implement;


/** Judges an attempt whose tests pass. Implementations are thread-safe. */
public interface Reviewer {

    Verdict review(ReviewRequest request) throws InterruptedException;
}
