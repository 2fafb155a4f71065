package dev.redyellow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.cycle.AttemptRecord;
import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.cycle.FeatureState;
import dev.redyellow.cycle.Transition;
import dev.redyellow.implement.Verdict;
import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.FileSet;
import dev.redyellow.manifest.ImplementerSettings;
import dev.redyellow.manifest.ReviewSettings;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.store.StoredFiles;
import dev.redyellow.testing.TestCase;
import dev.redyellow.testing.TestOutcome;
import dev.redyellow.testing.TestResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The details panel's content and decisions, without a window. */
class DetailsViewModelTest {
    private final List<Runnable> queued = new ArrayList<>();
    private final List<String> decided = new ArrayList<>();
    private boolean accept = true;
    private final DetailsViewModel model = new DetailsViewModel((id, approve, comment) -> {
        decided.add(id + (approve ? " approved " : " rejected ") + "'" + comment + "'");
        return accept;
    }, queued::add);

    private static FeatureItem item(String id) {
        return new FeatureItem(new Feature(id, "Adds two numbers", "the sum", List.of(), List.of(), new TestSettings.JUnit(10),
                new ImplementerSettings.Replay(), new ReviewSettings.Manual(), FileSet.empty(), List.of(), null));
    }

    private static Transition move(String id, FeatureState from, FeatureState to, String reason) {
        return new Transition(id, from, to, Instant.parse("2026-12-04T10:00:00Z"), reason);
    }

    private static AttemptRecord attempt(int n, TestResult result, Optional<Verdict> verdict) {
        return new AttemptRecord(n, StoredFiles.empty(), Optional.of(result), verdict, "");
    }

    private static TestResult failing() {
        return new TestResult(TestOutcome.FAILED, 1, 1, 0, List.of(new TestCase("adds", TestCase.Status.FAILED, "expected 5", 3),
                new TestCase("zero", TestCase.Status.PASSED, "", 1)), 40, "", "");
    }

    private static TestResult passing() {
        return new TestResult(TestOutcome.PASSED, 2, 0, 0, List.of(), 30, "", "");
    }

    @Test
    void nothingSelectedSaysSoAndShowsNoState() {
        model.show(null);
        assertEquals(DetailsViewModel.NOTHING_SELECTED, model.titleProperty().get());
        assertEquals("", model.stateTextProperty().get());
        assertNull(model.stateProperty().get());
        assertFalse(model.awaitingReviewProperty().get());
        assertEquals(DetailsViewModel.NO_DIFF_YET, model.diffRequest().why().orElseThrow());
    }

    @Test
    void aRunningFeatureFollowsItsTransitionsAndRefreshesOnceAfterSeveralChanges() {
        FeatureItem add = item("add");
        model.show(add);
        assertEquals("add — Adds two numbers", model.titleProperty().get());
        assertEquals("No attempts yet.", model.whyNoAttemptsProperty().get());

        add.apply(move("add", FeatureState.PENDING, FeatureState.RED, "red proved: 1 of 2 tests failed"));
        add.apply(move("add", FeatureState.RED, FeatureState.RED, "attempt 1: 1 of 2 tests failed"));
        assertEquals(2, model.transitionLines().size(), "a line per transition, at once");
        assertTrue(model.transitionLines().get(1).contains("RED → RED\n    attempt 1: 1 of 2 tests failed"),
                model.transitionLines().get(1));
        assertEquals(1, queued.size(), "two changes, one refresh queued");
        queued.remove(0).run();
        assertEquals(FeatureState.RED, model.stateProperty().get());
        assertTrue(model.stateTextProperty().get().endsWith("RED: attempt 1: 1 of 2 tests failed"),
                model.stateTextProperty().get());
        assertEquals("The attempts are listed once the feature has finished.", model.whyNoAttemptsProperty().get());
    }

    @Test
    void aFinishedFeatureListsItsAttemptsAndOffersTheLastTwoForTheDiff() {
        FeatureItem add = item("add");
        model.show(add);
        List<AttemptRecord> history = List.of(attempt(1, failing(), Optional.empty()),
                attempt(2, passing(), Optional.of(new Verdict(true, ""))));
        add.finish(new FeatureOutcome("add", FeatureState.GREEN, "approved", 2, 3, 0, 1.0, Optional.of(passing()),
                List.of(), StoredFiles.empty(), history));
        queued.remove(0).run();

        assertEquals(history, model.attemptsProperty().get());
        assertEquals(List.of(1, 2), model.diffChoices());
        assertEquals(1, model.diffFromProperty().get());
        assertEquals(2, model.diffToProperty().get());
        DetailsViewModel.DiffRequest diff = model.diffRequest();
        assertTrue(diff.why().isEmpty());
        assertEquals(1, diff.from());
        assertEquals("attempt 1  FAILED: 1 passed, 1 failed", DetailsViewModel.describe(history.get(0)));
        assertEquals("attempt 2  PASSED: 2 passed, 0 failed  approved", DetailsViewModel.describe(history.get(1)));
        assertEquals(List.of("✗ adds: expected 5", "✓ zero"),
                DetailsViewModel.cases(history.get(0)).stream().map(DetailsViewModel::caseLine).toList());
        assertEquals(DetailsViewModel.PICK_AN_ATTEMPT, DetailsViewModel.whyNoCases(null));
        assertTrue(DetailsViewModel.whyNoCases(history.get(1)).startsWith("No per-test results for attempt 2 (PASSED)"));
    }

    @Test
    void aFeatureReadBackFromTheHistorySaysItsAttemptsAreNotKept() {
        FeatureItem add = item("add");
        add.apply(move("add", FeatureState.YELLOW, FeatureState.GREEN, "approved"));
        add.attemptProperty().set(3);
        model.show(add);
        assertEquals("Read back from the history: 3 attempts were made; the history keeps a run's transitions, "
                + "not its attempts.", model.whyNoAttemptsProperty().get());
    }

    @Test
    void theReviewDecisionGoesWithTheStrippedCommentAndClosesTheBoxOnlyWhenTaken() {
        FeatureItem add = item("add");
        add.awaitingReviewProperty().set(true);
        model.show(add);
        assertTrue(model.awaitingReviewProperty().get());

        accept = false;
        assertFalse(model.decide(false, "  use a long  "));
        assertTrue(add.awaitingReviewProperty().get(), "a decision not taken leaves it waiting");
        accept = true;
        assertTrue(model.decide(false, "  use a long  "));
        assertEquals(List.of("add rejected 'use a long'", "add rejected 'use a long'"), decided);
        assertFalse(add.awaitingReviewProperty().get());
        queued.forEach(Runnable::run);
        assertFalse(model.awaitingReviewProperty().get());
    }

    @Test
    void showingAnotherFeatureStopsFollowingTheFirst() {
        FeatureItem add = item("add");
        FeatureItem sub = item("sub");
        model.show(add);
        model.show(sub);
        add.apply(move("add", FeatureState.PENDING, FeatureState.RED, "red proved"));
        assertEquals(List.of(), model.transitionLines());
        assertEquals(List.of(), queued);
        assertEquals("sub — Adds two numbers", model.titleProperty().get());
    }
}
