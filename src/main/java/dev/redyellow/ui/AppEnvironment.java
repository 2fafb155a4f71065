package dev.redyellow.ui;

import dev.redyellow.cache.CacheLocation;
import dev.redyellow.exec.RunFolder;
import java.nio.file.Path;
import java.util.prefs.Preferences;

/**
 * Where the application keeps its things: injected so that tests use a {@code @TempDir} and a
 * private preferences node, never the user's files.
 *
 * @param database    the RedYellow file (test cache and run history)
 * @param runsRoot    the parent of run folders (logs, workspaces)
 * @param samplesRoot where the bundled sample is copied out to
 * @param trustFile   the content hashes of the manifests the user trusted, one a line
 * @param preferences window size, split positions, recent files
 */
public record AppEnvironment(Path database, Path runsRoot, Path samplesRoot, Path trustFile, Preferences preferences) {

    /** The user's own places: ~/.redyellow (or $REDYELLOW_DB) and the user preferences of the app. */
    public static AppEnvironment user() {
        Path home = Path.of(System.getProperty("user.home"), ".redyellow");
        return new AppEnvironment(CacheLocation.resolve(null, System.getenv()), RunFolder.defaultRoot(),
                home.resolve("samples"), home.resolve("trusted-manifests"),
                Preferences.userRoot().node("dev/redyellow/ui"));
    }

    /** Everything under one folder, with the given preferences node: for tests and benchmarks. */
    public static AppEnvironment under(Path root, Preferences preferences) {
        return new AppEnvironment(root.resolve("redyellow.db"), root.resolve("runs"), root.resolve("samples"),
                root.resolve("trusted-manifests"), preferences);
    }
}
