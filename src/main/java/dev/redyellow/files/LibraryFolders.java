package dev.redyellow.files;

import java.nio.file.Path;
import java.util.List;

/**
 * Where RedYellow keeps what it extracts from its own jar once per user (the JUnit launcher, PIT's
 * jars, SQLite's native library), in order of preference: {@code ~/.redyellow/lib}, else a folder of
 * the user's own in the temp folder when the home folder cannot be written.
 */
public final class LibraryFolders {

    private LibraryFolders() {
    }

    /** The folders, most preferred first. */
    public static List<Path> perUser() {
        return List.of(Path.of(System.getProperty("user.home"), ".redyellow", "lib"),
                Path.of(System.getProperty("java.io.tmpdir"), "redyellow-" + System.getProperty("user.name"), "lib"));
    }
}
