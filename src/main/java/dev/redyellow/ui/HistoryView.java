package dev.redyellow.ui;

import dev.redyellow.store.FeatureRecord;
import dev.redyellow.store.RunRecord;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * Earlier runs from the run store, newest first; selecting one shows how each of its features ended,
 * and "Show in graph" (or a double click) opens its manifest with the run's states and transitions.
 */
public final class HistoryView extends BorderPane {
    private final HistoryViewModel model;

    /**
     * @param opener opens a run in the graph and reports, in one line, what it showed or why it could not
     */
    public HistoryView(TaskExecutor tasks, LocalData data, BiConsumer<RunRecord, Consumer<String>> opener) {
        this(HistoryViewModel.of(tasks, data, opener));
    }

    HistoryView(HistoryViewModel model) {
        this.model = model;
        getStyleClass().add("history-view");
        ListView<RunRecord> runs = new ListView<>(model.runs());
        runs.setId("history-runs");
        runs.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(RunRecord r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : HistoryViewModel.line(r));
            }
        });
        model.selectedProperty().bind(runs.getSelectionModel().selectedItemProperty());
        TableView<FeatureRecord> features = new TableView<>(model.features());
        features.setPlaceholder(new Label("Select a run"));
        features.getColumns().add(column("feature", FeatureRecord::id, 140));
        features.getColumns().add(column("state", FeatureRecord::state, 90));
        features.getColumns().add(column("reason", FeatureRecord::reason, 260));
        features.getColumns().add(column("attempts", f -> String.valueOf(f.attempts()), 70));
        features.getColumns().add(column("test runs", f -> String.valueOf(f.testRuns()), 70));
        features.getColumns().add(column("cache hits", f -> String.valueOf(f.cacheHits()), 70));
        features.getColumns().add(column("seconds", f -> String.format("%.1f", f.seconds()), 70));
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> refresh());
        Button open = new Button("Show in graph");
        open.setId("history-open");
        open.disableProperty().bind(model.selectedProperty().isNull());
        open.setOnAction(e -> model.openSelected());
        runs.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                model.openSelected();
            }
        });
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        HBox bar = new HBox(8, refresh, open, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("pane-bar");
        setTop(bar);
        setCenter(new SplitPane(runs, features));
    }

    private static TableColumn<FeatureRecord, String> column(String name, Function<FeatureRecord, String> value, double width) {
        TableColumn<FeatureRecord, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    public void refresh() {
        model.refresh();
    }
}
