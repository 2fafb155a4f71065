package dev.redyellow.ui;

import dev.redyellow.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * Takes the screenshots of docs/ui.md from the real window on a real (X) display: the sample mid-run,
 * the sample done with its metrics, a 300-feature project (groups, find, focus, a run, the filter), a
 * bad manifest's errors, an earlier run
 * opened from the History tab. Not a test.
 *
 * <pre>
 * Xvfb :77 -screen 0 1440x900x24 &amp;
 * DISPLAY=:77 java -cp target/redyellow.jar:target/test-classes dev.redyellow.ui.ScreenshotTour docs/screenshots [--only-300]
 * </pre>
 */
public final class ScreenshotTour {

    private ScreenshotTour() {
    }

    public static void main(String[] args) {
        Application.launch(Tour.class, args);
    }

    /** The touring application. */
    public static final class Tour extends Application {
        private MainWindow window;
        private Path out;

        @Override
        public void start(Stage stage) throws Exception {
            out = Path.of(getParameters().getRaw().get(0)).toAbsolutePath();
            Files.createDirectories(out);
            Path root = Files.createTempDirectory("redyellow-tour-");
            Preferences prefs = Preferences.userRoot().node("dev/redyellow/tour");
            window = new MainWindow(stage, AppEnvironment.under(root, prefs), f -> { });
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1440);
            stage.setHeight(900);
            stage.show();
            window.openSample();
            Path big = BigManifest.write(root.resolve("big/manifest.json"), 300, 20);
            new Thread(() -> tour(big), "tour").start();
        }

        private void tour(Path big) {
            try {
                until(() -> window.project().items().size() == 13);
                if (getParameters().getRaw().contains("--only-300")) {
                    tour300(big);
                    return;
                }
                fx(() -> window.project().select("slugify"));
                fx(window::startRun);
                // Warm test workers finish the sample in seconds: shoot as soon as a few features are done.
                until(() -> window.run().doneProperty().get() >= 4);
                shoot("sample-mid-run.png", 200);
                until(() -> window.run().resultProperty().get() != null);
                fx(() -> window.project().select("levenshtein"));
                fx(() -> ((TabPane) window.graph().getScene().lookup("#tabs")).getSelectionModel().select(1));
                Thread.sleep(800);
                fx(() -> ((javafx.scene.control.Button) window.graph().getScene().lookup("#diff")).fire());
                shoot("sample-done-metrics.png");
                fx(() -> window.project().open(ProjectFiles.samples().resolve("bad/unknown-dependency.json")));
                until(() -> !window.project().errors().isEmpty());
                fx(() -> ((TabPane) window.graph().getScene().lookup("#tabs")).getSelectionModel().select(0));
                shoot("bad-manifest.png");
                fx(() -> window.project().dismissErrors());
                tour300(big);
                // The History tab opens the sample's run back into the graph.
                fx(() -> ((TabPane) window.graph().getScene().lookup("#tabs")).getSelectionModel().select(3));
                until(() -> runs() != null && !runs().getItems().isEmpty()); // the tab joins the window when shown
                fx(() -> runs().getSelectionModel().select(runs().getItems().stream()
                        .filter(r -> r.manifestPath().contains("string-tools")).findFirst().orElseThrow()));
                fx(() -> ((javafx.scene.control.Button) window.graph().getScene().lookup("#history-open")).fire());
                until(() -> window.project().items().size() == 13
                        && window.project().items().stream().allMatch(i -> i.state() == dev.redyellow.cycle.FeatureState.GREEN));
                fx(() -> window.project().select("levenshtein"));
                shoot("history-opened.png");
            } catch (Exception e) {
                e.printStackTrace(System.err);
            } finally {
                Platform.runLater(() -> {
                    window.close();
                    Platform.exit();
                });
            }
        }

