package dev.redyellow.ui;

import dev.redyellow.cycle.AttemptRecord;
import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.cycle.FeatureState;
import dev.redyellow.cycle.Transition;
import dev.redyellow.testing.TestCase;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * What the details panel shows of the selected feature, and what its buttons do, without a window:
 * the title, the state with its reason, the transitions as lines, the attempts and what to say when
 * there are none, the per-test lines of an attempt, the diff's choices, and the review decision.
 * {@link DetailsView} only binds to it.
 *
 * <p>A finishing feature changes its outcome, state, reason and review flag in one go; the model is
 * brought up to date once for all of them, through {@code later} (the FX thread's run-later in the
 * window), and changes only what differs, because each change costs the window a layout and a repaint.
 */
final class DetailsViewModel {
    static final String NOTHING_SELECTED = "Select a feature in the graph";
    static final String PICK_AN_ATTEMPT = "Select an attempt above to see its tests.";
    static final String NO_DIFF_YET = "The diff is there once the feature has finished with two attempts or more.";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    /** Takes the review decision for a feature with a comment; false when it was not waiting for one. */
    interface Reviews {
        boolean decide(String featureId, boolean approve, String comment);
    }

    private final Reviews reviews;
    private final Consumer<Runnable> later;
    private final StringProperty title = new SimpleStringProperty(NOTHING_SELECTED);
    private final StringProperty stateText = new SimpleStringProperty("");
    private final ObjectProperty<FeatureState> state = new SimpleObjectProperty<>();
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty mutationText = new SimpleStringProperty("");
    private final ObservableList<String> transitionLines = FXCollections.observableArrayList();
    private final ObjectProperty<List<AttemptRecord>> attempts = new SimpleObjectProperty<>(List.of());
    private final StringProperty whyNoAttempts = new SimpleStringProperty("");
    private final ObservableList<Integer> diffChoices = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> diffFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> diffTo = new SimpleObjectProperty<>();
    private final BooleanProperty awaitingReview = new SimpleBooleanProperty();
    private final ListChangeListener<Transition> moved = c -> showTransitions();
    private final ChangeListener<Object> changed = (o, was, now) -> refreshSoon();
    private boolean refreshPending;
    private FeatureItem shown;

    DetailsViewModel(Reviews reviews, Consumer<Runnable> later) {
        this.reviews = reviews;
        this.later = later;
    }

    StringProperty titleProperty() {
        return title;
    }

    StringProperty stateTextProperty() {
        return stateText;
    }

    /** The shown feature's state (for its colour); null with none. */
    ObjectProperty<FeatureState> stateProperty() {
        return state;
    }

    StringProperty descriptionProperty() {
        return description;
    }

    /** The mutation score of the accepted code and its surviving mutants; empty when not measured. */
    StringProperty mutationTextProperty() {
        return mutationText;
    }

    /** One line per transition, oldest first; only ever appended to, or cleared for another feature. */
    ObservableList<String> transitionLines() {
        return transitionLines;
    }

    /** The finished feature's attempts; a new list only when they differ. */
    ObjectProperty<List<AttemptRecord>> attemptsProperty() {
        return attempts;
    }

    /** What the attempts box says while it has none to show. */
    StringProperty whyNoAttemptsProperty() {
        return whyNoAttempts;
    }

    ObservableList<Integer> diffChoices() {
        return diffChoices;
    }

    ObjectProperty<Integer> diffFromProperty() {
        return diffFrom;
    }

    ObjectProperty<Integer> diffToProperty() {
        return diffTo;
    }

    BooleanProperty awaitingReviewProperty() {
        return awaitingReview;
    }

    Optional<FeatureItem> shown() {
        return Optional.ofNullable(shown);
    }

    /** Shows this feature (null: none), following its changes until another is shown. */
    void show(FeatureItem item) {
        if (shown != null) {
            shown.transitions().removeListener(moved);
            shown.stateProperty().removeListener(changed);
            shown.outcomeProperty().removeListener(changed);
            shown.awaitingReviewProperty().removeListener(changed);
        }
        shown = item;
        transitionLines.clear();
        if (item == null) {
            title.set(NOTHING_SELECTED);
            refresh();
            return;
        }
        title.set(item.id() + " — " + item.feature().title());
        item.transitions().addListener(moved);
        showTransitions();
        item.stateProperty().addListener(changed);
        item.outcomeProperty().addListener(changed);
        item.awaitingReviewProperty().addListener(changed);
        refresh();
    }

    private void refreshSoon() {
        if (!refreshPending) {
            refreshPending = true;
            later.accept(this::refresh);
        }
    }

