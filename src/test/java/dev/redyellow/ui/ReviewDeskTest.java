package dev.redyellow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.implement.ReviewRequest;
import dev.redyellow.implement.Verdict;
import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.FileSet;
import dev.redyellow.manifest.ImplementerSettings;
import dev.redyellow.manifest.ReviewSettings;
import dev.redyellow.manifest.TestSettings;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The blocking hand-off between a waiting worker and the Approve / Reject buttons. */
class ReviewDeskTest {
    private final CountDownLatch asked = new CountDownLatch(1);
    private final ReviewDesk desk = new ReviewDesk(request -> asked.countDown());

    private static ReviewRequest request(String id) {
        Feature f = new Feature(id, id, "", List.of(), List.of(), new TestSettings.JUnit(10), new ImplementerSettings.Replay(),
                new ReviewSettings.Manual(), FileSet.empty(), List.of(), null);
        return new ReviewRequest(f, 1, null, FileSet.empty(), null, null);
    }

    private CompletableFuture<Verdict> decideOnAWorker(String id) throws InterruptedException {
        CompletableFuture<Verdict> verdict = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                verdict.complete(desk.decide(request(id)));
            } catch (InterruptedException e) {
                verdict.completeExceptionally(e);
            }
        });
        worker.start();
        assertTrue(asked.await(10, TimeUnit.SECONDS));
        return verdict;
    }

    @Test
    void theWorkerWaitsUntilApproved() throws Exception {
        CompletableFuture<Verdict> verdict = decideOnAWorker("slugify");
        assertTrue(desk.isWaiting("slugify"));
        assertFalse(verdict.isDone());

        assertTrue(desk.approve("slugify", "looks right"));

        assertEquals(Verdict.approve("looks right"), verdict.get(10, TimeUnit.SECONDS));
        assertFalse(desk.isWaiting("slugify"));
    }

    @Test
    void aRejectionCarriesTheComment() throws Exception {
        CompletableFuture<Verdict> verdict = decideOnAWorker("slugify");
        assertTrue(desk.reject("slugify", "handle empty titles"));
        assertEquals(Verdict.reject("handle empty titles"), verdict.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aDecisionForAFeatureThatDoesNotWaitIsRefused() {
        assertFalse(desk.approve("nobody", ""));
        assertFalse(desk.reject("nobody", "no"));
    }

    @Test
    void stoppingTheRunInterruptsTheWaitingWorker() throws Exception {
        CompletableFuture<Verdict> verdict = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                verdict.complete(desk.decide(request("a")));
            } catch (InterruptedException e) {
                verdict.completeExceptionally(e);
            }
        });
        worker.start();
        assertTrue(asked.await(10, TimeUnit.SECONDS));
        worker.interrupt();
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> verdict.get(10, TimeUnit.SECONDS));
        assertInstanceOf(InterruptedException.class, e.getCause());
        assertFalse(desk.isWaiting("a"));
    }
}
