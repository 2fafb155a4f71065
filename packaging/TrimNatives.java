import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Copies the shaded jar for one platform's installer, leaving out the SQLite native libraries of
 * every other platform. sqlite-jdbc ships about 25 MB of them (Windows, macOS, Linux, musl,
 * Android, FreeBSD, several CPUs each) and loads only the one under
 * {@code org/sqlite/native/<os>/<arch>/}; an installer is for one platform, so the rest is dead
 * weight (about 13 MB of a 32 MB jar). The portable jar keeps them all.
 *
 * Usage, from the repository root: {@code java packaging/TrimNatives.java IN.jar OUT.jar Linux/x86_64}
 */
public class TrimNatives {
    private static final String NATIVES = "org/sqlite/native/";

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java packaging/TrimNatives.java IN.jar OUT.jar OS/ARCH (e.g. Linux/x86_64)");
            System.exit(2);
        }
        String kept = NATIVES + args[2] + "/";
        int dropped = 0;
        boolean keptFound = false;
        try (InputStream file = Files.newInputStream(Path.of(args[0]));
             ZipInputStream in = new ZipInputStream(file);
             OutputStream target = Files.newOutputStream(Path.of(args[1]));
             ZipOutputStream out = new ZipOutputStream(target)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                boolean native_ = name.startsWith(NATIVES) && !entry.isDirectory();
                if (native_ && !name.startsWith(kept)) {
                    dropped++;
                    continue;
                }
                keptFound |= native_;
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
        if (!keptFound) {
            // Without its library sqlite-jdbc cannot open the test cache: refuse rather than ship that.
            Files.deleteIfExists(Path.of(args[1]));
            System.err.println("no SQLite native library under " + kept + " in " + args[0]);
            System.exit(1);
        }
        System.out.println("left out " + dropped + " SQLite native libraries of other platforms; kept " + kept);
    }
}
