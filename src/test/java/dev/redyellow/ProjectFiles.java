package dev.redyellow;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's own files are, for tests that use the bundled samples. */
public final class ProjectFiles {

    private ProjectFiles() {
    }

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("tests must run inside the repository");
        }
        return dir;
    }

    public static Path samples() {
        return root().resolve("samples");
    }
}
