package dev.redyellow.ui;

import dev.redyellow.cycle.AttemptRecord;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * A feature's attempts, one line each; a click selects one. Labels in a box, not a list control: a
 * feature has a handful of attempts, and a list laid out and styled its cells during layout, 50 ms at
 * the end of every run of the shown feature on a software renderer (pulse logger).
 */
final class AttemptList extends VBox {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final Function<AttemptRecord, String> describe;
    private final ObjectProperty<AttemptRecord> selected = new SimpleObjectProperty<>(this, "selected");
    private List<AttemptRecord> shown = List.of();

    AttemptList(Function<AttemptRecord, String> describe) {
        this.describe = describe;
        getStyleClass().add("attempt-list");
        selected.addListener((o, was, now) -> getChildren().forEach(n ->
                n.pseudoClassStateChanged(SELECTED, n.getUserData() == now && now != null)));
    }

    /** Shows these attempts (nothing changes when they are the ones shown); the selection is cleared. */
    void show(List<AttemptRecord> attempts) {
        if (attempts.equals(shown)) {
            return;
        }
        shown = List.copyOf(attempts);
        selected.set(null);
        getChildren().setAll(shown.stream().map(this::row).toList());
    }

    private Node row(AttemptRecord attempt) {
        Label row = new Label(describe.apply(attempt));
        row.getStyleClass().add("attempt");
        row.setUserData(attempt);
        row.setMaxWidth(Double.MAX_VALUE);
        row.setOnMouseClicked(e -> selected.set(attempt));
        return row;
    }

    /** The attempts shown, oldest first. */
    List<AttemptRecord> attempts() {
        return shown;
    }

    ReadOnlyObjectProperty<AttemptRecord> selectedProperty() {
        return selected;
    }

    void select(AttemptRecord attempt) {
        selected.set(attempt);
    }
}
