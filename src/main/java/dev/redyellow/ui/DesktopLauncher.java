package dev.redyellow.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Application;

/** Starts the JavaFX application, with a clear message when there is no display to show it on. */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    /**
     * Whether these arguments ask for the window rather than the command line: none at all, or a
     * single existing manifest file, which is how a file manager opens a double-clicked
     * {@code .redyellow} file (or a {@code .json} one chosen with "Open with").
     */
    public static boolean wantsWindow(String[] args) {
        return args.length == 0 || args.length == 1 && isManifestFile(args[0]);
    }

    private static boolean isManifestFile(String arg) {
        String name = arg.toLowerCase(Locale.ROOT);
        if (!name.endsWith(".json") && !name.endsWith(".redyellow")) {
            return false;
        }
        try {
            return Files.isRegularFile(Path.of(arg));
        } catch (java.nio.file.InvalidPathException notAPath) {
            return false;
        }
    }

    /** @param args none, or the one manifest file to open (see {@link #wantsWindow}) */
    public static void launch(String[] args) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("linux") && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null
                && !"Monocle".equals(System.getProperty("glass.platform"))) {
            System.err.println("redyellow: no display to open the window on (DISPLAY is not set). "
                    + "Use the command line instead, e.g. `redyellow plan MANIFEST` or `redyellow --help`.");
            System.exit(2);
        }
        // A file manager may start the launcher in any folder, so the window gets the absolute path.
        String[] raw = args.length == 1 ? new String[] {Path.of(args[0]).toAbsolutePath().normalize().toString()} : args;
        Application.launch(RedYellowApp.class, raw);
    }
}
