package dev.redyellow.ui;

import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.cycle.FeatureState;
import dev.redyellow.cycle.Transition;
import dev.redyellow.manifest.Feature;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One feature as the window shows it: its live state, transitions, outcome and whether it waits for review. */
public final class FeatureItem {
    private final Feature feature;
    private final ObjectProperty<FeatureState> state = new SimpleObjectProperty<>(FeatureState.PENDING);
    private final StringProperty reason = new SimpleStringProperty("");
    private final ObservableList<Transition> transitions = FXCollections.observableArrayList();
    private final ObjectProperty<FeatureOutcome> outcome = new SimpleObjectProperty<>();
    private final BooleanProperty awaitingReview = new SimpleBooleanProperty();
    private final IntegerProperty attempt = new SimpleIntegerProperty();
    private final IntegerProperty worker = new SimpleIntegerProperty();

    public FeatureItem(Feature feature) {
        this.feature = feature;
    }

    public Feature feature() {
        return feature;
    }

    public String id() {
        return feature.id();
    }

    public ObjectProperty<FeatureState> stateProperty() {
        return state;
    }

    public FeatureState state() {
        return state.get();
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ObservableList<Transition> transitions() {
        return transitions;
    }

    public ObjectProperty<FeatureOutcome> outcomeProperty() {
        return outcome;
    }

    public BooleanProperty awaitingReviewProperty() {
        return awaitingReview;
    }

    /** The latest attempt seen (0 is the RED proof): the one whose log "Open log" opens. */
    public IntegerProperty attemptProperty() {
        return attempt;
    }

    public IntegerProperty workerProperty() {
        return worker;
    }

    void apply(Transition t) {
        transitions.add(t);
        state.set(t.to());
        reason.set(t.reason());
        if (t.to() != FeatureState.YELLOW) {
            awaitingReview.set(false);
        }
    }

    void finish(FeatureOutcome o) {
        outcome.set(o);
        state.set(o.state());
        reason.set(o.reason());
        awaitingReview.set(false);
    }

    void reset() {
        transitions.clear();
        state.set(FeatureState.PENDING);
        reason.set("");
        outcome.set(null);
        awaitingReview.set(false);
        attempt.set(0);
        worker.set(0);
    }
}
