package dev.redyellow.ui;

import dev.redyellow.graph.DependencyEdge;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.cycle.FeatureState;
import dev.redyellow.cycle.Transition;
import dev.redyellow.manifest.ManifestError;
import dev.redyellow.manifest.ManifestException;
import dev.redyellow.store.FeatureRecord;
import dev.redyellow.store.RunRecord;
import dev.redyellow.store.TransitionRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open project: the manifest with its graph and layout, one {@link FeatureItem} per feature, the
 * selection, the recent files, and the errors of the last manifest that could not be opened. A bad
 * manifest fills {@link #errors()} and leaves the open project as it was.
 */
public final class ProjectViewModel {
    static final int RECENT_FILES = 8;

    private final TaskExecutor tasks;
    private final ObjectProperty<LoadedProject> project = new SimpleObjectProperty<>();
    private final ObservableList<FeatureItem> items = FXCollections.observableArrayList();
    /** Edges a run of the open project found while running (FX thread). */
    private final ObservableList<DependencyEdge> discovered = FXCollections.observableArrayList();
    private final Map<String, FeatureItem> byId = new LinkedHashMap<>();
    private final ObjectProperty<FeatureItem> selected = new SimpleObjectProperty<>();
    private final ObservableList<String> errors = FXCollections.observableArrayList();
    private final StringProperty errorsTitle = new SimpleStringProperty("");
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    /** Loads asked for so far (FX thread); a finished load that is not the newest is dropped. */
    private long loads;

    /** Finds the edges earlier runs of a manifest discovered; asked off the FX thread, on each load. */
    private final Function<Manifest, List<DependencyEdge>> remembered;

    public ProjectViewModel(TaskExecutor tasks) {
        this(tasks, manifest -> List.of());
    }

    public ProjectViewModel(TaskExecutor tasks, Function<Manifest, List<DependencyEdge>> remembered) {
        this.tasks = tasks;
        this.remembered = remembered;
    }

    /** Opens a manifest file in the background; the window's drop, menu and recent files all come here. */
    public void open(Path file) {
        load(file, () -> LoadedProject.load(file, remembered));
    }

    /** Opens what {@code source} loads (the bundled sample is copied out first). */
    public void load(Path shownAs, Callable<LoadedProject> source) {
        load(shownAs, source, loaded -> { }, () -> { }, () -> { });
    }

    /**
     * Loads in the background. Only the newest load counts: a manifest opened while another still
     * loads (the sample, at start) must not be replaced by that other one when it finishes later.
     */
    private void load(Path shownAs, Callable<LoadedProject> source, Consumer<LoadedProject> then, Runnable refused,
                      Runnable superseded) {
        long mine = ++loads;
        loading.set(true);
        tasks.run("open " + shownAs, source, loaded -> {
            if (mine != loads) {
                superseded.run();
                return;
            }
            loading.set(false);
            show(loaded);
            then.accept(loaded);
        }, failure -> {
            if (mine != loads) {
                superseded.run();
                return;
            }
            loading.set(false);
            refuse(shownAs, failure);
            refused.run();
        });
    }

    /**
     * Opens the manifest of an earlier run and shows the run in the graph: each feature's recorded
     * transitions and end state. {@code report} gets one line saying what was shown, or why not (the
     * manifest is gone or no longer valid: the open project is then unchanged); {@code whenShown}
     * runs once the run is shown.
     */
    public void openRun(RunRecord run, Consumer<String> report, Runnable whenShown) {
        Path file = Path.of(run.manifestPath());
        if (!Files.isRegularFile(file)) {
            report.accept("The manifest of that run is no longer there: " + file);
            return;
        }
        load(file, () -> LoadedProject.load(file, remembered), loaded -> {
            int shown = 0;
            List<String> gone = new ArrayList<>();
            int unreadable = 0;
            for (FeatureRecord feature : run.features()) {
                FeatureItem item = byId.get(feature.id());
                if (item == null) {
                    gone.add(feature.id());
                    continue;
                }
                for (TransitionRecord t : feature.transitions()) {
                    Optional<FeatureState> from = state(t.from());
                    Optional<FeatureState> to = state(t.to());
                    if (from.isEmpty() || to.isEmpty()) {
                        unreadable++;
                        continue;
                    }
                    item.apply(new Transition(feature.id(), from.get(), to.get(), t.at(), t.reason()));
                }
                item.attemptProperty().set(feature.attempts());
                shown++;
            }
            report.accept("Showing the run of " + HistoryViewModel.WHEN.format(run.started()) + ": " + shown + " of " + items.size()
                    + " features, with their transitions (per-test results and diffs only for a run made in this window)"
                    + (unreadable == 0 ? "" : "; " + unreadable + " recorded transitions named states this version does not know")
                    + (gone.isEmpty() ? "" : "; not in the manifest any more: " + String.join(", ", gone)));
            whenShown.run();
        }, () -> report.accept(errorsTitle.get()),
                () -> report.accept("Not shown: another manifest was opened while that run's was loading"));
    }

    private static Optional<FeatureState> state(String name) {
        try {
            return Optional.of(FeatureState.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    void show(LoadedProject loaded) {
        errors.clear();
        errorsTitle.set("");
        byId.clear();
        loaded.manifest().features().forEach(f -> byId.put(f.id(), new FeatureItem(f)));
        selected.set(null);
        discovered.clear();
        items.setAll(byId.values());
        project.set(loaded);
        remember(loaded.manifest().file());
    }

    private void refuse(Path file, Throwable failure) {
        List<String> lines;
        if (failure instanceof ManifestException bad) {
            lines = bad.errors().stream().map(ManifestError::toString).toList();
            errorsTitle.set("Not opened: " + file.getFileName() + " has " + lines.size()
                    + (lines.size() == 1 ? " error" : " errors") + "; the open project is unchanged");
        } else if (failure instanceof UnrunnableManifestException unrunnable) {
            lines = unrunnable.problems();
            errorsTitle.set("Not opened: " + file.getFileName() + " asks for kinds this version cannot run");
        } else {
            lines = List.of(String.valueOf(failure.getMessage()));
            errorsTitle.set("Not opened: " + file.getFileName() + " could not be read");
        }
        errors.setAll(lines);
    }

    private void remember(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        recent.remove(absolute);
        recent.add(0, absolute);
        if (recent.size() > RECENT_FILES) {
            recent.remove(RECENT_FILES, recent.size());
        }
    }

    public void dismissErrors() {
        errors.clear();
        errorsTitle.set("");
    }

    /** Every feature back to PENDING, before a run. */
    public void resetStates() {
        items.forEach(FeatureItem::reset);
    }

    public Optional<FeatureItem> item(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public void select(String id) {
        selected.set(byId.get(id));
    }

    /** The edges found while running since the project was opened, in the order found. */
    public ObservableList<DependencyEdge> discoveredEdges() {
        return discovered;
    }

    /**
     * Lays the graph out again with the edges found while running, in the background (called when a
     * run has ended); the features keep their states, and the found edges join the graph.
     */
    void relayout() {
        LoadedProject shown = project.get();
        List<DependencyEdge> found = List.copyOf(discovered);
        if (shown == null || found.isEmpty()) {
            return;
        }
        tasks.run("lay out " + shown.manifest().name(), () -> shown.with(found), laid -> {
            if (project.get() == shown) {
                discovered.removeAll(found);
                project.set(laid);
            }
        }, e -> { });
    }

    /** A run found that a feature needs another's code (FX thread); an edge already known is ignored. */
    void edgeDiscovered(DependencyEdge edge) {
        LoadedProject loaded = project.get();
        boolean known = loaded != null && loaded.graph().ids().contains(edge.dependent())
                && loaded.graph().ids().contains(edge.dependency())
                && loaded.graph().edge(edge.dependency(), edge.dependent()).isPresent();
        boolean seen = discovered.stream().anyMatch(e -> e.dependency().equals(edge.dependency())
                && e.dependent().equals(edge.dependent()));
        if (!known && !seen) {
            discovered.add(edge);
        }
    }

    /** Where background work of the window's views runs (the graph's layouts). */
    TaskExecutor tasks() {
        return tasks;
    }

    public ObjectProperty<LoadedProject> projectProperty() {
        return project;
    }

    public LoadedProject project() {
        return project.get();
    }

    public ObservableList<FeatureItem> items() {
        return items;
    }

    public ObjectProperty<FeatureItem> selectedProperty() {
        return selected;
    }

    public ObservableList<String> errors() {
        return errors;
    }

    public StringProperty errorsTitleProperty() {
        return errorsTitle;
    }

    public ObservableList<Path> recent() {
        return recent;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }
}
