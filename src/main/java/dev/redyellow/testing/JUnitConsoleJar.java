package dev.redyellow.testing;

import dev.redyellow.files.AtomicFiles;
import dev.redyellow.files.LibraryFolders;
import dev.redyellow.files.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JUnit Platform console launcher that ships inside the application (a class-path resource, so
 * no network is needed). A JVM cannot run a jar inside a jar, so it is extracted once per process to
 * a cache folder, under a name carrying its hash, and reused; parallel workers and processes write
 * it through a temporary file and an atomic move, so none ever sees a half-written jar.
 */
public final class JUnitConsoleJar {

    static final String RESOURCE = "/dev/redyellow/testing/junit-console.jar";
    private static final System.Logger LOG = System.getLogger(JUnitConsoleJar.class.getName());
    private static final JUnitConsoleJar SHARED = new JUnitConsoleJar(LibraryFolders.perUser());

    private final List<Path> folders;
    private Path extracted;

    /** @param folders where the jar may be cached, in order of preference (unwritable ones are skipped) */
    public JUnitConsoleJar(List<Path> folders) {
        this.folders = List.copyOf(folders);
    }

    /** The process-wide instance, caching in {@code ~/.redyellow/lib}, else in the temp folder. */
    public static JUnitConsoleJar shared() {
        return SHARED;
    }

    /** The extracted jar; extracts it on first use. */
    public synchronized Path path() throws IOException {
        if (extracted != null && Files.isRegularFile(extracted)) {
            return extracted;
        }
        byte[] jar = bundled();
        String name = "junit-console-" + Sha256.hex(jar).substring(0, 16) + ".jar";
        List<String> problems = new ArrayList<>();
        for (Path folder : folders) {
            try {
                extracted = AtomicFiles.writeIfChanged(folder.resolve(name), jar);
                return extracted;
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "cannot cache the JUnit console launcher in " + folder, e);
                problems.add(folder + ": " + e);
            }
        }
        throw new IOException("cannot extract the JUnit console launcher: " + String.join("; ", problems));
    }

    private static byte[] bundled() throws IOException {
        try (InputStream in = JUnitConsoleJar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the JUnit console launcher is not bundled (class-path resource " + RESOURCE
                        + " is missing; the Maven build copies it there)");
            }
            return in.readAllBytes();
        }
    }
}