        /** The 300-feature project: groups, one expanded, find, focus, the whole graph, a run, the filter, metrics. */
        private void tour300(Path big) throws Exception {
            GraphView graph = window.graph();
            GraphViewModel model = graph.model();
            fx(() -> window.project().open(big));
            until(() -> window.project().items().size() == 300 && model.picture() != null
                    && model.picture().boxes().size() == 12);
            shoot("graph-300.png"); // as it opens: twelve groups, collapsed
            fx(() -> model.toggle("parse"));
            until(() -> !model.picture().box("parse").collapsed());
            shoot("graph-300-group.png");
            fx(() -> {
                graph.openFind();
                model.queryProperty().set("-29");
                graph.findNext(true);
            });
            Thread.sleep(1500);
            shoot("graph-300-find.png");
            fx(graph::closeFind);
            fx(() -> {
                window.project().select(BigManifest.id(250));
                graph.focusSelected();
            });
            until(() -> model.focusProperty().get() != null && model.picture().boxes().isEmpty());
            shoot("graph-300-focus.png");
            fx(() -> {
                model.unfocus();
                model.groupedProperty().set(false);
            });
            until(() -> model.picture().features().size() == 300);
            shoot("graph-300-whole.png"); // wrapped layers, the minimap
            fx(() -> {
                model.groupedProperty().set(true);
                model.collapseAll();
                window.run().workersProperty().set(4);
            });
            fx(window::startRun);
            until(() -> window.run().doneProperty().get() >= 60);
            shoot("graph-300-running.png", 200);
            until(() -> window.run().resultProperty().get() != null);
            shoot("graph-300-done.png"); // each group's summary
            fx(() -> model.groupedProperty().set(false));
            until(() -> model.picture().boxes().isEmpty());
            fx(() -> {
                model.filter().add(dev.redyellow.cycle.FeatureState.FAILED);
                model.filter().add(dev.redyellow.cycle.FeatureState.BLOCKED);
                window.project().select(BigManifest.id(42));
                graph.fit();
            });
            shoot("graph-300-filter.png");
            fx(() -> ((TabPane) graph.getScene().lookup("#tabs")).getSelectionModel().select(1));
            shoot("graph-300-metrics.png");
            fx(() -> ((TabPane) graph.getScene().lookup("#tabs")).getSelectionModel().select(0));
            fx(() -> model.filter().clear());
        }

        @SuppressWarnings("unchecked")
        private javafx.scene.control.ListView<dev.redyellow.store.RunRecord> runs() {
            return (javafx.scene.control.ListView<dev.redyellow.store.RunRecord>) window.graph().getScene().lookup("#history-runs");
        }

        private void shoot(String name) throws Exception {
            shoot(name, 2500);
        }

        private void shoot(String name, long settleMillis) throws Exception {
            // Let the FX thread finish what is queued, then a few pulses render it.
            fx(() -> { });
            Thread.sleep(settleMillis);
            fx(() -> { });
            Thread.sleep(100);
            Process p = new ProcessBuilder("import", "-window", "root", out.resolve(name).toString()).inheritIO().start();
            p.waitFor();
            System.out.println("screenshot " + out.resolve(name));
        }

        private static void fx(Runnable r) throws Exception {
            CompletableFuture<Void> done = new CompletableFuture<>();
            Platform.runLater(() -> {
                r.run();
                done.complete(null);
            });
            done.get();
        }

        private static void until(BooleanSupplier condition) throws InterruptedException {
            long end = System.nanoTime() + 300_000_000_000L;
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("the tour waited five minutes in vain");
                }
                Thread.sleep(100);
            }
        }
    }

    /** 200 features in one folder (so no groups): eight roots, then each depends on one to three of the twenty before it. */
    static Path manifest200(Path file) throws IOException {
        Random random = new Random(8);
        List<String> features = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            List<String> deps = new ArrayList<>();
            int n = i < 8 ? 0 : 1 + random.nextInt(3);
            for (int k = 0; k < n; k++) {
                String dep = String.format("\"f%03d\"", Math.max(0, i - 1 - random.nextInt(20)));
                if (!deps.contains(dep)) {
                    deps.add(dep);
                }
            }
            String id = String.format("f%03d", i);
            features.add("{ \"id\": \"" + id + "\", \"title\": \"Feature " + i + "\", \"dependsOn\": [" + String.join(", ", deps)
                    + "], \"tests\": { \"test_" + id + ".py\": \"import " + id + "\\n\" },"
                    + " \"attempts\": [ { \"files\": { \"" + id + ".py\": \"x = 1\\n\" } } ] }");
        }
        String json = "{ \"version\": 1, \"name\": \"synthetic-200\", \"inferDependencies\": false,"
                + " \"test\": { \"kind\": \"command\", \"command\": [\"python3\", \"-m\", \"unittest\"] },"
                + " \"features\": [\n" + String.join(",\n", features) + "\n] }\n";
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        return file;
    }
}
