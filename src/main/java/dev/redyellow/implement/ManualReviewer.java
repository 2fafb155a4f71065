package dev.redyellow.implement;


/** Leaves the decision to a person; the feature waits in YELLOW meanwhile. */
public final class ManualReviewer implements Reviewer {
    private final ManualDecisions decisions;

    public ManualReviewer(ManualDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public Verdict review(ReviewRequest request) throws InterruptedException {
        return decisions.decide(request);
    }
}
