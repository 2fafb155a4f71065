package dev.redyellow.ui;

import dev.redyellow.store.FeatureRecord;
import dev.redyellow.store.RunRecord;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The History tab without a window: earlier runs read from the run store on a background task, newest
 * first, the selected run's features, a status line, and opening a run in the graph.
 */
final class HistoryViewModel {
    static final int RUNS = 50;
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final TaskExecutor tasks;
    private final Callable<Optional<List<RunRecord>>> source;
    private final String where;
    private final BiConsumer<RunRecord, Consumer<String>> opener;
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    private final ObservableList<FeatureRecord> features = FXCollections.observableArrayList();
    private final ObjectProperty<RunRecord> selected = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");

    /**
     * @param source the newest runs, empty when there is no usable history file
     * @param where  the history file, as said when it holds no run
     * @param opener opens a run in the graph and reports, in one line, what it showed or why it could not
     */
    HistoryViewModel(TaskExecutor tasks, Callable<Optional<List<RunRecord>>> source, String where,
                     BiConsumer<RunRecord, Consumer<String>> opener) {
        this.tasks = tasks;
        this.source = source;
        this.where = where;
        this.opener = opener;
        selected.addListener((o, was, r) -> features.setAll(r == null ? List.of() : r.features()));
    }

    /** The model of the app's history: the newest {@link #RUNS} runs of its local file. */
    static HistoryViewModel of(TaskExecutor tasks, LocalData data, BiConsumer<RunRecord, Consumer<String>> opener) {
        return new HistoryViewModel(tasks, () -> data.runs().map(store -> store.recent(RUNS)), data.file().toString(),
                opener);
    }

    ObservableList<RunRecord> runs() {
        return runs;
    }

    /** The selected run's features, as recorded. */
    ObservableList<FeatureRecord> features() {
        return features;
    }

    ObjectProperty<RunRecord> selectedProperty() {
        return selected;
    }

    StringProperty statusProperty() {
        return status;
    }

    /** Reads the runs again, off the FX thread; the status says how many, or why none. */
    void refresh() {
        tasks.run("read the run history", () -> source.call().orElse(List.of()), list -> {
            runs.setAll(list);
            status.set(list.isEmpty() ? "no runs recorded in " + where : list.size() + " recent runs");
        }, e -> status.set("The history could not be read: " + e.getMessage()));
    }

    /** Opens the selected run in the graph; false when none is selected. */
    boolean openSelected() {
        RunRecord r = selected.get();
        if (r == null) {
            return false;
        }
        opener.accept(r, status::set);
        return true;
    }

    /** A run's line in the list. */
    static String line(RunRecord r) {
        return WHEN.format(r.started()) + "  " + r.name() + "  " + (r.allGreen() ? "all GREEN" : "not all GREEN")
                + String.format(Locale.ROOT, "  %.1f s, %.2f×, %d workers", r.wallSeconds(), r.speedup(), r.workers());
    }
}
