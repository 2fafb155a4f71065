package dev.redyellow.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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
    /** The real paths of the folders files were found in (one loader thread reads a manifest). */
    private final Map<Path, Path> realFolders = new HashMap<>();

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
        return findInside(fields, name, path, what).map(Found::file);
    }

    /** A file or folder found inside the manifest's folder, with its attributes (links followed). */
    private record Found(Path file, BasicFileAttributes attributes) {
    }

    /**
     * As {@link #resolveInside}, with the attributes. A path that is no symbolic link itself is read
     * with one stat, and its real path is its folder's, worked out once per folder: a manifest names
     * hundreds of files in a few dozen folders, and resolving each one's real path stats every folder
     * above it again.
     */
    private Optional<Found> findInside(ObjectFields fields, String name, String path, String what) {
        Path resolved = directory.resolve(path).normalize();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(resolved, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            attributes = null; // not there, or not readable: as the followed look below says
        }
        Path real;
        if (attributes != null && !attributes.isSymbolicLink() && resolved.getParent() != null) {
            real = realFolder(resolved.getParent()).resolve(resolved.getFileName());
        } else {
            try {
                attributes = Files.readAttributes(resolved, BasicFileAttributes.class);
            } catch (IOException e) {
                fields.error(name, what + " \"" + path + "\" not found (looked in the manifest's folder)");
                return Optional.empty();
            }
            real = realPathOr(resolved);
        }
        if (!real.startsWith(realDirectory)) {
            fields.error(name, what + " \"" + path + "\" is a symbolic link that resolves outside the manifest's folder");
            return Optional.empty();
        }
        return Optional.of(new Found(resolved, attributes));
    }

    private Path realFolder(Path folder) {
        return realFolders.computeIfAbsent(folder, FileValues::realPathOr);
    }

    private byte[] readInside(ObjectFields from, String path) {
        Optional<Found> found = findInside(from, "from", path, "file");
        if (found.isEmpty()) {
            return null;
        }
        Path file = found.get().file();
        BasicFileAttributes attributes = found.get().attributes();
        try {
            if (attributes.isDirectory()) {
                from.error("from", "\"" + path + "\" is a folder; expected a file");
                return null;
            }
            if (!attributes.isRegularFile()) {
                // A FIFO, socket or device would block the read (a FIFO until something writes to it)
                // or never end; only a regular file's bytes are a fixed content.
                from.error("from", "\"" + path + "\" is not a regular file (a FIFO, socket or device); expected a file");
                return null;
            }
            if (attributes.size() > MAX_BYTES) {
                from.error("from", "file \"" + path + "\" is " + megabytes(attributes.size()) + "; referenced files may be at most 10 MB");
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > MAX_BYTES) {
                // it grew since it was looked at
                from.error("from", "file \"" + path + "\" is " + megabytes(bytes.length) + "; referenced files may be at most 10 MB");
                return null;
            }
            return bytes;
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
