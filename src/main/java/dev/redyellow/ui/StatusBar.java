package dev.redyellow.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/** Run state, elapsed time, features done / total, cache hit rate, and the open manifest. */
final class StatusBar extends HBox {
    /** The bar's background (as in redyellow.css), which its repaint guard wears. */
    static final Color BACKGROUND = Color.web("#ececec");
    private final RepaintGuard guard;

    StatusBar(RunViewModel run, MetricsViewModel metrics, ProjectViewModel project) {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(16);
        Label state = label("status-state");
        state.textProperty().bind(Bindings.createStringBinding(() -> project.loadingProperty().get() ? "loading..."
                : run.phaseProperty().get() + (run.messageProperty().get().isEmpty() ? "" : ": " + run.messageProperty().get()),
                run.phaseProperty(), run.messageProperty(), project.loadingProperty()));
        Label elapsed = label("status-elapsed");
        elapsed.textProperty().bind(Bindings.format("%.1f s", run.elapsedProperty()));
        Label done = label("status-done");
        done.textProperty().bind(Bindings.format("%d / %d features done", run.doneProperty(), run.totalProperty()));
        Label cache = label("status-cache");
        cache.textProperty().bind(Bindings.format("cache %.0f %%", metrics.hitRateProperty().multiply(100)));
        Label manifest = label("status-manifest");
        manifest.textProperty().bind(Bindings.createStringBinding(() -> {
            LoadedProject p = project.project();
            return p == null ? "" : p.manifest().name() + ": " + p.manifest().features().size() + " features, "
                    + p.graph().levels().size() + " levels  ·  " + p.manifest().file();
        }, project.projectProperty()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        guard = new RepaintGuard(BACKGROUND);
        guard.activeProperty().bind(Bindings.createBooleanBinding(run::running, run.phaseProperty()));
        getChildren().addAll(state, elapsed, done, cache, gap, manifest, guard);
    }

    private static Label label(String id) {
        Label l = new Label();
        l.setId(id);
        return l;
    }

    /** Guards the frames after a person's input (see {@link RepaintGuard#kick()}). */
    void guardInput() {
        guard.kick();
    }
}
