package dev.redyellow.ui.bench;

import dev.redyellow.ui.AppEnvironment;
import dev.redyellow.ui.MainWindow;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Measures whether the window stalls under a flood of output: it shows the real window, runs one
 * feature whose python3 test prints {@code MB} megabytes (50 by default) of lines, and records the gaps
 * between JavaFX pulses (an {@link AnimationTimer} forces a pulse every frame) from Run to the end.
 * The target is no gap over 50 ms; the goal 16 ms. It runs the feature {@code RUNS} times (3 by
 * default, the test cache off), and reports each run apart: the first run after the window opens
 * also pays for the code the JVM compiles and the controls it builds the first time. Not a test: it
 * prints figures and exits.
 *
 * <p>{@code java -cp target/redyellow.jar dev.redyellow.ui.bench.StallBench [MB [RUNS]]} (needs a display, e.g. Xvfb).
 */
public final class StallBench {

    private StallBench() {
    }

    public static void main(String[] args) {
        // The main class must not extend Application, so that JavaFX runs from the class path.
        Application.launch(Bench.class, args);
    }

    /** The measuring application. */
    public static final class Bench extends Application {
        private static final long SETTLING_NANOS = 2_000_000_000L;
        private final List<Long> settlingGaps = new ArrayList<>();
        private final List<Long> idleGaps = new ArrayList<>();
        private final List<Long> gaps = new ArrayList<>();
        private boolean idle;
        private long loadedNanos;
        private long last;
        private boolean measuring;
        private long startNanos;
        private int run;
        private Machine gcAtStart;

        @Override
        public void start(Stage stage) throws Exception {
            List<String> args = getParameters().getRaw();
            int mb = args.isEmpty() ? 50 : Integer.parseInt(args.get(0));
            int runs = args.size() < 2 ? 3 : Integer.parseInt(args.get(1));
            Path root = Files.createTempDirectory("redyellow-stallbench-");
            Preferences prefs = Preferences.userRoot().node("dev/redyellow/stallbench");
            MainWindow window = new MainWindow(stage, AppEnvironment.under(root, prefs), file -> { });
            stage.show();
            new AnimationTimer() {
                @Override
                public void handle(long pulse) {
                    long now = System.nanoTime();
                    if (measuring) {
                        gaps.add(now - last);
                    } else if (idle) {
                        (now - loadedNanos < SETTLING_NANOS ? settlingGaps : idleGaps).add(now - last);
                    }
                    last = now;
                }
            }.start();
            window.project().projectProperty().addListener((o, was, loaded) -> {
                window.trust().trust(loaded.manifest().contentHash());
                window.project().select("flood");
                window.run().cacheOnProperty().set(false); // every run really prints its output
                // First the window left alone for five seconds: in the first two it lays out and paints the
                // project it just loaded; the last three are the machine's own frame cadence, for comparison.
                idle = true;
                loadedNanos = System.nanoTime();
                afterPause(5, () -> {
                    idle = false;
                    System.out.printf("StallBench: the first 2 s after the project loaded (its first layout and paint): %s%n",
                            figures(settlingGaps));
                    System.out.printf("StallBench: then the window idle for 3 s: %s%n", figures(idleGaps));
                    startMeasuredRun(window);
                });
            });
            window.run().resultProperty().addListener((o, was, result) -> {
                if (result == null) {
                    return;
                }
                measuring = false;
                Machine ran = Machine.now().minus(gcAtStart);
                report(mb, (System.nanoTime() - startNanos) / 1e9, result.outcomes().get(0).state().name(),
                        window.run().bridge().takeLongestDrainNanos() / 1e6, window.stream().droppedProperty().get(),
                        window.stream().retained().size(), ran);
                if (run < runs) {
                    afterPause(3, () -> startMeasuredRun(window));
                    return;
                }
                System.out.println("  reproduce: java -cp target/redyellow.jar dev.redyellow.ui.bench.StallBench " + mb + " " + runs);
                window.close();
                try {
                    prefs.removeNode();
                } catch (BackingStoreException e) {
                    System.err.println("stallbench: could not remove its preferences node: " + e.getMessage());
                }
                Platform.exit();
            });
            window.project().open(manifest(root, mb));
        }

