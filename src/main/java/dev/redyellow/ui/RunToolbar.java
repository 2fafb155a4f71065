package dev.redyellow.ui;

import java.nio.file.Path;
import java.util.function.Consumer;
import dev.redyellow.manifest.Manifest;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * Open, recent files, Run, Stop, the number of workers and the cache switch. A row of controls, not a
 * {@code ToolBar}: its skin re-sorts its items into the overflow menu at every layout, restyling them
 * during layout, and Run and Stop change at every run's start and end.
 */
final class RunToolbar extends HBox {

    RunToolbar(RunViewModel run, ProjectViewModel project, Runnable choose, Consumer<Path> open, Runnable start) {
        Button openButton = button("Open…", "open", "Open a manifest (Ctrl+O); or drop one on the window", choose);
        MenuButton recent = new MenuButton("Recent");
        recent.setId("recent");
        fillRecent(recent.getItems(), project);
        project.recent().addListener((ListChangeListener<Path>) c -> fillRecent(recent.getItems(), project));
        Button runButton = button("▶ Run", "run", "Run every feature (F5, Ctrl+R)", start);
        runButton.getStyleClass().add("run-button");
        runButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> project.project() == null || run.running() || project.loadingProperty().get(),
                project.projectProperty(), run.phaseProperty(), project.loadingProperty()));
        Button stopButton = button("■ Stop", "stop", "Stop the run (Esc, Ctrl+.)", run::stop);
        stopButton.disableProperty().bind(run.phaseProperty().isNotEqualTo(RunViewModel.Phase.RUNNING));
        Spinner<Integer> workers = new Spinner<>(Manifest.MIN_WORKERS, Manifest.MAX_WORKERS, 1);
        workers.setId("workers");
        workers.setPrefWidth(72);
        workers.getValueFactory().valueProperty().addListener((o, was, now) -> run.workersProperty().set(now));
        run.workersProperty().addListener((o, was, now) -> workers.getValueFactory().setValue(now.intValue()));
        workers.disableProperty().bind(Bindings.createBooleanBinding(run::running, run.phaseProperty()));
        CheckBox cache = new CheckBox("Test cache");
        cache.setId("cache-on");
        cache.selectedProperty().bindBidirectional(run.cacheOnProperty());
        cache.disableProperty().bind(workers.disableProperty());
        Label workersLabel = new Label("Workers");
        Spinner<Integer> store = new Spinner<>(0, 4096, run.storeBudgetMbProperty().get(), 16);
        store.setId("store-budget");
        store.setPrefWidth(84);
        store.setEditable(true);
        store.setTooltip(new Tooltip("The most MiB of attempt files kept in memory during a run; beyond it the "
                + "least recently used are kept in the run folder"));
        store.getValueFactory().valueProperty().addListener((o, was, now) -> run.storeBudgetMbProperty().set(now));
        store.disableProperty().bind(workers.disableProperty());
        Label storeLabel = new Label("Code store MiB");
        TextField cluster = new TextField();
        cluster.setId("cluster");
        cluster.setPromptText("Cluster: HOST:PORT,…");
        cluster.setPrefColumnCount(14);
        cluster.setTooltip(new Tooltip("Worker members (redyellow worker) the tests run on, as run --cluster; empty: this "
                + "machine. The secret comes from $REDYELLOW_CLUSTER_SECRET; without it, loopback addresses only"));
        cluster.textProperty().bindBidirectional(run.clusterProperty());
        cluster.disableProperty().bind(workers.disableProperty());
        getChildren().addAll(openButton, recent, runButton, stopButton, workersLabel, workers, cache, storeLabel, store,
                cluster);
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);
        getStyleClass().add("run-toolbar");
        workersLabel.setAlignment(Pos.CENTER);
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    static void fillRecent(ObservableList<MenuItem> items, ProjectViewModel project) {
        items.setAll(project.recent().stream().map(p -> {
            MenuItem item = new MenuItem(p.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> project.open(p));
            return item;
        }).toList());
        if (items.isEmpty()) {
            MenuItem none = new MenuItem("no recent files");
            none.setDisable(true);
            items.add(none);
        }
    }
}
