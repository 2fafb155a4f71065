package dev.redyellow.manifest;

import java.nio.file.Path;

/**
 * A place in a manifest: the file, a 1-based line and column, and the JSON pointer of the value
 * ({@code ""} for the root).
 */
public record SourceLocation(Path file, int line, int column, String pointer) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + " at " + (pointer.isEmpty() ? "/" : pointer);
    }
}