        private static void afterPause(int seconds, Runnable then) {
            javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(seconds));
            wait.setOnFinished(e -> then.run());
            wait.play();
        }

        private void startMeasuredRun(MainWindow window) {
            run++;
            gaps.clear();
            gcAtStart = Machine.now();
            measuring = true;
            startNanos = System.nanoTime();
            last = startNanos;
            window.run().bridge().takeLongestDrainNanos();
            window.startRun();
        }

        private void report(int mb, double seconds, String state, double longestDrainMs, long droppedLines, int retainedLines,
                            Machine ran) {
            System.out.printf("StallBench: run %d%s: %d MB of test output, feature ended %s after %.1f s%n", run,
                    run == 1 ? " (the first since the window opened)" : "", mb, state, seconds);
            System.out.printf("  while running: %s%n", figures(gaps));
            System.out.printf("  longest drain of the event bridge in one frame %.1f ms; lines kept in the pane %d,"
                    + " lines only in the log file %d%n", longestDrainMs, retainedLines, droppedLines);
            System.out.printf("  meanwhile in this JVM: %d garbage collections (%d ms), %d ms of JIT compiling%n",
                    ran.collections(), ran.collectionMillis(), ran.compilingMillis());
        }

        private static String figures(List<Long> gaps) {
            List<Long> sorted = new ArrayList<>(gaps);
            sorted.sort(null);
            double max = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6;
            double p99 = sorted.isEmpty() ? 0 : sorted.get((int) Math.floor(0.99 * (sorted.size() - 1))) / 1e6;
            double p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1e6;
            long over16 = sorted.stream().filter(g -> g > 16_700_000L).count();
            long over50 = sorted.stream().filter(g -> g > 50_000_000L).count();
            return String.format("frames %d, gap p50 %.1f ms, p99 %.1f ms, max %.1f ms; over 16.7 ms: %d, over 50 ms: %d",
                    sorted.size(), p50, p99, max, over16, over50);
        }
    }

    /** The JVM's garbage collections and JIT compiling so far: what else kept the two cores busy. */
    record Machine(long collections, long collectionMillis, long compilingMillis) {
        static Machine now() {
            long count = 0;
            long millis = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                count += Math.max(0, gc.getCollectionCount());
                millis += Math.max(0, gc.getCollectionTime());
            }
            CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
            long compiling = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
            return new Machine(count, millis, compiling);
        }

        Machine minus(Machine before) {
            return new Machine(collections - before.collections, collectionMillis - before.collectionMillis,
                    compilingMillis - before.compilingMillis);
        }
    }

    /** One feature: its RED proof fails on the missing module; its attempt passes after printing {@code mb} MB. */
    static Path manifest(Path root, int mb) throws IOException {
        String test = "import sys\\nimport unittest\\nfrom flood import value\\n\\nclass TestFlood(unittest.TestCase):\\n"
                + "    def test_flood(self):\\n        block = ''.join('line %07d ' % i + 'x' * 88 + '\\\\n' for i in range(10240))\\n"
                + "        for _ in range(" + mb + "):\\n            sys.stdout.write(block)\\n"
                + "        sys.stdout.flush()\\n        self.assertEqual(42, value)\\n";
        String json = "{ \"version\": 1, \"name\": \"stall-bench\", \"workers\": 1, \"maxAttempts\": 1, \"features\": [ {"
                + " \"id\": \"flood\", \"title\": \"" + mb + " MB of output\","
                + " \"test\": { \"kind\": \"command\", \"command\": [\"python3\", \"-m\", \"unittest\", \"test_flood\"],"
                + " \"env\": { \"PYTHONDONTWRITEBYTECODE\": \"1\" }, \"timeoutSeconds\": 600 },"
                + " \"tests\": { \"test_flood.py\": \"" + test + "\" },"
                + " \"attempts\": [ { \"files\": { \"flood.py\": \"value = 42\\n\" } } ] } ] }\n";
        Path file = root.resolve("flood").resolve("manifest.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        return file;
    }
}
