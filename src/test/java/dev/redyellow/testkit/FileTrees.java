package dev.redyellow.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Folders of text files for tests: each relative path written with its text, parent folders made. */
public final class FileTrees {

    private FileTrees() {
    }

    /** Writes {@code files} (relative path to text) under {@code root} and returns {@code root}. */
    public static Path write(Path root, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return root;
    }
}
