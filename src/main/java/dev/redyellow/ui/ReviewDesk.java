package dev.redyellow.ui;

import dev.redyellow.implement.ManualDecisions;
import dev.redyellow.implement.ReviewRequest;
import dev.redyellow.implement.Verdict;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Manual review in the app: the engine's worker blocks in {@link #decide} until the person presses
 * Approve or Reject, which complete the hand-off from the FX thread. Stopping the run interrupts the
 * waiting worker.
 */
public final class ReviewDesk implements ManualDecisions {
    private final Map<String, CompletableFuture<Verdict>> waiting = new ConcurrentHashMap<>();
    private final Consumer<ReviewRequest> onRequest;

    /** @param onRequest told (on the worker thread) that a feature waits for a decision */
    public ReviewDesk(Consumer<ReviewRequest> onRequest) {
        this.onRequest = onRequest;
    }

    @Override
    public Verdict decide(ReviewRequest request) throws InterruptedException {
        CompletableFuture<Verdict> decision = new CompletableFuture<>();
        String id = request.feature().id();
        waiting.put(id, decision);
        onRequest.accept(request);
        try {
            return decision.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a review decision failed", e.getCause());
        } finally {
            waiting.remove(id, decision);
        }
    }

    /** Whether a feature waits for a decision now. */
    public boolean isWaiting(String featureId) {
        return waiting.containsKey(featureId);
    }

    /** @return false when the feature was not waiting (already decided, or the run stopped) */
    public boolean approve(String featureId, String comment) {
        return complete(featureId, Verdict.approve(comment.isBlank() ? "approved in the app" : comment));
    }

    /** @return false when the feature was not waiting */
    public boolean reject(String featureId, String comment) {
        return complete(featureId, Verdict.reject(comment.isBlank() ? "rejected in the app" : comment));
    }

    private boolean complete(String featureId, Verdict verdict) {
        CompletableFuture<Verdict> decision = waiting.remove(featureId);
        return decision != null && decision.complete(verdict);
    }
}
