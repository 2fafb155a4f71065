package dev.redyellow;

import dev.redyellow.ui.RedYellowApp;
import javafx.application.Application;

/** Starts the JavaFX application, with a clear message when there is no display to show it on. */
final class DesktopLauncher {

    private DesktopLauncher() {
    }

    static void launch(String[] args) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("linux") && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null
                && !"Monocle".equals(System.getProperty("glass.platform"))) {
            System.err.println("redyellow: no display to open the window on (DISPLAY is not set). "
                    + "Use the command line instead, e.g. `redyellow plan MANIFEST` or `redyellow --help`.");
            System.exit(2);
        }
        Application.launch(RedYellowApp.class, args);
    }
}
