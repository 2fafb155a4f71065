package dev.redyellow.store;

import dev.redyellow.files.AtomicFiles;
import dev.redyellow.files.LibraryFolders;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * Keeps SQLite's native library extracted once per user and version, and points the driver at it.
 * Left to itself the driver copies the 1 MB library out of the jar into the temp folder on every
 * start and compares the copy byte for byte, about a fifth of a second of each short command
 * (measured with JFR on an unchanged re-run). Anything unexpected leaves the driver to its own way;
 * the driver also falls back to extracting when the kept copy does not load.
 */
final class SqliteNativeLibrary {
    private static final System.Logger LOG = System.getLogger(SqliteNativeLibrary.class.getName());
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private static boolean done;

    private SqliteNativeLibrary() {
    }

    /** Once per process, before the driver first loads: use the kept copy, extracting it if needed. */
    static synchronized void useKeptCopy() {
        if (done) {
            return;
        }
        done = true;
        if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
            return; // the user chose a library
        }
        keep(LibraryFolders.perUser()).ifPresent(library -> {
            System.setProperty(PATH_PROPERTY, library.getParent().toString());
            System.setProperty(NAME_PROPERTY, library.getFileName().toString());
        });
    }

    /**
     * The bundled library for this platform, kept in the first writable folder under a name carrying
     * the driver's version and the platform; written (atomically) only when missing or of another size.
     */
    static Optional<Path> keep(List<Path> folders) {
        String platform;
        String name = System.mapLibraryName("sqlitejdbc");
        URL resource;
        try {
            platform = OSInfo.getNativeLibFolderPathForCurrentOS();
            resource = SQLiteJDBCLoader.class.getResource("/org/sqlite/native/" + platform + "/" + name);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "SQLite's platform is not known; the driver extracts its library itself", e);
            return Optional.empty();
        }
        if (resource == null) {
            return Optional.empty();
        }
        String folderName = "sqlite-" + SQLiteJDBCLoader.getVersion() + "-" + platform.replace('/', '-');
        for (Path folder : folders) {
            Path library = folder.resolve(folderName).resolve(name);
            try {
                URLConnection connection = resource.openConnection();
                long size = connection.getContentLengthLong();
                if (!Files.isRegularFile(library) || Files.size(library) != size) {
                    try (InputStream in = connection.getInputStream()) {
                        AtomicFiles.write(library, in.readAllBytes());
                    }
                }
                return Optional.of(library);
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "cannot keep SQLite's native library in " + folder, e);
            }
        }
        return Optional.empty();
    }
}
