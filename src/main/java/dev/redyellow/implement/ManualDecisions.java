package dev.redyellow.implement;


/**
 * Where a person's review decisions come from: the UI's Approve/Reject, the CLI's --approve-all or
 * its interactive prompt. A call may block until the person decides.
 */
@FunctionalInterface
public interface ManualDecisions {

    Verdict decide(ReviewRequest request) throws InterruptedException;

    /** For runs where nobody can answer: every manual review is rejected, saying why. */
    ManualDecisions NOBODY = request -> Verdict.reject(
            "manual review needed but nobody can answer: no terminal is attached; pass --approve-all or run in the app");

    ManualDecisions APPROVE_ALL = request -> Verdict.approve("approved by --approve-all");
}
