package dev.redyellow.ui;

import dev.redyellow.cycle.AttemptRecord;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;

/**
 * A feature's attempts, one line each; a click, or the up and down keys, select one. Labels in a box, not a list control: a
 * feature has a handful of attempts, and a list laid out and styled its cells during layout, 50 ms at
 * the end of every run of the shown feature on a software renderer (pulse logger).
 */
final class AttemptList extends VBox {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final Function<AttemptRecord, String> describe;
    private final ObjectProperty<AttemptRecord> selected = new SimpleObjectProperty<>(this, "selected");
    private final Label empty = new Label();
    private List<AttemptRecord> shown = List.of();

    AttemptList(Function<AttemptRecord, String> describe) {
        this.describe = describe;
        getStyleClass().add("attempt-list");
        empty.getStyleClass().add("attempt-list-empty");
        empty.setWrapText(true);
        getChildren().add(empty);
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.LIST_VIEW);
        selected.addListener((o, was, now) -> getChildren().forEach(n ->
                n.pseudoClassStateChanged(SELECTED, n.getUserData() == now && now != null)));
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                step(e.getCode() == KeyCode.DOWN ? 1 : -1);
                e.consume();
            }
        });
    }

    /** Selects the next ({@code +1}) or previous ({@code -1}) attempt; the first or last when none is. */
    private void step(int by) {
        if (shown.isEmpty()) {
            return;
        }
        int at = shown.indexOf(selected.get());
        int next = at < 0 ? (by > 0 ? 0 : shown.size() - 1) : Math.max(0, Math.min(shown.size() - 1, at + by));
        selected.set(shown.get(next));
    }

    /**
     * Shows these attempts (nothing changes when they are the ones shown); the selection is cleared.
     * With none, {@code whyNone} is shown in their place.
     */
    void show(List<AttemptRecord> attempts, String whyNone) {
        empty.setText(whyNone);
        if (attempts.equals(shown)) {
            return;
        }
        shown = List.copyOf(attempts);
        selected.set(null);
        if (shown.isEmpty()) {
            getChildren().setAll(empty);
        } else {
            getChildren().setAll(shown.stream().map(this::row).toList());
        }
    }

    /** What is said in place of the attempts when there are none. */
    String emptyText() {
        return shown.isEmpty() ? empty.getText() : "";
    }

    private Node row(AttemptRecord attempt) {
        Label row = new Label(describe.apply(attempt));
        row.getStyleClass().add("attempt");
        row.setUserData(attempt);
        row.setMaxWidth(Double.MAX_VALUE);
        row.setAccessibleRole(AccessibleRole.LIST_ITEM);
        row.setOnMouseClicked(e -> {
            selected.set(attempt);
            requestFocus();
        });
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
