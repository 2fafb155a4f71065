package dev.redyellow.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Remembers the window's size and place, the split positions and the recent files between sessions. */
final class WindowPreferences {
    private static final System.Logger LOG = System.getLogger(WindowPreferences.class.getName());
    private final Preferences prefs;

    WindowPreferences(Preferences prefs) {
        this.prefs = prefs;
    }

    void restore(Stage stage, List<SplitPane> splits) {
        // Never larger than the screen: a size remembered on a bigger monitor must still fit.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(screen.getWidth(), prefs.getDouble("width", 1360)));
        stage.setHeight(Math.min(screen.getHeight(), prefs.getDouble("height", 860)));
        double x = prefs.getDouble("x", Double.NaN);
        double y = prefs.getDouble("y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y) && screen.contains(x, y)) {
            stage.setX(x);
            stage.setY(y);
        }
        for (int i = 0; i < splits.size(); i++) {
            SplitPane split = splits.get(i);
            double[] positions = split.getDividerPositions();
            for (int d = 0; d < positions.length; d++) {
                positions[d] = prefs.getDouble("split." + i + "." + d, positions[d]);
            }
            split.setDividerPositions(positions);
        }
    }

    void save(Stage stage, List<SplitPane> splits) {
        prefs.putDouble("width", stage.getWidth());
        prefs.putDouble("height", stage.getHeight());
        prefs.putDouble("x", stage.getX());
        prefs.putDouble("y", stage.getY());
        for (int i = 0; i < splits.size(); i++) {
            double[] positions = splits.get(i).getDividerPositions();
            for (int d = 0; d < positions.length; d++) {
                prefs.putDouble("split." + i + "." + d, positions[d]);
            }
        }
        flush();
    }

    List<Path> recentFiles() {
        return java.util.stream.IntStream.range(0, ProjectViewModel.RECENT_FILES)
                .mapToObj(i -> prefs.get("recent." + i, null)).filter(s -> s != null && !s.isEmpty())
                .map(Path::of).filter(Files::isRegularFile).toList();
    }

    void saveRecentFiles(List<Path> files) {
        for (int i = 0; i < ProjectViewModel.RECENT_FILES; i++) {
            if (i < files.size()) {
                prefs.put("recent." + i, files.get(i).toString());
            } else {
                prefs.remove("recent." + i);
            }
        }
        flush();
    }

    private void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot save the window preferences", e);
        }
    }
}
