package dev.redyellow.ui;

import dev.redyellow.graph.FeatureGraph;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ManifestException;
import dev.redyellow.manifest.ManifestLoader;
import dev.redyellow.run.BundledSample;
import java.nio.file.Path;
import java.util.Objects;
import javafx.application.Application;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The desktop window. For now it opens the bundled sample and draws its feature graph; the full
 * UI (run, stop, streaming, metrics) builds on this.
 */
public final class RedYellowApp extends Application {
    private static final System.Logger LOG = System.getLogger(RedYellowApp.class.getName());

    private final BorderPane root = new BorderPane();
    private final Label status = new Label("Loading the sample project...");

    @Override
    public void start(Stage stage) {
        createWindow(stage);
        loadInBackground(() -> ManifestLoader.load(BundledSample.extract(BundledSample.STRING_TOOLS, BundledSample.defaultRoot())));
    }

    void createWindow(Stage stage) {
        status.getStyleClass().add("status-bar");
        status.setMaxWidth(Double.MAX_VALUE);
        root.setBottom(status);
        Scene scene = new Scene(root, 1100, 720);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource("/dev/redyellow/ui/redyellow.css")).toExternalForm());
        stage.setTitle("RedYellow");
        stage.getIcons().add(new Image(Objects.requireNonNull(getClass().getResourceAsStream("/dev/redyellow/ui/icon-256.png"))));
        stage.setScene(scene);
        stage.show();
    }

    /** Something that produces a manifest, off the FX thread. */
    @FunctionalInterface
    interface ManifestSource {
        Manifest load() throws Exception;
    }

    void loadInBackground(ManifestSource source) {
        Task<Manifest> task = new Task<>() {
            @Override
            protected Manifest call() throws Exception {
                return source.load();
            }
        };
        task.setOnSucceeded(e -> show(task.getValue()));
        task.setOnFailed(e -> {
            Throwable t = task.getException();
            LOG.log(System.Logger.Level.ERROR, "could not open the project", t);
            status.setText(t instanceof ManifestException me ? "Bad manifest:\n" + me.getMessage()
                    : "Could not open the project: " + t.getMessage());
        });
        Thread loader = new Thread(task, "redyellow-load");
        loader.setDaemon(true);
        loader.start();
    }

    private void show(Manifest manifest) {
        FeatureGraph graph = FeatureGraph.of(manifest);
        root.setCenter(new ScrollPane(new GraphPane(manifest, graph)));
        status.setText(manifest.name() + ": " + manifest.features().size() + " features, " + graph.levels().size()
                + " levels  -  " + Path.of(manifest.file().toString()));
    }
}
