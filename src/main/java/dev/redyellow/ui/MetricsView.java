package dev.redyellow.ui;

import dev.redyellow.cycle.FeatureOutcome;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import java.util.function.Function;

/** Cache hit rate and time saved, speedup and efficiency against the bound, the worker timeline, attempts per feature. */
public final class MetricsView extends BorderPane {
    private final TimelineChart chart;

    public MetricsView(MetricsViewModel metrics, ProjectViewModel project) {
        getStyleClass().add("metrics-view");
        FlowPane figures = new FlowPane(18, 6,
                figure("cache-hit-rate", "cache hit rate", Bindings.format("%.0f %%", metrics.hitRateProperty().multiply(100))),
                figure("time-saved", "time saved", Bindings.format("%.1f s", metrics.savedSecondsProperty())),
                figure("wall", "wall time", Bindings.format("%.1f s", metrics.wallSecondsProperty())),
                figure("speedup", "speedup (sum / wall)", Bindings.when(metrics.completeProperty())
                        .then(Bindings.format("%.2f×", metrics.speedupProperty())).otherwise("–")),
                figure("efficiency", "efficiency (bound / wall)", Bindings.when(metrics.completeProperty())
                        .then(Bindings.format("%.0f %% of %.1f s bound", metrics.efficiencyProperty().multiply(100),
                                metrics.boundSecondsProperty())).otherwise("–")),
                figure("peak", "peak concurrency", Bindings.when(metrics.completeProperty())
                        .then(metrics.peakConcurrencyProperty().asString()).otherwise("–")));
        VBox cluster = figure("cluster", "cluster members: test runs and seconds", metrics.clusterProperty());
        cluster.visibleProperty().bind(metrics.clusterProperty().isNotEmpty());
        cluster.managedProperty().bind(cluster.visibleProperty());
        figures.getChildren().add(cluster);
        figures.setPadding(new Insets(6, 8, 6, 8));
        setTop(figures);
        chart = new TimelineChart(metrics);
        chart.onPick(project::select);
        project.selectedProperty().addListener((o, was, now) -> chart.highlight(now == null ? null : now.id()));
        setCenter(new VBox(new Label("  Timeline by worker"), chart));
        setRight(attemptsTable(project));
    }

    /** Whether the view is on screen; bind it to its tab's selection so a hidden timeline does not draw. */
    public BooleanProperty showingProperty() {
        return chart.showingProperty();
    }

    /** The timeline (for tests). */
    TimelineChart chart() {
        return chart;
    }

    private static VBox figure(String id, String name, ObservableValue<String> value) {
        Label v = new Label();
        v.setId(id);
        v.textProperty().bind(value);
        v.getStyleClass().add("figure-value");
        Label n = new Label(name);
        n.getStyleClass().add("figure-name");
        return new VBox(0, v, n);
    }

    private static TableView<FeatureItem> attemptsTable(ProjectViewModel project) {
        TableView<FeatureItem> table = new TableView<>(project.items());
        table.setId("attempts-table");
        table.setPrefWidth(380);
        table.setPlaceholder(new Label("no features"));
        // With 300 rows, sorting by state and clicking a row is how a failed feature is found here.
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && project.selectedProperty().get() != now) {
                project.select(now.id());
            }
        });
        TableColumn<FeatureItem, String> id = new TableColumn<>("feature");
        id.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().id()));
        id.setPrefWidth(130);
        TableColumn<FeatureItem, String> state = new TableColumn<>("state");
        state.setCellValueFactory(c -> c.getValue().stateProperty().asString());
        table.getColumns().add(id);
        table.getColumns().add(state);
        table.getColumns().add(number("attempts", FeatureOutcome::attempts));
        table.getColumns().add(number("test runs", FeatureOutcome::testRuns));
        table.getColumns().add(number("cache hits", FeatureOutcome::cacheHits));
        return table;
    }

    private static TableColumn<FeatureItem, String> number(String name, Function<FeatureOutcome, Integer> value) {
        TableColumn<FeatureItem, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> Bindings.createStringBinding(() -> {
            FeatureOutcome o = cell.getValue().outcomeProperty().get();
            return o == null ? "" : String.valueOf(value.apply(o));
        }, cell.getValue().outcomeProperty()));
        c.setPrefWidth(62);
        return c;
    }
}
