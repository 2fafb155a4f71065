package dev.redyellow.ui;

import dev.redyellow.cycle.FeatureState;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * A feature in the graph: id, title and state, coloured by state (pseudo-class {@code :<state>}, see
 * {@link StatePseudoClass}); {@code :weak-tests} marks one whose mutation score fell under the minimum.
 */
final class FeatureNode extends VBox {
    static final double WIDTH = 176;
    static final double HEIGHT = 62;

    private final FeatureItem item;
    private final Label state = new Label();
    private static final javafx.css.PseudoClass WEAK_TESTS = javafx.css.PseudoClass.getPseudoClass("weak-tests");

    FeatureNode(FeatureItem item) {
        this.item = item;
        Label id = new Label(item.id());
        id.getStyleClass().add("feature-id");
        Label title = new Label(item.feature().title());
        title.getStyleClass().add("feature-title");
        state.getStyleClass().add("feature-state");
        getChildren().addAll(id, title, state);
        setSpacing(1);
        getStyleClass().add("feature-node");
        setPrefSize(WIDTH, HEIGHT);
        setMinSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
        LazyTooltip.install(this, () -> item.id() + ": " + item.feature().title()
                + (item.feature().description().isEmpty() ? "" : "\n" + item.feature().description()));
        show(item.state());
        item.stateProperty().addListener((o, was, now) -> show(now));
        pseudoClassStateChanged(WEAK_TESTS, item.reasonProperty().get().startsWith("weak-tests:"));
        item.reasonProperty().addListener((o, was, now) -> pseudoClassStateChanged(WEAK_TESTS, now.startsWith("weak-tests:")));
    }

    FeatureItem item() {
        return item;
    }

    private void show(FeatureState s) {
        StatePseudoClass.show(this, s);
        state.setText(mark(s) + " " + s.name());
    }

    /** A sign beside the colour, so the terminal states read without colour too. */
    static String mark(FeatureState s) {
        return switch (s) {
            case PENDING -> "○";
            case RED -> "●";
            case YELLOW -> "◐";
            case GREEN -> "✓";
            case FAILED -> "✗";
            case BLOCKED -> "⊘";
            case CANCELLED -> "■";
        };
    }

    void selected(boolean on) {
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), on);
    }
}
