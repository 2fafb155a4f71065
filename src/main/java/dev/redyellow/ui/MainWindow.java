package dev.redyellow.ui;

import dev.redyellow.run.BundledSample;
import dev.redyellow.run.DiscoveryMemory;
import dev.redyellow.run.ManifestCommands;
import dev.redyellow.store.RunRecord;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * Puts the window together: menu and toolbar, the graph with the details beside it, the output,
 * metrics, cache and history tabs below, the status bar; keyboard shortcuts, drag and drop, and the
 * remembered size and split positions. The views and view models do the rest.
 */
public final class MainWindow {
    private final Stage stage;
    private final AppEnvironment env;
    private final BackgroundTasks tasks = new BackgroundTasks();
    private final LocalData data;
    private final TrustStore trust;
    private final ProjectViewModel project;
    private final StreamViewModel stream = new StreamViewModel();
    private final MetricsViewModel metrics = new MetricsViewModel();
    private final RunViewModel run;
    private final CacheViewModel cache;
    private final GraphView graph;
    private final HistoryView history;
    private Tab cacheTab;
    private Tab historyTab;
    private final WindowPreferences prefs;
    private final List<SplitPane> splits;
    private boolean closed;

    public MainWindow(Stage stage, AppEnvironment env, Consumer<Path> opener) {
        this.stage = stage;
        this.env = env;
        this.data = new LocalData(env.database());
        this.project = new ProjectViewModel(tasks, manifest -> data.discoveries()
                .map(store -> DiscoveryMemory.stored(store, manifest.name(), Clock.systemUTC()).edges())
                .orElse(List.of()));
        this.trust = new TrustStore(env.trustFile());
        this.run = new RunViewModel(tasks, data, env.runsRoot(), project, stream, metrics, System::nanoTime);
        this.cache = new CacheViewModel(tasks, data, java.util.Optional.of(env.preferences().node("cache")));
        this.graph = new GraphView(project);
        this.history = new HistoryView(tasks, data, this::openRun);
        this.prefs = new WindowPreferences(env.preferences());

        SplitPane top = new SplitPane(new VBox(new ErrorsPanel(project), graph),
                new DetailsView(project, run, tasks));
        VBox.setVgrow(graph, Priority.ALWAYS);
        top.setDividerPositions(0.72);
        TabPane tabs = tabs(opener);
        SplitPane main = new SplitPane(top, tabs);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.62);
        splits = List.of(main, top);
        BorderPane root = new BorderPane(main);
        root.setTop(new VBox(menus(), new RunToolbar(run, project, this::chooseFile, project::open, this::startRun)));
        StatusBar status = new StatusBar(run, metrics, project);
        root.setBottom(status);
        Scene scene = new Scene(root);
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> status.guardInput());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> status.guardInput());
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource("redyellow.css")).toExternalForm());
        graph.installKeys(scene);
        shortcuts(scene);
        dragAndDrop(scene);
        stage.setScene(scene);
        stage.setTitle("RedYellow");
        stage.getIcons().add(new Image(Objects.requireNonNull(getClass().getResourceAsStream("icon-256.png"))));
        project.projectProperty().addListener((o, was, p) -> stage.setTitle("RedYellow — " + p.manifest().name()));
        project.recent().setAll(prefs.recentFiles());
        project.recent().addListener((ListChangeListener<Path>) c -> prefs.saveRecentFiles(List.copyOf(project.recent())));
        // A hidden tab refreshes when it is selected; refreshing it unseen at the end of a run only
        // costs the window a frame.
        run.resultProperty().addListener((o, was, r) -> {
            if (r != null && cacheTab.isSelected()) {
                cache.refresh();
            }
            if (r != null && historyTab.isSelected()) {
                history.refresh();
            }
        });
        prefs.restore(stage, splits);
        stage.setOnHiding(e -> close());
        run.bridge().start();
    }

    private TabPane tabs(Consumer<Path> opener) {
        Tab output = shownOnlyWhenSelected(new Tab("Output"), new StreamView(stream, project, run, opener));
        MetricsView metricsView = new MetricsView(metrics, project);
        Tab metricsTab = shownOnlyWhenSelected(new Tab("Metrics"), metricsView);
        metricsTab.setId("metrics-tab");
        metricsView.showingProperty().bind(metricsTab.selectedProperty());
        cacheTab = shownOnlyWhenSelected(new Tab("Cache"), new CacheView(cache));
        cacheTab.setId("cache-tab");
        cacheTab.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                cache.refresh();
            }
        });
        historyTab = shownOnlyWhenSelected(new Tab("History"), history);
        historyTab.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                history.refresh();
            }
        });
        TabPane tabs = new TabPane(output, metricsTab, cacheTab, historyTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("tabs");
        return tabs;
    }

    /**
     * Puts the content in the scene only while its tab is selected. A TabPane keeps the other tabs'
     * content in the scene, invisible; when a frame's only changes are in invisible nodes, JavaFX
     * finds no dirty region to paint and repaints the whole window instead (seen with a patched
     * NGNode under the stall benchmark: 65-110 ms a frame on the software renderer). Out of the
     * scene, a hidden view's changes cost nothing until it is shown.
     */
    private static Tab shownOnlyWhenSelected(Tab tab, Node content) {
        tab.setContent(tab.isSelected() ? content : null);
        tab.selectedProperty().addListener((o, was, now) -> tab.setContent(now ? content : null));
        return tab;
    }

    /** Shows an earlier run in the graph (not while a run is going: its states would mix). */
    private void openRun(RunRecord record, Consumer<String> report) {
        if (run.running()) {
            report.accept("A run is going; stop it or let it end first");
            return;
        }
        project.openRun(record, report, () -> run.showRecorded(record.id()));
    }

    private MenuBar menus() {
        MenuItem open = item("Open…", "Shortcut+O", this::chooseFile);
        MenuItem sample = item("Open the sample project", null, this::openSample);
        Menu recent = new Menu("Open recent");
        RunToolbar.fillRecent(recent.getItems(), project);
        project.recent().addListener((ListChangeListener<Path>) c -> RunToolbar.fillRecent(recent.getItems(), project));
        MenuItem quit = item("Quit", "Shortcut+Q", stage::close);
        Menu file = new Menu("File", null, open, recent, sample, quit);
        Menu runMenu = new Menu("Run", null, item("Run", "F5", this::startRun), item("Stop", "Esc", run::stop));
        Menu view = new Menu("View", null, item("Zoom in", "Shortcut+EQUALS", () -> graph.zoomBy(1.25)),
                item("Zoom out", "Shortcut+MINUS", () -> graph.zoomBy(0.8)), item("Fit to window", "Shortcut+0", graph::fit),
                item("Find… (Ctrl+F)", null, graph::openFind), item("Find next (F3)", null, () -> graph.findNext(true)),
                item("Find previous (Shift+F3)", null, () -> graph.findNext(false)),
                item("Focus on the selected feature (F)", null, graph::focusSelected));
        return new MenuBar(file, runMenu, view);
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    /** The second keys of the main actions (the menus carry the first ones). */
    private void shortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), this::startRun);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.PERIOD, KeyCombination.SHORTCUT_DOWN), run::stop);
    }

    private void dragAndDrop(Scene scene) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream().anyMatch(MainWindow::isManifest)) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean opened = e.getDragboard().hasFiles() && openDropped(e.getDragboard().getFiles());
            e.setDropCompleted(opened);
            e.consume();
        });
    }

    /** What a drop does: opens the first manifest among the files; false when there is none. */
    public boolean openDropped(List<File> files) {
        Optional<File> manifest = files.stream().filter(MainWindow::isManifest).findFirst();
        manifest.ifPresent(f -> project.open(f.toPath()));
        return manifest.isPresent();
    }

    static boolean isManifest(File f) {
        String name = f.getName().toLowerCase(Locale.ROOT);
        return f.isFile() && (name.endsWith(".json") || name.endsWith(".redyellow"));
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a feature manifest");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Feature manifests", "*.json", "*.redyellow"));
        project.recent().stream().findFirst().map(p -> p.getParent().toFile()).filter(File::isDirectory)
                .ifPresent(chooser::setInitialDirectory);
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            project.open(chosen.toPath());
        }
    }

    /** Opens the sample that ships with the app, copied out to the samples folder first. */
    public void openSample() {
        Path shown = env.samplesRoot().resolve(BundledSample.STRING_TOOLS).resolve("manifest.json");
        project.load(shown, () -> LoadedProject.load(BundledSample.extract(BundledSample.STRING_TOOLS, env.samplesRoot()),
                manifest -> List.of()));
    }

    /** Runs the open project, asking first whether to trust the commands of a manifest not seen before. */
    public void startRun() {
        LoadedProject loaded = project.project();
        if (loaded == null || run.running() || project.loadingProperty().get()) {
            return;
        }
        List<ManifestCommands.Command> commands = ManifestCommands.of(loaded.manifest());
        if (!commands.isEmpty() && !trust.isTrusted(loaded.manifest().contentHash())) {
            Alert ask = TrustDialog.of(stage, loaded.manifest(), commands);
            if (ask.showAndWait().filter(b -> b == TrustDialog.TRUST).isEmpty()) {
                run.messageProperty().set("not run: the manifest's commands were not trusted");
                return;
            }
            trust.trust(loaded.manifest().contentHash());
        }
        run.start();
    }

    /** Stops a run, saves the window's layout and closes the data file. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        run.stop();
        run.bridge().stop();
        prefs.save(stage, splits);
        tasks.close();
        data.close();
    }

    public ProjectViewModel project() {
        return project;
    }

    public RunViewModel run() {
        return run;
    }

    public StreamViewModel stream() {
        return stream;
    }

    public MetricsViewModel metrics() {
        return metrics;
    }

    public CacheViewModel cache() {
        return cache;
    }

    public GraphView graph() {
        return graph;
    }

    public TrustStore trust() {
        return trust;
    }
}
