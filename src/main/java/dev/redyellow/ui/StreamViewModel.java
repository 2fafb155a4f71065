package dev.redyellow.ui;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The streaming pane's lines: at most {@link #RETAINED} kept (the full output is in the log files),
 * shown for one feature or for all, and whether the view follows the tail.
 */
public final class StreamViewModel {
    public static final int RETAINED = 5_000;

    private final ObservableList<StreamLine> all = FXCollections.observableArrayList();
    private final FilteredList<StreamLine> shown = new FilteredList<>(all);
    private final ObjectProperty<String> feature = new SimpleObjectProperty<>();
    private final BooleanProperty followTail = new SimpleBooleanProperty(true);
    private final LongProperty dropped = new SimpleLongProperty();

    public StreamViewModel() {
        feature.addListener((o, was, id) -> shown.setPredicate(id == null ? null : line -> line.featureId().equals(id)));
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

    public BooleanProperty followTailProperty() {
        return followTail;
    }

    /** Lines that never reached the pane because the output outran the frames (they are in the log). */
    public LongProperty droppedProperty() {
        return dropped;
    }
}
