package dev.redyellow.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The folder of one run: its workspaces (and later its logs) live under it. */
public record RunFolder(Path path) {

    /** A new, empty folder under the system's temporary folder. */
    public static RunFolder createTemp() throws IOException {
        return new RunFolder(Files.createTempDirectory("redyellow-run-"));
    }

    /** Removes the folder and everything under it. */
    public void delete() throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
