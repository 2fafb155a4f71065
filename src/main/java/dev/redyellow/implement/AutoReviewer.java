package dev.redyellow.implement;


/** Approves every attempt whose tests pass: the default review. */
public final class AutoReviewer implements Reviewer {

    @Override
    public Verdict review(ReviewRequest request) {
        return Verdict.approve("approved automatically: " + request.testResult().passed() + " tests pass");
    }
}
