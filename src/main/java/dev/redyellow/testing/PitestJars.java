package dev.redyellow.testing;

import dev.redyellow.files.AtomicFiles;
import dev.redyellow.files.LibraryFolders;
import dev.redyellow.files.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The PIT jars that ship inside the application (class-path resources, so mutation testing needs no
 * network), extracted once per user like {@link JUnitConsoleJar}: to a folder named by their hash,
 * each through a temporary file and an atomic move, so parallel workers never see half a jar.
 */
public final class PitestJars {

    static final String FOLDER = "/dev/redyellow/testing/pitest/";
    /** The jars PIT's command line needs, besides the JUnit Platform (from the bundled launcher). */
    static final List<String> NAMES = List.of("pitest-command-line.jar", "pitest-entry.jar", "pitest.jar",
            "pitest-junit5-plugin.jar", "commons-text.jar", "commons-lang3.jar");
    /** The PIT version bundled, for cache keys: another PIT may make other mutants. */
    public static final String VERSION = "pitest 1.30.1, pitest-junit5-plugin 1.2.3";
    private static final System.Logger LOG = System.getLogger(PitestJars.class.getName());
    private static final PitestJars SHARED = new PitestJars(LibraryFolders.perUser());

    private final List<Path> folders;
    private List<Path> extracted;

    /** @param folders where the jars may be cached, in order of preference (unwritable ones are skipped) */
    public PitestJars(List<Path> folders) {
        this.folders = List.copyOf(folders);
    }

    /** The process-wide instance, caching in {@code ~/.redyellow/lib}, else in the temp folder. */
    public static PitestJars shared() {
        return SHARED;
    }

    /** The extracted jars; extracts them on first use. */
    public synchronized List<Path> paths() throws IOException {
        if (extracted != null && extracted.stream().allMatch(Files::isRegularFile)) {
            return extracted;
        }
        List<byte[]> jars = new ArrayList<>();
        MessageDigest all = Sha256.digest();
        for (String name : NAMES) {
            byte[] jar = bundled(name);
            jars.add(jar);
            all.update(jar);
        }
        String folderName = "pitest-" + Sha256.hex(all).substring(0, 16);
        List<String> problems = new ArrayList<>();
        for (Path folder : folders) {
            try {
                List<Path> paths = new ArrayList<>();
                for (int i = 0; i < NAMES.size(); i++) {
                    paths.add(AtomicFiles.writeIfChanged(folder.resolve(folderName).resolve(NAMES.get(i)), jars.get(i)));
                }
                extracted = List.copyOf(paths);
                return extracted;
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "cannot cache the PIT jars in " + folder, e);
                problems.add(folder + ": " + e);
            }
        }
        throw new IOException("cannot extract the PIT jars: " + String.join("; ", problems));
    }

    private static byte[] bundled(String name) throws IOException {
        try (InputStream in = PitestJars.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IOException("PIT is not bundled (class-path resource " + FOLDER + name
                        + " is missing; the Maven build copies it there)");
            }
            return in.readAllBytes();
        }
    }
}
