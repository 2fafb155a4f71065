package dev.redyellow.ui;

import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ManifestLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Measures how soon the real window is interactive on a project at real size: it writes a generated
 * manifest of {@code N} features (300 by default, {@link BigManifest}), opens it {@code RUNS} times (5
 * by default) in the window, and for each prints how long reading the manifest took, and the time
 * from the manifest read (on the loading thread) to the first frame rendered after the graph was
 * drawn: graph, layout and picture off the FX thread, then the drawing and one frame on it. Then it
 * measures the same for the whole graph ungrouped, every group expanded, and a focus. Not a test: it
 * prints figures and exits.
 *
 * <p>{@code java -cp target/redyellow.jar dev.redyellow.ui.WindowBench [N [RUNS]]} (needs a display, e.g. Xvfb).
 */
public final class WindowBench {

    private WindowBench() {
    }

    public static void main(String[] args) {
        Application.launch(Bench.class, args); // the main class must not extend Application
    }

    /** The measuring application. */
    public static final class Bench extends Application {
        private MainWindow window;
        private final List<Runnable> steps = new ArrayList<>();
        private long readAt;
        private long drawnAt;
        private long startedAt;
        private boolean waiting;
        private boolean framed;
        private String what;
        private final List<String> lines = new ArrayList<>();
        private Preferences prefs;

        @Override
        public void start(Stage stage) throws Exception {
            List<String> args = getParameters().getRaw();
            int n = args.isEmpty() ? 300 : Integer.parseInt(args.get(0));
            int runs = args.size() < 2 ? 5 : Integer.parseInt(args.get(1));
            Path root = Files.createTempDirectory("redyellow-windowbench-");
            prefs = Preferences.userRoot().node("dev/redyellow/windowbench");
            window = new MainWindow(stage, AppEnvironment.under(root, prefs), file -> { });
            stage.setWidth(1440);
            stage.setHeight(900);
            stage.show();
            Path file = BigManifest.write(root.resolve("big/manifest.json"), n, 20);
            GraphView graph = window.graph();
            graph.model().pictureProperty().addListener((o, was, now) -> {
                if (waiting && now != null) {
                    drawnAt = System.nanoTime(); // GraphView drew it in its own listener, registered first
                }
            });
            for (int i = 1; i <= runs; i++) {
                int run = i;
                steps.add(() -> {
                    what = "open " + n + " features, run " + run;
                    readAt = 0;
                    startedAt = System.nanoTime();
                    waiting = true;
                    drawnAt = 0;
                    window.project().load(file, () -> {
                        Manifest manifest = ManifestLoader.load(file);
                        readAt = System.nanoTime();
                        return LoadedProject.of(manifest);
                    });
                });
            }
            steps.add(() -> measure("the whole graph, ungrouped", () -> graph.model().groupedProperty().set(false)));
            steps.add(() -> measure("groups on, every group expanded", () -> {
                graph.model().groupedProperty().set(true);
                graph.model().expandAll();
            }));
            steps.add(() -> measure("focus on the last feature", () -> graph.model().focus(BigManifest.id(n - 1))));
            steps.add(() -> measure("back to the whole graph", graph.model()::unfocus));
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    // The first pulse after the drawing lays it out and renders it; the next one
                    // starts once that frame is done.
                    if (waiting && drawnAt != 0 && !framed) {
                        framed = true;
                    } else if (waiting && drawnAt != 0) {
                        waiting = false;
                        framed = false;
                        long ready = System.nanoTime();
                        long from = readAt != 0 ? readAt : startedAt;
                        lines.add(String.format(Locale.ROOT, "%-34s %s ready %.0f ms after %s (drawing %.0f ms of it)",
                                what + ":", readAt != 0 ? String.format(Locale.ROOT, "read %.0f ms,", (readAt - startedAt) / 1e6) : "",
                                (ready - from) / 1e6, readAt != 0 ? "the manifest was read" : "the click",
                                (ready - drawnAt) / 1e6));
                        Platform.runLater(Bench.this::next);
                    }
                }
            }.start();
            Platform.runLater(this::next);
        }

        private void measure(String name, Runnable action) {
            what = name;
            readAt = 0;
            drawnAt = 0;
            waiting = true;
            startedAt = System.nanoTime();
            action.run();
        }

        private void next() {
            if (!steps.isEmpty()) {
                steps.remove(0).run();
                return;
            }
            lines.forEach(l -> System.out.println("WindowBench: " + l));
            System.out.println("  reproduce: java -cp target/redyellow.jar dev.redyellow.ui.WindowBench " + getParameters().getRaw());
            window.close();
            try {
                prefs.removeNode();
            } catch (BackingStoreException e) {
                System.err.println("windowbench: could not remove its preferences node: " + e.getMessage());
            }
            Platform.exit();
        }
    }
}
