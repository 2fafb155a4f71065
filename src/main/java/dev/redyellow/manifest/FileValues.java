package dev.redyellow.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads file values: inline text, or {@code {"from": "path"}} relative to the manifest's folder.
 * A {@code from} path may not leave that folder, neither by its spelling nor through a symbolic
 * link, because a manifest someone sent you must not be able to pull in arbitrary files.
 */
final class FileValues {
    /** The largest file a manifest may reference (and the largest manifest). */
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private final Path directory;
    private final Path realDirectory;

    /** @param directory the manifest's folder, absolute and normalised */
    FileValues(Path directory) {
        this.directory = directory;
        this.realDirectory = realPathOr(directory);
    }

    /** The bytes of the file value at {@code name} in {@code fields}, or {@code null} after an error. */
    byte[] read(ObjectFields fields, String name, JsonNode value) {
        if (value.isTextual()) {
            return value.textValue().getBytes(StandardCharsets.UTF_8);
        }
        String pointer = fields.pointerOf(name);
        Optional<ObjectFields> object = ObjectFields.of(fields.json(), fields.problems(), pointer, value,
                "file content: a string, or {\"from\": \"path relative to the manifest\"}");
        if (object.isEmpty()) {
            return null;
        }
        ObjectFields from = object.get();
        from.rejectUnknown(Set.of("from"));
        if (!from.has("from")) {
            from.missing("from", "a path relative to the manifest's folder");
            return null;
        }
        String path = from.optionalString("from", null, false);
        if (path == null) {
            return null;
        }
        Optional<String> problem = escapeProblem(path);
        if (problem.isPresent()) {
            from.error("from", "\"from\" path \"" + path + "\" " + problem.get());
            return null;
        }
        return readInside(from, path);
    }

    /**
     * Why {@code path}, spelt relative to the manifest's folder, could leave it; empty when it cannot
     * (symbolic links are checked separately, once the file is found).
     */
    static Optional<String> escapeProblem(String path) {
        if (path.indexOf('\\') >= 0) {
            return Optional.of("contains a backslash; separate folders with \"/\"");
        }
        if (path.length() >= 2 && path.charAt(1) == ':' && Character.isLetter(path.charAt(0))) {
            return Optional.of("starts with a drive letter; write a path relative to the manifest's folder");
        }
        if (path.startsWith("/")) {
            return Optional.of("is absolute; write a path relative to the manifest's folder");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return Optional.of("contains \"..\"; it must stay inside the manifest's folder");
            }
        }
        return Optional.empty();
    }

    /**
     * {@code path} resolved against the manifest's folder when it names something inside it
     * (following symbolic links); otherwise reports why not and returns empty.
     */
    Optional<Path> resolveInside(ObjectFields fields, String name, String path, String what) {
        Path resolved = directory.resolve(path).normalize();
        if (!Files.exists(resolved)) {
            fields.error(name, what + " \"" + path + "\" not found (looked in the manifest's folder)");
            return Optional.empty();
        }
        Path real = realPathOr(resolved);
        if (!real.startsWith(realDirectory)) {
            fields.error(name, what + " \"" + path + "\" is a symbolic link that resolves outside the manifest's folder");
            return Optional.empty();
        }
        return Optional.of(resolved);
    }

    private byte[] readInside(ObjectFields from, String path) {
        Optional<Path> found = resolveInside(from, "from", path, "file");
        if (found.isEmpty()) {
            return null;
        }
        Path file = found.get();
        try {
            if (Files.isDirectory(file)) {
                from.error("from", "\"" + path + "\" is a folder; expected a file");
                return null;
            }
            if (!Files.isRegularFile(file)) {
                // A FIFO, socket or device would block the read (a FIFO until something writes to it)
                // or never end; only a regular file's bytes are a fixed content.
                from.error("from", "\"" + path + "\" is not a regular file (a FIFO, socket or device); expected a file");
                return null;
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                from.error("from", "file \"" + path + "\" is " + megabytes(size) + "; referenced files may be at most 10 MB");
                return null;
            }
            return Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            from.error("from", "cannot read \"" + path + "\": permission denied");
        } catch (IOException e) {
            from.error("from", "cannot read \"" + path + "\": " + e.getMessage());
        }
        return null;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static Path realPathOr(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }
}
