package dev.redyellow.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The desktop application. It opens the bundled sample, ready to Run, or, when launched with one
 * argument naming a manifest file (the installer's file association), that manifest.
 */
public final class RedYellowApp extends Application {
    private static final System.Logger LOG = System.getLogger(RedYellowApp.class.getName());

    private final AppEnvironment injected;
    private MainWindow window;

    public RedYellowApp() {
        this(null);
    }

    /** For tests and benchmarks: the app's files go where {@code env} says, not to the user's home. */
    public RedYellowApp(AppEnvironment env) {
        this.injected = env;
    }

    @Override
    public void start(Stage stage) {
        window = new MainWindow(stage, injected != null ? injected : AppEnvironment.user(), this::openExternally);
        stage.show();
        Parameters parameters = getParameters();
        List<String> raw = parameters == null ? List.of() : parameters.getRaw();
        if (raw.size() == 1 && Files.isRegularFile(Path.of(raw.get(0)))) {
            window.project().open(Path.of(raw.get(0)));
        } else {
            window.openSample();
        }
    }

    private void openExternally(Path file) {
        try {
            getHostServices().showDocument(file.toUri().toString());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "cannot hand " + file + " to the desktop; its path is shown instead", e);
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }

    public MainWindow window() {
        return window;
    }
}
