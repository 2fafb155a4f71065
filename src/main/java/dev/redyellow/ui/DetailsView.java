package dev.redyellow.ui;

import dev.redyellow.testing.TestCase;
import java.util.List;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
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
    private final DetailsViewModel model;
    private final TaskExecutor tasks;
    private final Label title = new Label();
    private final Label state = new Label();
    private final Label description = new Label();
    /** The mutation score of the passing attempt and its surviving mutants (issue 22); empty when not measured. */
    private final Label mutation = new Label();
    // Plain labels, not a list control: a transition comes with every state change, and a list lays out
    // and styles its cells during layout. They scroll in a box of fixed height: a Region that changes
    // size is repainted whole, so a growing list would repaint the whole panel at every state change.
    private final VBox transitions = new VBox(2);
    private final ScrollPane transitionsBox = new ScrollPane(transitions);
    private final AttemptList attempts = new AttemptList(DetailsViewModel::describe);
    private final ListView<TestCase> cases = new ListView<>();
    // ChoiceBoxes, not ComboBoxes: a ComboBox keeps its (hidden) list in the window, and when a frame's
    // only change is there JavaFX repaints the whole window (see MainWindow.shownOnlyWhenSelected).
    private final ChoiceBox<Integer> diffFrom = new ChoiceBox<>();
    private final ChoiceBox<Integer> diffTo = new ChoiceBox<>();
    private final TextArea diff = new TextArea();
    private final VBox review = new VBox(6);
    private final TextArea comment = new TextArea();

    public DetailsView(ProjectViewModel project, RunViewModel run, TaskExecutor tasks) {
        this(project, new DetailsViewModel((id, approve, text) -> approve ? run.approve(id, text) : run.reject(id, text),
                Platform::runLater), tasks);
    }

    DetailsView(ProjectViewModel project, DetailsViewModel model, TaskExecutor tasks) {
        this.model = model;
        this.tasks = tasks;
        getStyleClass().add("details-view");
        setFitToWidth(true);
        paintUncached(this);
        title.getStyleClass().add("details-title");
        title.textProperty().bind(model.titleProperty());
        state.getStyleClass().add("details-state");
        state.textProperty().bind(model.stateTextProperty());
        model.stateProperty().addListener((o, was, now) -> StatePseudoClass.show(state, now));
        state.visibleProperty().bind(state.textProperty().isNotEmpty());
        state.managedProperty().bind(state.visibleProperty());
        // One line, so that a longer reason never moves what is below (the full text is in the tooltip
        // and in the transitions): moving the panel's content made it repaint whole at every change.
        state.setWrapText(false);
        state.setTooltip(new Tooltip());
        state.getTooltip().textProperty().bind(state.textProperty());
        description.setWrapText(true);
        description.textProperty().bind(model.descriptionProperty());
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
        model.transitionLines().addListener((ListChangeListener<String>) c -> showTransitions());
        attempts.setId("attempts-list");
        model.attemptsProperty().addListener(o -> showAttempts());
        model.whyNoAttemptsProperty().addListener(o -> showAttempts());
        Label noCases = new Label(DetailsViewModel.PICK_AN_ATTEMPT);
        noCases.setWrapText(true);
        cases.setPlaceholder(noCases);
        attempts.selectedProperty().addListener((o, was, a) -> {
            cases.getItems().setAll(DetailsViewModel.cases(a));
            noCases.setText(DetailsViewModel.whyNoCases(a));
        });
        cases.setPrefHeight(120);
        cases.setId("cases-list");
        cases.setCellFactory(l -> cell(DetailsViewModel::caseLine));
        diffFrom.setItems(model.diffChoices());
        diffTo.setItems(model.diffChoices());
        diffFrom.valueProperty().bindBidirectional(model.diffFromProperty());
        diffTo.valueProperty().bindBidirectional(model.diffToProperty());
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
        review.visibleProperty().bind(model.awaitingReviewProperty());
        review.managedProperty().bind(review.visibleProperty());
        mutation.setId("mutation-score");
        mutation.setWrapText(true);
        mutation.textProperty().bind(model.mutationTextProperty());
        mutation.visibleProperty().bind(mutation.textProperty().isNotEmpty());
        mutation.managedProperty().bind(mutation.visibleProperty());
        VBox box = new VBox(6, title, state, description, mutation, review, section("Transitions"), transitionsBox,
                section("Attempts"), attempts, section("Tests of the selected attempt"), cases,
                section("Diff between attempts"), new HBox(6, new Label("from"), diffFrom, new Label("to"), diffTo, showDiff), diff);
        box.setPadding(new Insets(8));
        setContent(box);
        project.selectedProperty().addListener((o, was, now) -> {
            diff.clear();
            model.show(now);
        });
        showAttempts();
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

    private void showAttempts() {
        attempts.show(model.attemptsProperty().get(), model.whyNoAttemptsProperty().get());
    }

    /** Adds a label per line not shown yet (lines are only ever appended, or all cleared). */
    private void showTransitions() {
        List<String> all = model.transitionLines();
        List<Node> labels = transitions.getChildren();
        if (labels.size() > all.size()) {
            labels.clear();
        }
        for (String line : all.subList(labels.size(), all.size())) {
            Label l = new Label(line);
            l.setWrapText(true);
            l.getStyleClass().add("transition");
            labels.add(l);
        }
    }

    private void showDiff() {
        DetailsViewModel.DiffRequest request = model.diffRequest();
        if (request.why().isPresent()) {
            diff.setText(request.why().get());
            return;
        }
        tasks.run("diff", request::diff, diff::setText, e -> diff.setText("No diff: " + e.getMessage()));
    }

    private void decide(boolean approve) {
        if (model.decide(approve, comment.getText())) {
            comment.clear();
            // The review box goes; focus stays near it, or it would fall to a node further down and
            // the panel would scroll away from where the person was looking.
            transitionsBox.requestFocus();
        }
    }
}
