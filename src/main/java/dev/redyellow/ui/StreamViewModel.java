package dev.redyellow.ui;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The streaming pane's lines: at most {@link #RETAINED} kept (the full output is in the log files),
 * shown for one feature or for all, and whether the view follows the tail. Following, the pane shows
 * {@link #tail()}: just the newest lines that fit, which change in place as output comes, where a
 * list of thousands scrolled on every update (and a scroll cost a repaint of the whole window on a
 * software renderer, seen with JavaFX's pulse logger).
 */
public final class StreamViewModel {
    public static final int RETAINED = 5_000;

    private final ObservableList<StreamLine> all = FXCollections.observableArrayList();
    private final FilteredList<StreamLine> shown = new FilteredList<>(all);
    private final ObjectProperty<String> feature = new SimpleObjectProperty<>();
    private final BooleanProperty followTail = new SimpleBooleanProperty(true);
    private final LongProperty dropped = new SimpleLongProperty();
    private final ObservableList<StreamLine> tail = FXCollections.observableArrayList();
    private final IntegerProperty tailRows = new SimpleIntegerProperty(40);

    public StreamViewModel() {
        feature.addListener((o, was, id) -> shown.setPredicate(id == null ? null : line -> line.featureId().equals(id)));
        shown.addListener((ListChangeListener<StreamLine>) c -> updateTail());
        tailRows.addListener(o -> updateTail());
    }

    private void updateTail() {
        int rows = Math.max(1, tailRows.get());
        List<StreamLine> newest = shown.subList(Math.max(0, shown.size() - rows), shown.size());
        if (!tail.equals(newest)) {
            tail.setAll(List.copyOf(newest));
        }
    }

    /** Adds a frame's lines in one change, dropping the oldest beyond the limit. */
    void append(List<StreamLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        if (lines.size() >= RETAINED) {
            all.setAll(lines.subList(lines.size() - RETAINED, lines.size()));
            return;
        }
        int overflow = all.size() + lines.size() - RETAINED;
        if (overflow > 0) {
            all.remove(0, overflow);
        }
        all.addAll(lines);
    }

    void clear() {
        all.clear();
        dropped.set(0);
    }

    /** All retained lines, whatever the filter. */
    public ObservableList<StreamLine> retained() {
        return all;
    }

    /** The lines of the chosen feature, or all of them. */
    public ObservableList<StreamLine> shown() {
        return shown;
    }

    /** The feature whose lines are shown, or {@code null} for all. */
    public ObjectProperty<String> featureProperty() {
        return feature;
    }

    /** The newest lines of {@link #shown()}, as many as {@link #tailRowsProperty()}: what a pane following the tail shows. */
    public ObservableList<StreamLine> tail() {
        return tail;
    }

    /** How many lines fit in the pane (the view sets it from its height). */
    public IntegerProperty tailRowsProperty() {
        return tailRows;
    }

    public BooleanProperty followTailProperty() {
        return followTail;
    }

    /** Lines that never reached the pane because the output outran the frames (they are in the log). */
    public LongProperty droppedProperty() {
        return dropped;
    }
}
