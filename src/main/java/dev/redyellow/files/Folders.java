package dev.redyellow.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folders removed whole. */
public final class Folders {

    private Folders() {
    }

    /**
     * Removes {@code root} and everything under it; nothing when it is not there. Links are removed,
     * never followed: what a link inside (or {@code root} itself, when it is one) points to stays.
     */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) { // walk does not follow links
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
