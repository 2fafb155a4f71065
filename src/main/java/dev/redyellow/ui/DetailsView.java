package dev.redyellow.ui;

import dev.redyellow.cycle.AttemptRecord;
import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.cycle.FeatureState;
import dev.redyellow.cycle.Transition;
import dev.redyellow.testing.TestCase;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The selected feature: its state and transitions with reasons, its attempts with their per-test
 * results, the diff between two attempts, and the Approve / Reject box while it waits for review.
 */
public final class DetailsView extends ScrollPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private static final String PICK_AN_ATTEMPT = "Select an attempt above to see its tests.";

    private final RunViewModel run;
    private final TaskExecutor tasks;
    private final Label title = new Label("Select a feature in the graph");
    private final Label state = new Label();
    private final Label description = new Label();
    /** The mutation score of the passing attempt and its surviving mutants (issue 22); empty when not measured. */
    private final Label mutation = new Label();
    // Plain labels, not a list control: a transition comes with every state change, and a list lays out
    // and styles its cells during layout. They scroll in a box of fixed height: a Region that changes
    // size is repainted whole, so a growing list would repaint the whole panel at every state change.
    private final VBox transitions = new VBox(2);
    private final ScrollPane transitionsBox = new ScrollPane(transitions);
    private final ListChangeListener<Transition> moved = c -> showTransitions();
    private final AttemptList attempts = new AttemptList(DetailsView::describe);
    private final ListView<TestCase> cases = new ListView<>();
    // ChoiceBoxes, not ComboBoxes: a ComboBox keeps its (hidden) list in the window, and when a frame's
    // only change is there JavaFX repaints the whole window (see MainWindow.shownOnlyWhenSelected).
    private final ChoiceBox<Integer> diffFrom = new ChoiceBox<>();
    private final ChoiceBox<Integer> diffTo = new ChoiceBox<>();
    private final TextArea diff = new TextArea();
    private final VBox review = new VBox(6);
    private final TextArea comment = new TextArea();
    /**
     * A finishing feature changes its outcome, state, reason and review flag in one go; the panel is
     * brought up to date once for all of them, after the frame that changed them (the first finish of
     * a session, with its first attempt rows and choice menus, took 15 ms of a 22 ms event; pulse probe).
     */
    private final ChangeListener<Object> refresh = (o, was, now) -> refreshSoon();
    private boolean refreshPending;
    private FeatureItem shown;

    public DetailsView(ProjectViewModel project, RunViewModel run, TaskExecutor tasks) {
        this.run = run;
        this.tasks = tasks;
        getStyleClass().add("details-view");
        setFitToWidth(true);
        paintUncached(this);
        title.getStyleClass().add("details-title");
        state.getStyleClass().add("details-state");
        state.visibleProperty().bind(state.textProperty().isNotEmpty());
        state.managedProperty().bind(state.visibleProperty());
        // One line, so that a longer reason never moves what is below (the full text is in the tooltip
        // and in the transitions): moving the panel's content made it repaint whole at every change.
        state.setWrapText(false);
        state.setTooltip(new Tooltip());
        state.getTooltip().textProperty().bind(state.textProperty());
        description.setWrapText(true);
        transitions.setId("transitions");
        transitions.getStyleClass().add("transitions");
        transitionsBox.setFitToWidth(true);
        transitionsBox.setPrefHeight(140);
        transitionsBox.setMinHeight(140);
        transitionsBox.setMaxHeight(140);
        transitionsBox.getStyleClass().add("transitions-box");
        transitionsBox.setFocusTraversable(true); // scrolled with the keyboard too
        // The newest transition in sight: scrolled to the end once the list has grown (after layout).
        transitions.heightProperty().addListener(o -> transitionsBox.setVvalue(transitionsBox.getVmax()));
        paintUncached(transitionsBox);
        attempts.setId("attempts-list");
        Label noCases = new Label(PICK_AN_ATTEMPT);
        noCases.setWrapText(true);
        cases.setPlaceholder(noCases);
        attempts.selectedProperty().addListener((o, was, a) -> {
            cases.getItems().setAll(a == null ? List.of() : a.result().map(r -> r.cases()).orElse(List.of()));
            noCases.setText(a == null ? PICK_AN_ATTEMPT
                    : a.result().isEmpty() ? "Attempt " + a.attempt() + " ran no tests."
                    : "No per-test results for attempt " + a.attempt() + " (" + a.result().get().outcome()
                    + "); its output, one click away in Open log, says what the test run printed.");
        });
        cases.setPrefHeight(120);
        cases.setId("cases-list");
        cases.setCellFactory(l -> cell(c -> switch (c.status()) {
            case PASSED -> "✓ " + c.name();
            case FAILED -> "✗ " + c.name() + (c.message().isEmpty() ? "" : ": " + c.message());
            case SKIPPED -> "– " + c.name();
        }));
        Button showDiff = new Button("Diff");
        showDiff.setId("diff");
        showDiff.setOnAction(e -> showDiff());
        diff.setEditable(false);
        diff.setPrefRowCount(10);
        diff.getStyleClass().add("mono");
        comment.setPromptText("Comment (sent to the next attempt when rejecting)");
        comment.setPrefRowCount(3);
        comment.setId("review-comment");
        Button approve = new Button("Approve");
        approve.setId("approve");
        approve.getStyleClass().add("approve");
        approve.setOnAction(e -> decide(true));
        Button reject = new Button("Reject");
        reject.setId("reject");
        reject.getStyleClass().add("reject");
        reject.setOnAction(e -> decide(false));
        Label waiting = new Label("Waiting for your review: its tests pass.");
        waiting.getStyleClass().add("review-title");
        review.getChildren().addAll(waiting, comment, new HBox(8, approve, reject));
        review.getStyleClass().add("review-box");
        review.setVisible(false);
        review.managedProperty().bind(review.visibleProperty());
        mutation.setId("mutation-score");
        mutation.setWrapText(true);
        VBox box = new VBox(6, title, state, description, mutation, review, section("Transitions"), transitionsBox,
                section("Attempts"), attempts, section("Tests of the selected attempt"), cases,
                section("Diff between attempts"), new HBox(6, new Label("from"), diffFrom, new Label("to"), diffTo, showDiff), diff);
        box.setPadding(new Insets(8));
        setContent(box);
        project.selectedProperty().addListener((o, was, now) -> show(now));
    }

    /**
     * A scroll pane's skin caches its viewport as an image, so any change inside redraws all of it
     * (30-45 ms for this panel on a software renderer, seen with the pulse logger, at every state
     * change); uncached, only what changed is repainted.
     */
    private static void paintUncached(ScrollPane pane) {
        pane.skinProperty().addListener((o, was, skin) -> {
            Node viewport = pane.lookup(".viewport");
            if (viewport != null) {
                viewport.setCache(false);
            }
        });
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        return l;
    }

    private static <T> ListCell<T> cell(java.util.function.Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    private static String describe(AttemptRecord a) {
        String tests = a.result().map(r -> r.outcome() + ": " + r.passed() + " passed, " + r.failed() + " failed")
                .orElse("no tests run");
        String verdict = a.verdict().map(v -> (v.approved() ? "  approved" : "  rejected: " + v.feedback())).orElse("");
        return "attempt " + a.attempt() + "  " + tests + verdict + (a.note().isEmpty() ? "" : "  (" + a.note() + ")");
    }

    private void show(FeatureItem item) {
        if (shown != null) {
            shown.transitions().removeListener(moved);
            shown.stateProperty().removeListener(refresh);
            shown.outcomeProperty().removeListener(refresh);
            shown.awaitingReviewProperty().removeListener(refresh);
        }
        shown = item;
        if (item == null) {
            title.setText("Select a feature in the graph");
            transitions.getChildren().clear();
            refresh();
            return;
        }
        title.setText(item.id() + " — " + item.feature().title());
        description.setText(item.feature().description());
        transitions.getChildren().clear();
        item.transitions().addListener(moved);
        showTransitions();
        item.stateProperty().addListener(refresh);
        item.outcomeProperty().addListener(refresh);
        item.awaitingReviewProperty().addListener(refresh);
        diff.clear();
        refresh();
    }

    private void refreshSoon() {
        if (!refreshPending) {
            refreshPending = true;
            Platform.runLater(this::refresh);
        }
    }

    /**
     * Brings the panel up to date with the shown feature. It runs on every state change of that
     * feature, so it changes only what differs: each change costs the window layout and a repaint.
     */
    private void refresh() {
        refreshPending = false;
        FeatureItem item = shown;
        if (item == null) {
            StatePseudoClass.show(state, null);
            state.setText("");
            description.setText("");
            attempts.show(List.of(), "");
            setIfChanged(diffFrom.getItems(), List.of());
            setIfChanged(diffTo.getItems(), List.of());
            diff.clear();
            review.setVisible(false);
            return;
        }
        state.setText(FeatureNode.mark(item.state()) + " " + item.state()
                + (item.reasonProperty().get().isEmpty() ? "" : ": " + item.reasonProperty().get()));
        StatePseudoClass.show(state, item.state());
        FeatureOutcome outcome = item.outcomeProperty().get();
        List<AttemptRecord> history = outcome == null ? List.of() : outcome.history();
        mutation.setText(outcome == null ? "" : outcome.mutation().map(m -> "Mutation score: " + m.summary()
                + (m.survivors().isEmpty() ? "" : "\nSurviving: " + m.survivorList())).orElse(""));
        attempts.show(history, whyNoAttempts(item));
        List<Integer> numbers = IntStream.rangeClosed(1, history.size()).boxed().toList();
        setIfChanged(diffFrom.getItems(), numbers);
        setIfChanged(diffTo.getItems(), numbers);
        diffFrom.setValue(numbers.size() >= 2 ? numbers.size() - 1 : null);
        diffTo.setValue(numbers.size() >= 2 ? numbers.size() : null);
        review.setVisible(item.awaitingReviewProperty().get());
    }

    /** What the attempts box says while it has none to show. */
    private static String whyNoAttempts(FeatureItem item) {
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

    /** Adds a label per transition not shown yet (transitions are only ever appended, or all cleared). */
    private void showTransitions() {
        List<Transition> all = shown == null ? List.of() : shown.transitions();
        List<Node> labels = transitions.getChildren();
        if (labels.size() > all.size()) {
            labels.clear();
        }
        for (Transition t : all.subList(labels.size(), all.size())) {
            Label l = new Label(TIME.format(t.at()) + "  " + t.from() + " → " + t.to() + "\n    " + t.reason());
            l.setWrapText(true);
            l.getStyleClass().add("transition");
            labels.add(l);
        }
    }

    private static <T> void setIfChanged(ObservableList<T> items, List<T> wanted) {
        if (!items.equals(wanted)) {
            items.setAll(wanted);
        }
    }

    private void showDiff() {
        FeatureItem item = shown;
        Integer from = diffFrom.getValue();
        Integer to = diffTo.getValue();
        if (item == null || item.outcomeProperty().get() == null || from == null || to == null) {
            diff.setText("The diff is there once the feature has finished with two attempts or more.");
            return;
        }
        List<AttemptRecord> history = item.outcomeProperty().get().history();
        tasks.run("diff", () -> AttemptDiff.between(history, from, to), diff::setText,
                e -> diff.setText("No diff: " + e.getMessage()));
    }

    private void decide(boolean approve) {
        if (shown == null) {
            return;
        }
        String text = comment.getText() == null ? "" : comment.getText().strip();
        boolean taken = approve ? run.approve(shown.id(), text) : run.reject(shown.id(), text);
        if (taken) {
            comment.clear();
            // The review box goes; focus stays near it, or it would fall to a node further down and
            // the panel would scroll away from where the person was looking.
            transitionsBox.requestFocus();
            shown.awaitingReviewProperty().set(false);
        }
    }
}