    /** Brings the model up to date with the shown feature, changing only what differs. */
    void refresh() {
        refreshPending = false;
        FeatureItem item = shown;
        if (item == null) {
            state.set(null);
            stateText.set("");
            description.set("");
            mutationText.set("");
            setAttempts(List.of(), "");
            awaitingReview.set(false);
            return;
        }
        description.set(item.feature().description());
        String reason = item.reasonProperty().get();
        stateText.set(FeatureNode.mark(item.state()) + " " + item.state() + (reason.isEmpty() ? "" : ": " + reason));
        state.set(item.state());
        FeatureOutcome outcome = item.outcomeProperty().get();
        mutationText.set(outcome == null ? "" : outcome.mutation().map(m -> "Mutation score: " + m.summary()
                + (m.survivors().isEmpty() ? "" : "\nSurviving: " + m.survivorList())).orElse(""));
        setAttempts(outcome == null ? List.of() : outcome.history(), whyNoAttempts(item));
        awaitingReview.set(item.awaitingReviewProperty().get());
    }

    private void setAttempts(List<AttemptRecord> history, String whyNone) {
        if (!attempts.get().equals(history)) {
            attempts.set(List.copyOf(history));
        }
        whyNoAttempts.set(whyNone);
        List<Integer> numbers = IntStream.rangeClosed(1, history.size()).boxed().toList();
        if (!diffChoices.equals(numbers)) {
            diffChoices.setAll(numbers);
        }
        diffFrom.set(numbers.size() >= 2 ? numbers.size() - 1 : null);
        diffTo.set(numbers.size() >= 2 ? numbers.size() : null);
    }

    /** What the attempts box says while it has none to show. */
    static String whyNoAttempts(FeatureItem item) {
        if (item.state() == FeatureState.PENDING) {
            return "No attempts yet.";
        }
        if (!item.state().isTerminal()) {
            return "The attempts are listed once the feature has finished.";
        }
        if (item.outcomeProperty().get() == null) {
            int made = item.attemptProperty().get();
            return "Read back from the history: " + made + (made == 1 ? " attempt was" : " attempts were")
                    + " made; the history keeps a run's transitions, not its attempts.";
        }
        return "No attempt was made.";
    }

    /** An attempt's line in the attempts box. */
    static String describe(AttemptRecord a) {
        String tests = a.result().map(r -> r.outcome() + ": " + r.passed() + " passed, " + r.failed() + " failed")
                .orElse("no tests run");
        String verdict = a.verdict().map(v -> (v.approved() ? "  approved" : "  rejected: " + v.feedback())).orElse("");
        return "attempt " + a.attempt() + "  " + tests + verdict + (a.note().isEmpty() ? "" : "  (" + a.note() + ")");
    }

    /** The per-test results of the selected attempt (none selected: none). */
    static List<TestCase> cases(AttemptRecord selected) {
        return selected == null ? List.of() : selected.result().map(r -> r.cases()).orElse(List.of());
    }

    /** What the tests box says when it has no test to list. */
    static String whyNoCases(AttemptRecord selected) {
        if (selected == null) {
            return PICK_AN_ATTEMPT;
        }
        return selected.result().isEmpty() ? "Attempt " + selected.attempt() + " ran no tests."
                : "No per-test results for attempt " + selected.attempt() + " (" + selected.result().get().outcome()
                + "); its output, one click away in Open log, says what the test run printed.";
    }

    /** A test's line: a mark, its name and its failure message. */
    static String caseLine(TestCase c) {
        return switch (c.status()) {
            case PASSED -> "✓ " + c.name();
            case FAILED -> "✗ " + c.name() + (c.message().isEmpty() ? "" : ": " + c.message());
            case SKIPPED -> "– " + c.name();
        };
    }

    /** A transition's line: when, from and to, and why. */
    static String transitionLine(Transition t) {
        return TIME.format(t.at()) + "  " + t.from() + " → " + t.to() + "\n    " + t.reason();
    }

    /** The attempts to diff with the chosen numbers, or why there is no diff to make yet. */
    DiffRequest diffRequest() {
        Integer from = diffFrom.get();
        Integer to = diffTo.get();
        FeatureItem item = shown;
        if (item == null || item.outcomeProperty().get() == null || from == null || to == null) {
            return new DiffRequest(List.of(), 0, 0, Optional.of(NO_DIFF_YET));
        }
        return new DiffRequest(item.outcomeProperty().get().history(), from, to, Optional.empty());
    }

    /** Two attempts of a history to compare, or why not. */
    record DiffRequest(List<AttemptRecord> history, int from, int to, Optional<String> why) {
        /** The unified diff of the two attempts' files (reads the code store: off the FX thread). */
        String diff() {
            return AttemptDiff.between(history, from, to);
        }
    }

    /** Approves or rejects the shown feature with the comment; true when the decision was taken. */
    boolean decide(boolean approve, String comment) {
        FeatureItem item = shown;
        if (item == null) {
            return false;
        }
        boolean taken = reviews.decide(item.id(), approve, comment == null ? "" : comment.strip());
        if (taken) {
            item.awaitingReviewProperty().set(false);
        }
        return taken;
    }

    /** Appends a line per transition not shown yet (transitions are only ever appended, or all cleared). */
    private void showTransitions() {
        List<Transition> all = shown == null ? List.of() : shown.transitions();
        if (transitionLines.size() > all.size()) {
            transitionLines.clear();
        }
        transitionLines.addAll(all.subList(transitionLines.size(), all.size()).stream()
                .map(DetailsViewModel::transitionLine).toList());
    }
}
